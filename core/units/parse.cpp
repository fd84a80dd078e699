// SPDX-License-Identifier: GPL-3.0-or-later
#include "units/parse.h"

#include "units/unit_symbols.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace accelplan::units {
namespace {

using detail::PrefixSet;
using detail::UnitSymbol;

bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

ParseError makeError(std::string_view text, std::size_t pos, std::size_t len, Measure m,
                     const std::string &what) {
    std::string msg = what;
    msg += " in " + quoted(text) + " at character " + std::to_string(pos + 1) + " (";
    msg += measureName(m);
    msg += " is written like ";
    msg += measureExample(m);
    msg += ")";
    return ParseError{pos, len, msg};
}

// Reads a decimal number with optional thousands separators ("2,450.5") and exponent.
// Returns the number of characters consumed (0 when there is no number at `pos`).
std::size_t readNumber(std::string_view s, std::size_t pos, double &out) {
    std::string digits;
    std::size_t i = pos;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        digits += s[i++];
    std::size_t intStart = i;
    while (i < s.size()) {
        if (isDigit(s[i])) {
            digits += s[i++];
        } else if (s[i] == ',' && i > intStart && i + 3 < s.size() && isDigit(s[i + 1]) &&
                   isDigit(s[i + 2]) && isDigit(s[i + 3]) &&
                   (i + 4 == s.size() || !isDigit(s[i + 4]))) {
            ++i; // a thousands separator: exactly three digits follow
        } else {
            break;
        }
    }
    bool anyDigit = i > intStart;
    if (i < s.size() && s[i] == '.') {
        digits += s[i++];
        while (i < s.size() && isDigit(s[i])) {
            digits += s[i++];
            anyDigit = true;
        }
    }
    if (!anyDigit)
        return 0;
    // An exponent only when digits follow: "5 EB" is five exabytes, "5e3" is 5000.
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-'))
            ++j;
        if (j < s.size() && isDigit(s[j])) {
            digits += s.substr(i, j - i);
            while (j < s.size() && isDigit(s[j]))
                digits += s[j++];
            i = j;
        }
    }
    double v = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec == std::errc::result_out_of_range)
        v = std::numeric_limits<double>::infinity(); // the caller reports "out of range"
    else if (ec != std::errc() || end != digits.data() + digits.size())
        return 0;
    out = v;
    return i - pos;
}

// The factor of a bare number: base units, except for what people write per hour or kWh.
double plainFactor(Measure m) {
    switch (m) {
    case Measure::MoneyRate: return 1.0 / kSecondsPerHour;
    case Measure::EnergyPrice:
    case Measure::CarbonIntensity: return 1.0 / kJoulesPerKilowattHour;
    default: return 1.0;
    }
}

bool isMoneyLike(Measure m) {
    return m == Measure::Money || m == Measure::MoneyRate || m == Measure::EnergyPrice;
}

// Matches `unit` against the symbols of `m`, with an optional metric prefix.
std::optional<double> unitFactor(std::string_view unit, Measure m) {
    for (const UnitSymbol &sym : detail::symbolsFor(m)) {
        if (unit.size() < sym.text.size() || unit.substr(unit.size() - sym.text.size()) != sym.text)
            continue;
        std::string_view prefix = unit.substr(0, unit.size() - sym.text.size());
        if (prefix.empty())
            return sym.factor;
        if (double f = detail::prefixFactor(prefix, sym.prefixes); f > 0)
            return f * sym.factor;
    }
    return std::nullopt;
}

std::size_t skipSpaces(std::string_view s, std::size_t i) {
    while (i < s.size() && isSpace(s[i]))
        ++i;
    return i;
}

ParseResult<double> fail(std::string_view text, std::size_t pos, std::size_t len, Measure m,
                         const std::string &what) {
    return {std::nullopt, makeError(text, pos, len, m, what)};
}

