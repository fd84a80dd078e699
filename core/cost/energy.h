// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Power, energy and carbon of a fleet of chips.

#include "hardware/chip.h"
#include "scenario/scenario.h"
#include "units/quantities.h"

#include <optional>

namespace accelplan {

// Average draw while working, as a fraction of TDP, when the scenario does not say. Cloud TPU
// v4's documentation gives a mean of 170 W against a maximum of 192 W (89 %) for a busy chip;
// 80 % leaves room for the input, checkpoint and evaluation pauses of a real run.
inline constexpr double kDefaultUtilization = 0.8;

double utilizationOf(const Costs &costs);

// A chip's TDP: the catalog's value, else the middle of its TDP range (an estimate's range).
std::optional<units::Watts> chipPower(const Chip &chip);

// Draw at the wall of `chips` chips: TDP x utilisation x PUE. Host CPUs, memory and network
// are left out, as published model cards do. Empty when the catalog has no TDP.
std::optional<units::Watts> fleetPower(const Chip &chip, int chips, double utilization, double pue);

} // namespace accelplan
