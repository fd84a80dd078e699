// SPDX-License-Identifier: GPL-3.0-or-later
#include "cost/energy.h"

namespace accelplan {

double utilizationOf(const Costs &costs) { return costs.utilization.value_or(kDefaultUtilization); }

std::optional<units::Watts> fleetPower(const Chip &chip, int chips, double utilization,
                                       double pue) {
    if (!chip.tdp)
        return std::nullopt;
    return *chip.tdp * (double(chips) * utilization * pue);
}

} // namespace accelplan