ParseResult<double> parseMoneyLike(std::string_view text, std::size_t i, Measure m) {
    // A negative amount is written "-$30k" (as format.h writes it) or "$-30k".
    const bool minusBeforeDollar = text.substr(i, 2) == "-$";
    if (minusBeforeDollar)
        ++i;
    bool leadingDollar = false;
    if (i < text.size() && text[i] == '$') {
        leadingDollar = true;
        i = skipSpaces(text, i + 1);
    }
    double number = 0;
    std::size_t n = readNumber(text, i, number);
    if (n == 0 || (minusBeforeDollar && (text[i] == '+' || text[i] == '-')))
        return fail(text, i, text.size() - i, m, "expected a number");
    if (minusBeforeDollar)
        number = -number;
    i = skipSpaces(text, i + n);

    // Magnitude: "$1.2M", "$30k", "$2B".
    double magnitude = 1;
    auto boundary = [&](std::size_t j) {
        return j >= text.size() || isSpace(text[j]) || text[j] == '/' || text[j] == 'U';
    };
    const std::pair<std::string_view, double> magnitudes[] = {
        {"bn", 1e9}, {"k", 1e3}, {"K", 1e3}, {"M", 1e6}, {"B", 1e9}};
    for (const auto &[word, factor] : magnitudes) {
        if (text.substr(i, word.size()) == word && boundary(i + word.size())) {
            magnitude = factor;
            i = skipSpaces(text, i + word.size());
            break;
        }
    }
    if (text.substr(i, 3) == "USD")
        i = skipSpaces(text, i + 3);
    else if (!leadingDollar && i < text.size() && text[i] == '$')
        i = skipSpaces(text, i + 1);
    std::string_view rest = text.substr(i);
    double value = number * magnitude;
    if (rest.empty())
        return {value * plainFactor(m), {}};
    if (m == Measure::Money)
        return fail(text, i, rest.size(), m, "unexpected " + quoted(rest));
    if (auto f = unitFactor(rest, m))
        return {value * *f, {}};
    return fail(text, i, rest.size(), m, "unknown unit " + quoted(rest));
}

} // namespace

ParseResult<double> parseMeasure(std::string_view text, Measure m) {
    // Trim, but keep offsets relative to the original text for messages.
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])))
        ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])))
        --end;
    std::string_view body = text.substr(0, end);
    if (begin == end)
        return fail(text, 0, text.size(), m, "empty value");

    ParseResult<double> r;
    if (isMoneyLike(m)) {
        r = parseMoneyLike(body, begin, m);
    } else {
        double number = 0;
        std::size_t n = readNumber(body, begin, number);
        if (n == 0)
            return fail(text, begin, end - begin, m, "expected a number");
        std::size_t i = skipSpaces(body, begin + n);
        std::string_view unit = body.substr(i);
        if (unit.empty()) {
            r = {number * plainFactor(m), {}};
        } else if (auto f = unitFactor(unit, m)) {
            r = {number * *f, {}};
        } else {
            return fail(text, i, unit.size(), m, "unknown unit " + quoted(unit));
        }
    }
    // Out of range: beyond kLargestValue, in base units or in the unit people read it in
    // ($8e305/s is finite per second, infinite per hour). Near the largest double, the
    // formatter's rounding to a few digits would overflow and not read back.
    // Text that rounds a value at the limit up ("3.169e+292 years" for 1e300 s) reads as the
    // limit: the slack is more than a shown number's rounding adds, so every value formatted
    // with any number of digits reads back.
    constexpr double kLargestValue = 1e300;
    constexpr double kRoundingSlack = 1.001;
    if (r.value) {
        const double a = std::fabs(*r.value);
        const double factor = plainFactor(m);
        if (!(a <= kLargestValue * kRoundingSlack && a / factor <= kLargestValue * kRoundingSlack))
            return fail(text, begin, end - begin, m, "value out of range");
        *r.value = std::copysign(std::min({a, kLargestValue, kLargestValue * factor}), *r.value);
    }
    if (r.error.message.empty() && !r.value)
        return fail(text, begin, end - begin, m, "not a " + std::string(measureName(m)));
    return r;
}

