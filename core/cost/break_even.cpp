// SPDX-License-Identifier: GPL-3.0-or-later
#include "cost/break_even.h"

namespace accelplan {

std::optional<units::Seconds> breakEven(units::Dollars capex, units::DollarsPerSecond ownRunning,
                                        units::DollarsPerSecond rent) {
    const units::DollarsPerSecond saving = rent - ownRunning;
    if (saving.value() <= 0)
        return std::nullopt;
    return capex / saving;
}

} // namespace accelplan
