// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading quantities that people type: "3.35 TB/s", "80 GiB", "$2.49/h", "989.4 TFLOPS".
// A bare number is read in base units (bytes, FLOP/s, seconds, ...), except for prices and
// intensities, which people write per hour or per kWh: a bare 2.49 as a MoneyRate is $2.49/h.

#include "units/measure.h"
#include "units/quantities.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace accelplan::units {

struct ParseError {
    std::size_t position = 0; // 0-based offset of the offending part in the text
    std::size_t length = 0;   // how many characters are wrong
    std::string message;      // says what is wrong and what was expected
};

template <class T> struct ParseResult {
    std::optional<T> value;
    ParseError error; // meaningful only when !value
    bool ok() const { return value.has_value(); }
};

// Parses `text` as a quantity of measure `m` and returns its value in base units.
ParseResult<double> parseMeasure(std::string_view text, Measure m);

// Parses a count as people type it, with a scale word attached or apart and, optionally, the
// field's own unit: "70 B", "1.5M tokens/day", "2k", "20 req/s", "3 million". Scales: k or
// thousand, M (or m, million, mln), B or G (billion, bn), T (trillion), any case: a count has
// no milli. A unit must be one of `unitWords` (any case), else the text is refused.
ParseResult<double> parseCount(std::string_view text, std::span<const std::string_view> unitWords);

// Whether `partial`, typed after a count's number, is the beginning of a scale word and unit
// parseCount() reads ("M tok" on the way to "M tokens"): what a field may let a person type on.
bool beginsCountSuffix(std::string_view partial, std::span<const std::string_view> unitWords);

// Whether `partial` is the beginning of a unit symbol of `m`, with a metric prefix where the
// symbol takes one ("m" of "ms", "mi" of "min", "G" and "GB" of "GB/s"): what a field may let a
// person go on typing.
bool beginsUnitOf(std::string_view partial, Measure m);

// The measure each typed quantity is read and written as.
template <class Q> struct MeasureOf;
template <> struct MeasureOf<Flops> { static constexpr Measure value = Measure::Compute; };
template <> struct MeasureOf<FlopsPerSecond> {
    static constexpr Measure value = Measure::ComputeRate;
};
template <> struct MeasureOf<Bytes> { static constexpr Measure value = Measure::Information; };
template <> struct MeasureOf<BytesPerSecond> {
    static constexpr Measure value = Measure::Bandwidth;
};
template <> struct MeasureOf<Seconds> { static constexpr Measure value = Measure::Time; };
template <> struct MeasureOf<Watts> { static constexpr Measure value = Measure::Power; };
template <> struct MeasureOf<Joules> { static constexpr Measure value = Measure::Energy; };
template <> struct MeasureOf<Dollars> { static constexpr Measure value = Measure::Money; };
template <> struct MeasureOf<DollarsPerSecond> {
    static constexpr Measure value = Measure::MoneyRate;
};
template <> struct MeasureOf<FlopsPerByte> { static constexpr Measure value = Measure::Intensity; };
template <> struct MeasureOf<DollarsPerJoule> {
    static constexpr Measure value = Measure::EnergyPrice;
};
template <> struct MeasureOf<KilogramsPerJoule> {
    static constexpr Measure value = Measure::CarbonIntensity;
};

// Typed parsing: `parse<BytesPerSecond>("3.35 TB/s")`.
template <class Q> ParseResult<Q> parse(std::string_view text) {
    ParseResult<double> r = parseMeasure(text, MeasureOf<Q>::value);
    if (!r.value)
        return {std::nullopt, std::move(r.error)};
    return {Q::from_value(*r.value), {}};
}

} // namespace accelplan::units
