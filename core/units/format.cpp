// SPDX-License-Identifier: GPL-3.0-or-later
#include "units/format.h"

#include "units/unit_symbols.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace accelplan::units {
namespace {

constexpr std::array<std::string_view, 7> kSiUp{"", "k", "M", "G", "T", "P", "E"};
constexpr std::array<std::string_view, 7> kIecUp{"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

std::string trimZeros(std::string s) {
    if (s.find('.') == std::string::npos || s.find('e') != std::string::npos)
        return s;
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

double roundToSignificant(double v, int digits) {
    if (v == 0 || !std::isfinite(v))
        return v;
    double magnitude = std::floor(std::log10(std::fabs(v)));
    double scale = std::pow(10.0, digits - 1 - magnitude);
    // Near the smallest doubles the scale overflows: rounding there would give inf / inf.
    if (!std::isfinite(scale) || !std::isfinite(v * scale))
        return v;
    return std::round(v * scale) / scale;
}

// Fixed notation with exactly as many decimals as the significant digits need; scientific
// outside [1e-4, 1e15), where fixed notation is a wall of digits (and would not fit `buf`).
std::string fixedSignificant(double v, int digits) {
    double r = roundToSignificant(v, digits);
    if (r == 0)
        return "0";
    char buf[64];
    if (std::fabs(r) < 1e-4 || std::fabs(r) >= 1e15) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, r);
        return buf;
    }
    int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(r))));
    int decimals = std::max(0, digits - 1 - magnitude);
    std::snprintf(buf, sizeof buf, "%.*f", decimals, r);
    return trimZeros(buf);
}

// Value with a metric prefix: picks the prefix that leaves 1 <= mantissa < 1000 (1024 for IEC).
std::string withPrefix(double value, int digits, bool iec, std::string_view symbol) {
    const double base = iec ? 1024.0 : 1000.0;
    const auto &names = iec ? kIecUp : kSiUp;
    double a = std::fabs(value);
    std::size_t k = 0;
    if (a > 0) {
        while (k + 1 < names.size() && a >= std::pow(base, static_cast<double>(k + 1)))
            ++k;
        // Rounding can carry into the next prefix: 999.96 kB at 4 digits is 1 MB.
        double mantissa = roundToSignificant(a / std::pow(base, static_cast<double>(k)), digits);
        if (mantissa >= base && k + 1 < names.size())
            ++k;
    }
    double mantissa = value / std::pow(base, static_cast<double>(k));
    if (a != 0 && (std::fabs(mantissa) < 1e-3 || std::fabs(mantissa) >= 1e6)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*g", digits, value);
        return std::string(buf) + " " + std::string(symbol);
    }
    return fixedSignificant(mantissa, digits) + " " + std::string(names[k]) + std::string(symbol);
}

std::string groupThousands(double wholeDollars) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(wholeDollars));
    std::string digits = buf;
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

// "$2.49", "$2,450", "$12.3M": cents below $100, whole dollars with separators below $10M. In
// another currency the amount is converted first and the sign is that currency's ("€2,254").
std::string money(double dollarAmount, int digits, const Currency &currency) {
    const double v = dollarAmount * currency.perUsd;
    const std::string sign = (v < 0 ? "-" : "") + currencyPrefix(currency.code);
    double a = std::fabs(v);
    if (a >= 1e10)
        return sign + fixedSignificant(a / 1e9, digits) + "B";
    if (a >= 1e7)
        return sign + fixedSignificant(a / 1e6, digits) + "M";
    // Yen and won have no cents: "¥1,250", "¥38".
    if (a >= 1000 || (a >= 1 && hasNoMinorUnit(currency.code)))
        return sign + groupThousands(roundToSignificant(a, std::max(digits, 4)));
    if (a >= 0.01 && a < 100) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", a);
        // Keep cents when they say something; more digits when asked for them.
        std::string cents = buf;
        std::string precise = fixedSignificant(a, digits);
        return sign + (precise.size() > cents.size() ? precise : cents);
    }
    // A small fraction of a cent (a million tiny requests): "$0.0000768", not "$7.68e-05".
    if (const double r = roundToSignificant(a, digits); r > 0 && r < 1e-4) {
        const int decimals = digits - 1 - static_cast<int>(std::floor(std::log10(r)));
        if (decimals <= 12) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.*f", decimals, r);
            return sign + trimZeros(buf);
        }
    }
    return sign + fixedSignificant(a, digits);
}

