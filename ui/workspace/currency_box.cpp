// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/currency_box.h"

#include "hardware/catalog.h"
#include "support/qt_text.h"
#include "support/shown_currency.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>

#include <set>

namespace accelplan::ui {
namespace {

// Currencies planners budget in; the catalog's own published currencies are added to them.
const char *const kCommonCodes[] = {"USD", "EUR", "GBP", "JPY", "CNY", "INR",
                                    "KRW", "CHF", "CAD", "AUD", "SGD"};

struct CatalogRate {
    double perUsd;
    QString date;
    QString offering;
};

// The newest conversion the catalog makes from `code`: the offering, its rate and date.
std::optional<CatalogRate> catalogRate(const Catalog *catalog, const std::string &code) {
    if (!catalog)
        return std::nullopt;
    const Offering *newest = nullptr;
    for (const Offering &o : catalog->offerings)
        if (o.currency == code && o.usdRate && *o.usdRate > 0 &&
            (!newest || o.usdRateDate > newest->usdRateDate))
            newest = &o;
    if (!newest)
        return std::nullopt;
    return CatalogRate{1 / *newest->usdRate, data::qs(newest->usdRateDate), data::qs(newest->id())};
}

} // namespace

CurrencyBox::CurrencyBox(const Catalog *catalog, QWidget *parent)
    : QGroupBox(tr("Amounts shown in"), parent), catalog_(catalog) {
    setObjectName(QStringLiteral("currencyBox"));
    auto *form = new QFormLayout(this);
    std::set<std::string> codes(std::begin(kCommonCodes), std::end(kCommonCodes));
    if (catalog)
        for (const Offering &o : catalog->offerings)
            codes.insert(o.currency);
    code_ = new QComboBox(this);
    code_->setObjectName(QStringLiteral("currencyCombo"));
    code_->addItem(QStringLiteral("USD"));
    for (const std::string &code : codes)
        if (code != "USD")
            code_->addItem(data::qs(code));
    form->addRow(tr("Currency"), code_);

    rate_ = new QDoubleSpinBox(this);
    rate_->setObjectName(QStringLiteral("currencyRateSpin"));
    rate_->setRange(0, 1e6);
    rate_->setDecimals(4);
    rate_->setPrefix(tr("1 US dollar = "));
    // Zero is "not given yet": a rate is never guessed.
    rate_->setSpecialValueText(tr("type the rate"));
    form->addRow(tr("Rate"), rate_);
    date_ = new QDateEdit(QDate::currentDate(), this);
    date_->setObjectName(QStringLiteral("currencyDateEdit"));
    date_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    date_->setCalendarPopup(true);
    form->addRow(tr("Rate of"), date_);
    origin_ = new QLabel(this);
    origin_->setWordWrap(true);
    form->addRow(origin_);

    const units::Currency saved = savedShownCurrency();
    code_->setCurrentText(data::qs(saved.code));
    chooseCode();
    connect(code_, &QComboBox::currentTextChanged, this, &CurrencyBox::chooseCode);
    connect(rate_, &QDoubleSpinBox::valueChanged, this,
            [this] { emit completeChanged(currency().has_value()); });
}

void CurrencyBox::chooseCode() {
    const std::string code = code_->currentText().toStdString();
    const units::Currency saved = savedShownCurrency();
    const bool usd = code == "USD";
    rate_->setSuffix(QLatin1Char(' ') + code_->currentText());
    rate_->setEnabled(!usd);
    date_->setEnabled(!usd);
    if (usd) {
        rate_->setValue(1);
        origin_->setText(tr("The catalog's and the model's own currency."));
    } else if (saved.code == code) {
        rate_->setValue(saved.perUsd);
        date_->setDate(QDate::fromString(data::qs(saved.rateDate), Qt::ISODate));
        origin_->setText(tr("The rate you gave."));
    } else if (const auto r = catalogRate(catalog_, code)) {
        rate_->setValue(r->perUsd);
        date_->setDate(QDate::fromString(r->date, Qt::ISODate));
        origin_->setText(tr("The rate the catalog converts %1's prices at; change it to your "
                            "own if you budget at another.")
                             .arg(r->offering));
    } else {
        rate_->setValue(0);
        date_->setDate(QDate::currentDate());
        origin_->setText(tr("Type how many %1 one US dollar buys today, from your bank or "
                            "finance team.")
                             .arg(code_->currentText()));
    }
    emit completeChanged(currency().has_value());
}

std::optional<units::Currency> CurrencyBox::currency() const {
    units::Currency c;
    c.code = code_->currentText().toStdString();
    if (c.isUsd())
        return c;
    c.perUsd = rate_->value();
    c.rateDate = date_->date().toString(Qt::ISODate).toStdString();
    if (units::currencyProblem(c))
        return std::nullopt;
    return c;
}

} // namespace accelplan::ui
