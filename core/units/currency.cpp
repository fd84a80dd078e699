// SPDX-License-Identifier: GPL-3.0-or-later
#include "units/currency.h"

#include "units/format.h"

#include <array>
#include <cmath>
#include <mutex>
#include <utility>

namespace accelplan::units {
namespace {

// Signs people read without doubt; "¥" alone is the yen, as in Japanese price lists, and the
// yuan says which yen-like sign it is.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kSigns{{
    {"USD", "$"},
    {"EUR", "€"},
    {"GBP", "£"},
    {"JPY", "¥"},
    {"CNY", "CN¥"},
    {"INR", "₹"},
    {"KRW", "₩"},
}};

bool isCode(std::string_view code) {
    if (code.size() != 3)
        return false;
    for (char ch : code)
        if (ch < 'A' || ch > 'Z')
            return false;
    return true;
}

std::mutex shownMutex;
Currency shown;

} // namespace

Currency shownCurrency() {
    const std::scoped_lock lock(shownMutex);
    return shown;
}

void setShownCurrency(const Currency &currency) {
    if (currencyProblem(currency))
        return;
    const std::scoped_lock lock(shownMutex);
    shown = currency;
}

std::string currencyPrefix(std::string_view code) {
    for (const auto &[c, sign] : kSigns)
        if (c == code)
            return std::string(sign);
    return std::string(code) + " ";
}

bool hasNoMinorUnit(std::string_view code) { return code == "JPY" || code == "KRW"; }

std::optional<std::string> currencyProblem(const Currency &c) {
    if (!isCode(c.code))
        return "'" + c.code + "' is not an ISO 4217 code such as 'EUR' or 'CNY'";
    if (!std::isfinite(c.perUsd) || c.perUsd <= 0)
        return "the rate must be a number above zero";
    return std::nullopt;
}

std::string conversionText(const Currency &c) {
    if (c.isUsd())
        return {};
    std::string out = c.code + " at " + formatNumber(c.perUsd, 4) + " per US dollar";
    if (!c.rateDate.empty())
        out += " (rate of " + c.rateDate + ")";
    return out;
}

} // namespace accelplan::units
