// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// When buying starts to pay: the months of use after which owning has cost less than renting.

#include "units/quantities.h"

#include <optional>

namespace accelplan {

// Owning costs `capex` at once and `ownRunning` (electricity) per unit of time; renting costs
// `rent` per unit of time. Returns the time of use after which the two have cost the same,
// or empty when renting never costs more than running owned hardware.
std::optional<units::Seconds> breakEven(units::Dollars capex, units::DollarsPerSecond ownRunning,
                                        units::DollarsPerSecond rent);

} // namespace accelplan
