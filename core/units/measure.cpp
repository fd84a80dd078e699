// SPDX-License-Identifier: GPL-3.0-or-later
#include "units/measure.h"

namespace accelplan::units {

std::string_view measureName(Measure m) {
    switch (m) {
    case Measure::Compute: return "compute work";
    case Measure::ComputeRate: return "compute rate";
    case Measure::Information: return "memory size";
    case Measure::Bandwidth: return "bandwidth";
    case Measure::Time: return "time";
    case Measure::Power: return "power";
    case Measure::Energy: return "energy";
    case Measure::Money: return "money";
    case Measure::MoneyRate: return "price per hour";
    case Measure::Intensity: return "arithmetic intensity";
    case Measure::EnergyPrice: return "electricity price";
    case Measure::CarbonIntensity: return "carbon intensity";
    }
    return "quantity";
}

std::string_view measureExample(Measure m) {
    switch (m) {
    case Measure::Compute: return "3.8e25 FLOP, 1.2 EFLOP";
    case Measure::ComputeRate: return "989.4 TFLOP/s, 1.2 PFLOPS, 394 TOPS";
    case Measure::Information: return "80 GiB, 141 GB, 50 MB";
    case Measure::Bandwidth: return "3.35 TB/s, 900 GB/s, 400 Gbit/s";
    case Measure::Time: return "20 s, 15 ms, 3.5 h, 2 days";
    case Measure::Power: return "700 W, 1.2 kW";
    case Measure::Energy: return "310 kWh, 1.2 MWh, 5 J";
    case Measure::Money: return "$2,450, 30000 USD, $1.2M";
    case Measure::MoneyRate: return "$2.49/h, 55.04 USD/h";
    case Measure::Intensity: return "295 FLOP/B";
    case Measure::EnergyPrice: return "$0.10/kWh";
    case Measure::CarbonIntensity: return "0.4 kg/kWh";
    }
    return "";
}

} // namespace accelplan::units
