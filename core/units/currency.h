// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The currency amounts are shown in. The model, the catalog and the files work in US dollars
// (offerings keep the currency their seller published); a planner who budgets in euros or
// yuan reads the same amounts converted at a rate they chose, and is told the rate and its
// date, since a converted amount is only as current as its rate.

#include <optional>
#include <string>
#include <string_view>

namespace accelplan::units {

struct Currency {
    std::string code = "USD"; // ISO 4217
    double perUsd = 1;        // units of `code` one US dollar buys
    std::string rateDate;     // "2026-12-01": when the rate was read; empty for US dollars

    bool isUsd() const { return code == "USD"; }
    bool operator==(const Currency &) const = default;
};

// What an amount starts with: "$", "€", "£", "¥" (yen), "CN¥", "₹", "₩"; the code and a space
// for the others ("CHF ").
std::string currencyPrefix(std::string_view code);
// Whether amounts in `code` are written without cents (yen, won).
bool hasNoMinorUnit(std::string_view code);

// Why `c` cannot be used ("the rate must be above zero"), or nothing when it can.
std::optional<std::string> currencyProblem(const Currency &c);

// "EUR at 0.92 per US dollar (rate of 2026-12-01)"; empty for US dollars.
std::string conversionText(const Currency &c);

// The currency format.h writes amounts in when its caller names none. Like QLocale::setDefault,
// one setting for the process: the desktop app sets it from the user's preference, so the
// workspace, its charts, the recommendation's sentences and the report all follow; the command
// line never does, so what it prints stays in US dollars. Files and the catalog never use it:
// they are written in US dollars whatever is shown. Safe to call from any thread.
Currency shownCurrency();
// Ignored when currencyProblem(currency) has something to say.
void setShownCurrency(const Currency &currency);

} // namespace accelplan::units
