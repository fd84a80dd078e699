// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/shown_currency.h"

#include "support/qt_text.h"

#include <QSettings>

namespace accelplan::ui {
namespace {

const QString kCode = QStringLiteral("display/currency");
const QString kPerUsd = QStringLiteral("display/currencyPerUsd");
const QString kRateDate = QStringLiteral("display/currencyRateDate");

} // namespace

units::Currency savedShownCurrency() {
    const QSettings settings;
    units::Currency saved;
    saved.code = settings.value(kCode, QStringLiteral("USD")).toString().toStdString();
    saved.perUsd = settings.value(kPerUsd, 1.0).toDouble();
    saved.rateDate = settings.value(kRateDate).toString().toStdString();
    // A hand-edited settings file with a code or rate that cannot be used shows dollars.
    if (saved.isUsd() || units::currencyProblem(saved))
        return {};
    return saved;
}

void saveShownCurrency(const units::Currency &currency) {
    QSettings settings;
    settings.setValue(kCode, data::qs(currency.code));
    settings.setValue(kPerUsd, currency.perUsd);
    settings.setValue(kRateDate, data::qs(currency.rateDate));
}

QString shownCurrencySign() {
    return data::qs(units::currencyPrefix(units::shownCurrency().code)).trimmed();
}

QString shownCurrencyNote() {
    const units::Currency c = units::shownCurrency();
    if (c.isUsd())
        return {};
    return QStringLiteral("Amounts in %1.").arg(data::qs(units::conversionText(c)));
}

} // namespace accelplan::ui
