// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the text people type for a quantity (core/units/parse.h). The first byte picks
// the measure (its value modulo 12, so the digits '0'..'9', ':' and ';' name them in a corpus
// file); the rest is the text. Beyond not crashing, the parser keeps its promises: an error
// points inside the text and says something, a value is finite, and whatever it accepted
// survives a trip through the formatter (format.h promises parse can read what it writes).

#include "fuzz_target.h"

#include "units/format.h"
#include "units/parse.h"

#include <cmath>
#include <string>
#include <string_view>

using namespace accelplan::units;

namespace {

constexpr int kMeasureCount = 12; // Measure::Compute .. Measure::CarbonIntensity

// Dollars shown per base unit: prices are written per hour, electricity per kWh.
double shownPerBase(Measure m) {
    switch (m) {
    case Measure::MoneyRate: return 3600.0;
    case Measure::EnergyPrice: return 3.6e6;
    default: return 1.0;
    }
}

// How far a value may move through formatting at 17 digits: nothing but the last bits, except
// for dollar amounts, which format.h shows in whole dollars from $1,000 to $10M.
bool closeEnough(double written, double read, Measure m) {
    const bool money = m == Measure::Money || m == Measure::MoneyRate || m == Measure::EnergyPrice;
    const double shown = std::fabs(written) * shownPerBase(m);
    if (money && shown >= 1000 && shown < 1e7)
        return std::fabs(written - read) * shownPerBase(m) <= 0.5 + 1e-9 * shown;
    return std::fabs(written - read) <= 1e-12 * std::fmax(std::fabs(written), std::fabs(read));
}

void checkError(const ParseResult<double> &r, std::string_view text) {
    FUZZ_CHECK(!r.error.message.empty());
    FUZZ_CHECK(r.error.position <= text.size());
    FUZZ_CHECK(r.error.length <= text.size() - r.error.position);
}

void checkRoundTrip(double value, Measure m) {
    FormatOptions exact;
    exact.significantDigits = 17;
    const std::string written = formatMeasure(value, m, exact);
    const ParseResult<double> back = parseMeasure(written, m);
    if (!back.ok())
        std::fprintf(stderr, "formatted %.17g as '%s', which does not parse: %s\n", value,
                     written.c_str(), back.error.message.c_str());
    FUZZ_CHECK(back.ok());
    if (!closeEnough(value, *back.value, m))
        std::fprintf(stderr, "%.17g formatted as '%s' reads back as %.17g\n", value,
                     written.c_str(), *back.value);
    FUZZ_CHECK(closeEnough(value, *back.value, m));
    // What people see by default (4 digits) must read back too, if only approximately.
    const std::string shown = formatMeasure(value, m);
    const ParseResult<double> seen = parseMeasure(shown, m);
    if (!seen.ok())
        std::fprintf(stderr, "formatted %.17g as '%s', which does not parse: %s\n", value,
                     shown.c_str(), seen.error.message.c_str());
    FUZZ_CHECK(seen.ok());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0)
        return 0;
    const auto m = static_cast<Measure>(data[0] % kMeasureCount);
    const std::string_view text(reinterpret_cast<const char *>(data + 1), size - 1);
    const ParseResult<double> r = parseMeasure(text, m);
    if (!r.ok()) {
        checkError(r, text);
        return 0;
    }
    FUZZ_CHECK(std::isfinite(*r.value));
    checkRoundTrip(*r.value, m);
    return 0;
}
