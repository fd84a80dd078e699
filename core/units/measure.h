// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What kind of quantity a number is, for the text layer (parsing and formatting for people).
// The simulation uses the typed quantities of quantities.h; text crosses into them here.

#include <optional>
#include <string_view>

namespace accelplan::units {

enum class Measure {
    Compute,         // FLOP
    ComputeRate,     // FLOP/s
    Information,     // byte
    Bandwidth,       // byte/s
    Time,            // s
    Power,           // W
    Energy,          // J
    Money,           // $
    MoneyRate,       // $/s (written per hour)
    Intensity,       // FLOP/byte
    EnergyPrice,     // $/J (written per kWh)
    CarbonIntensity, // kg/J (written kg/kWh)
};

// A short name for messages: "bandwidth", "compute rate", ...
std::string_view measureName(Measure m);
// An example people would type, for error messages: "3.35 TB/s".
std::string_view measureExample(Measure m);

} // namespace accelplan::units
