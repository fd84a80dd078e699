// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writing quantities for people: "989.4 TFLOP/s", "3.35 TB/s", "80 GiB", "$2.49/h", "$2,450".
// Everything formatted here in US dollars can be read back by parse.h.

#include "units/currency.h"
#include "units/measure.h"
#include "units/parse.h"
#include "units/quantities.h"

#include <optional>
#include <string>

namespace accelplan::units {

enum class ByteStyle {
    Auto, // memory sizes in IEC (GiB), bandwidths in SI (GB/s), as vendors print them
    Si,
    Iec,
};

struct FormatOptions {
    int significantDigits = 4; // 1..17; trailing zeros are dropped
    ByteStyle bytes = ByteStyle::Auto;
    bool flopsAsFlops = false; // "1.2 PFLOPS" instead of "1.2 PFLOP/s"
    // Durations: the unit is chosen as for this many seconds instead of for the value, so
    // that the values of one column share a unit ("41.02 h" reads "1.709 days" beside
    // "2.774 days"). 0: each value picks its own.
    double durationUnitFor = 0;
    // Amounts (and prices per hour or kWh) converted into this currency and written with its
    // sign: "€2,254". Nothing: shownCurrency() (US dollars unless the app chose another).
    std::optional<Currency> currency;
};

// `value` is in base units (see quantities.h).
std::string formatMeasure(double value, Measure m, const FormatOptions &options = {});

// A number alone, rounded to significant digits, without a unit: "3.35", "0.0012", "1e+30".
std::string formatNumber(double value, int significantDigits = 4);

// A plain percentage for ratios such as MFU: 0.413 -> "41 %".
std::string formatPercent(double fraction, int decimals = 0);

// A number of chips with its noun: "1 chip", "12 chips".
std::string formatChips(int count);

template <class Q> std::string format(Q quantity, const FormatOptions &options = {}) {
    return formatMeasure(quantity.value(), MeasureOf<Q>::value, options);
}

} // namespace accelplan::units