Currency currencyOf(const FormatOptions &options) {
    return options.currency ? *options.currency : shownCurrency();
}

// `s` in the unit that reads best for `scale` seconds.
std::string duration(double s, double scale, int digits) {
    struct Step {
        double limit;
        double unit;
        std::string_view symbol;
    };
    // Each unit is used until the next reads better ("90 min", then "1.5 h" from 2 h on).
    constexpr std::array steps{
        Step{1e-6, 1e-9, "ns"},
        Step{1e-3, 1e-6, "us"},
        Step{1.0, 1e-3, "ms"},
        Step{120.0, 1.0, "s"},
        Step{7200.0, 60.0, "min"},
        Step{172800.0, 3600.0, "h"},
        Step{2 * 31557600.0, 86400.0, "days"},
    };
    if (s == 0)
        return "0 s";
    const double a = std::fabs(scale);
    for (const Step &st : steps) {
        if (a < st.limit)
            return fixedSignificant(s / st.unit, digits) + " " + std::string(st.symbol);
    }
    return fixedSignificant(s / 31557600.0, digits) + " years";
}

} // namespace

std::string formatNumber(double value, int significantDigits) {
    int digits = std::clamp(significantDigits, 1, 17);
    if (!std::isfinite(value))
        return std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf");
    double a = std::fabs(value);
    if (a != 0 && (a < 1e-4 || a >= 1e15)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*g", digits, value);
        return buf;
    }
    return fixedSignificant(value, digits);
}

std::string formatPercent(double fraction, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f %%", std::clamp(decimals, 0, 6), fraction * 100.0);
    return buf;
}

std::string formatChips(int count) {
    return std::to_string(count) + (count == 1 ? " chip" : " chips");
}

std::string formatMeasure(double value, Measure m, const FormatOptions &options) {
    const int digits = std::clamp(options.significantDigits, 1, 17);
    if (!std::isfinite(value))
        return formatNumber(value, digits);
    auto iecFor = [&](bool byDefault) {
        return options.bytes == ByteStyle::Auto ? byDefault : options.bytes == ByteStyle::Iec;
    };
    switch (m) {
    case Measure::Compute: return withPrefix(value, digits, false, "FLOP");
    case Measure::ComputeRate:
        return withPrefix(value, digits, false, options.flopsAsFlops ? "FLOPS" : "FLOP/s");
    case Measure::Information: return withPrefix(value, digits, iecFor(true), "B");
    case Measure::Bandwidth: return withPrefix(value, digits, iecFor(false), "B/s");
    case Measure::Time:
        return duration(value, options.durationUnitFor > 0 ? options.durationUnitFor : value,
                        digits);
    case Measure::Power: return withPrefix(value, digits, false, "W");
    case Measure::Energy:
        if (std::fabs(value) >= kJoulesPerKilowattHour)
            return withPrefix(value / kJoulesPerKilowattHour * 1e3, digits, false, "Wh");
        // One detection on a phone takes some millijoules: "16 mJ", not "0.016 J".
        if (value != 0 && std::fabs(roundToSignificant(value, digits)) < 1)
            return withPrefix(value * 1e3, digits, false, "mJ");
        return withPrefix(value, digits, false, "J");
    case Measure::Money: return money(value, digits, currencyOf(options));
    case Measure::MoneyRate:
        return money(value * kSecondsPerHour, digits, currencyOf(options)) + "/h";
    case Measure::Intensity: return formatNumber(value, digits) + " FLOP/B";
    case Measure::EnergyPrice:
        return money(value * kJoulesPerKilowattHour, digits, currencyOf(options)) + "/kWh";
    case Measure::CarbonIntensity:
        return formatNumber(value * kJoulesPerKilowattHour, digits) + " kg/kWh";
    }
    return formatNumber(value, digits);
}

} // namespace accelplan::units
