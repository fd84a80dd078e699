// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The unit symbols people write for each measure, and the metric prefixes they may carry.
// Shared by the parser and the formatter so that whatever is printed can be read back.

#include "units/measure.h"

#include <span>
#include <string_view>

namespace accelplan::units::detail {

enum class PrefixSet {
    None,    // the symbol stands alone: "ms", "h", "day"
    Si,      // k M G T P E (and m u n for power and energy)
    SiAndIec // also Ki Mi Gi Ti Pi Ei
};

struct UnitSymbol {
    std::string_view text; // as written after the prefix: "FLOP/s", "B", "Wh"
    double factor;         // how many base units one of it is (before the prefix)
    PrefixSet prefixes;
};

// Symbols accepted for a measure, the preferred one first. Money-like measures (Money,
// MoneyRate, EnergyPrice) are read by their own code and return their per-unit suffixes here.
std::span<const UnitSymbol> symbolsFor(Measure m);

// The multiplier of a prefix ("G" -> 1e9, "Gi" -> 2^30), or 0 when `prefix` is not one of `set`.
double prefixFactor(std::string_view prefix, PrefixSet set);

} // namespace accelplan::units::detail
