// SPDX-License-Identifier: GPL-3.0-or-later
#include "cost/energy.h"

namespace accelplan {

double utilizationOf(const Costs &costs) { return costs.utilization.value_or(kDefaultUtilization); }

std::optional<units::Watts> chipPower(const Chip &chip) {
    if (chip.tdp)
        return chip.tdp;
    if (chip.tdpRange.low && chip.tdpRange.high)
        return (*chip.tdpRange.low + *chip.tdpRange.high) * 0.5;
    return std::nullopt;
}

std::optional<units::Watts> fleetPower(const Chip &chip, int chips, double utilization,
                                       double pue) {
    const auto tdp = chipPower(chip);
    if (!tdp)
        return std::nullopt;
    return *tdp * (double(chips) * utilization * pue);
}

} // namespace accelplan
