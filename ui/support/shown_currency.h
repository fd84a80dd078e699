// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The user's preference for the currency amounts are shown in (Edit → Preferences…), kept in
// the settings; units::setShownCurrency (units/currency.h) makes the process follow it.

#include "units/currency.h"

#include <QString>

namespace accelplan::ui {

// The preference as saved; US dollars when it is absent or cannot be used.
units::Currency savedShownCurrency();
void saveShownCurrency(const units::Currency &currency);

// What precedes an amount in the shown currency: "$", "€", "CHF".
QString shownCurrencySign();
// "Amounts in EUR at 0.92 per US dollar (rate of 2026-12-01)."; empty for US dollars.
QString shownCurrencyNote();

} // namespace accelplan::ui