bool beginsUnitOf(std::string_view partial, Measure m) {
    for (const detail::UnitSymbol &u : detail::symbolsFor(m)) {
        if (u.text.starts_with(partial))
            return true;
        // A metric prefix first ("G" of "GB", "Gi" of "GiB"), then the symbol's beginning.
        for (std::size_t n = 1; n <= 2 && n <= partial.size(); ++n)
            if (detail::prefixFactor(partial.substr(0, n), u.prefixes) > 0 &&
                u.text.starts_with(partial.substr(n)))
                return true;
    }
    return false;
}

namespace {

// Scale words people put after a count: "70 B", "1.5 M", "2k", "3 million".
struct ScaleWord {
    std::string_view word;
    double factor;
};

constexpr ScaleWord kScales[] = {
    {"k", 1e3},       {"thousand", 1e3}, {"M", 1e6},         {"million", 1e6},
    {"mln", 1e6},     {"B", 1e9},        {"G", 1e9},         {"bn", 1e9},
    {"billion", 1e9}, {"T", 1e12},       {"trillion", 1e12},
};

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

} // namespace

ParseResult<double> parseCount(std::string_view text, std::span<const std::string_view> unitWords) {
    const auto fail = [&](std::size_t pos, std::size_t len, const std::string &what) {
        return ParseResult<double>{std::nullopt, ParseError{pos, len, what}};
    };
    std::size_t i = 0;
    while (i < text.size() && isSpace(text[i]))
        ++i;
    double number = 0;
    const std::size_t n = readNumber(text, i, number);
    if (n == 0)
        return fail(i, text.size() - i, "no number in " + quoted(text));
    if (!std::isfinite(number))
        return fail(i, n, "the number in " + quoted(text) + " is out of range");
    i += n;
    std::string_view rest = trimmed(text.substr(i));
    // A scale word, attached ("70B") or apart ("70 B"), then the field's unit, if any.
    double factor = 1;
    std::size_t wordEnd = 0;
    while (wordEnd < rest.size() && std::isalpha(static_cast<unsigned char>(rest[wordEnd])))
        ++wordEnd;
    for (const ScaleWord &s : kScales) {
        if (util::equalsIgnoringCase(rest.substr(0, wordEnd), s.word)) {
            factor = s.factor;
            rest = trimmed(rest.substr(wordEnd));
            break;
        }
    }
    if (!rest.empty() && std::none_of(unitWords.begin(), unitWords.end(), [&](std::string_view u) {
            return util::equalsIgnoringCase(rest, u);
        })) {
        std::string expected;
        for (std::string_view u : unitWords)
            expected += (expected.empty() ? "" : ", ") + quoted(u);
        return fail(text.size() - rest.size(), rest.size(),
                    quoted(rest) + " in " + quoted(text) +
                        " is not a scale (k, M, B, T) or this field's unit" +
                        (expected.empty() ? std::string() : " (" + expected + ")"));
    }
    return {number * factor, {}};
}

bool beginsCountSuffix(std::string_view partial, std::span<const std::string_view> unitWords) {
    // Lower case, single spaces: what is compared with each way of writing a suffix.
    std::string typed;
    for (char c : trimmed(partial)) {
        if (isSpace(c) && (typed.empty() || typed.back() == ' '))
            continue;
        typed += util::lowerChar(c);
    }
    const auto startsWith = [&typed](const std::string &whole) {
        return util::lowerCase(whole).starts_with(typed);
    };
    std::vector<std::string> scales{""};
    for (const ScaleWord &s : kScales)
        scales.emplace_back(s.word);
    for (const std::string &scale : scales) {
        if (startsWith(scale))
            return true;
        for (std::string_view unit : unitWords)
            if (startsWith(scale + std::string(unit)) ||
                (!scale.empty() && startsWith(scale + " " + std::string(unit))))
                return true;
    }
    return false;
}

} // namespace accelplan::units
