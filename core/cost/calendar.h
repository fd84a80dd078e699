// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Calendar spans that prices and plans are quoted in.

#include "units/quantities.h"

namespace accelplan {

// An average month: a Julian year (365.25 days) over twelve, 730.5 hours.
inline constexpr units::Seconds kMonth = units::hours(365.25 * 24.0 / 12.0);
inline constexpr units::Seconds kYear = units::hours(365.25 * 24.0);

constexpr double inMonths(units::Seconds t) { return t.value() / kMonth.value(); }

} // namespace accelplan
