// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/preferences_dialog.h"

#include "catalog_editor/shown_quantity.h"
#include "support/preferences.h"
#include "support/shown_currency.h"
#include "support/text.h"
#include "workspace/catalog_location.h"
#include "workspace/currency_box.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace accelplan::ui {

PreferencesDialog::PreferencesDialog(const Catalog *catalog, QWidget *parent) : QDialog(parent) {
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);

    auto *catalogGroup = new QGroupBox(tr("Hardware catalog"), this);
    auto *catalogForm = new QFormLayout(catalogGroup);
    catalog_ = new QLineEdit(ui::catalogLocation(), catalogGroup);
    catalog_->setObjectName(QStringLiteral("catalogLocationEdit"));
    catalog_->setPlaceholderText(tr("this computer's catalog"));
    catalog_->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 48);
    catalogForm->addRow(tr("Team catalog"), catalog_);
    auto *hint = new QLabel(tr("A team catalog's address: postgresql://user@host/database (keep "
                               "the password in ~/.pgpass). Empty: the catalog on this "
                               "computer."),
                            catalogGroup);
    hint->setWordWrap(true);
    catalogForm->addRow(hint);
    bytes_ = new QComboBox(catalogGroup);
    bytes_->setObjectName(QStringLiteral("byteUnitsCombo"));
    bytes_->addItem(tr("as the vendor states them"), static_cast<int>(ByteUnits::asStated));
    bytes_->addItem(tr("decimal (GB, TB/s)"), static_cast<int>(ByteUnits::decimal));
    bytes_->addItem(tr("binary (GiB, TiB/s)"), static_cast<int>(ByteUnits::binary));
    bytes_->setCurrentIndex(bytes_->findData(static_cast<int>(preferredByteUnits())));
    catalogForm->addRow(tr("Bytes in the editor"), bytes_);
    layout->addWidget(catalogGroup);

    currency_ = new CurrencyBox(catalog, this);
    layout->addWidget(currency_);

    const NewScenarioDefaults defaults = newScenarioDefaults();
    auto *scenarioGroup = new QGroupBox(tr("A new scenario starts with"), this);
    auto *scenarioForm = new QFormLayout(scenarioGroup);
    pricing_ = new QComboBox(scenarioGroup);
    pricing_->setObjectName(QStringLiteral("defaultPricingCombo"));
    for (Pricing p : kRentalPricings)
        pricing_->addItem(qs(toString(p)), static_cast<int>(p));
    pricing_->addItem(qs(toString(Pricing::owned)), static_cast<int>(Pricing::owned));
    pricing_->setCurrentIndex(pricing_->findData(static_cast<int>(defaults.pricing)));
    scenarioForm->addRow(tr("Pricing"), pricing_);
    electricity_ = new QDoubleSpinBox(scenarioGroup);
    electricity_->setObjectName(QStringLiteral("electricitySpin"));
    electricity_->setRange(0, 10);
    electricity_->setDecimals(3);
    electricity_->setSingleStep(0.01);
    electricity_->setPrefix(QStringLiteral("$"));
    electricity_->setSuffix(tr(" per kWh"));
    electricity_->setValue(defaults.electricityUsdPerKwh);
    scenarioForm->addRow(tr("Electricity"), electricity_);
    pue_ = new QDoubleSpinBox(scenarioGroup);
    pue_->setObjectName(QStringLiteral("pueSpin"));
    pue_->setRange(1, 3);
    pue_->setDecimals(2);
    pue_->setSingleStep(0.05);
    pue_->setValue(defaults.pue);
    pue_->setToolTip(tr("Power usage effectiveness: the data centre's draw per watt the chips "
                        "draw (1.1 for the best, 1.5 to 1.6 for a typical one)"));
    scenarioForm->addRow(tr("PUE"), pue_);
    layout->addWidget(scenarioGroup);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // No OK while a currency lacks its rate: a rate is never guessed.
    connect(currency_, &CurrencyBox::completeChanged, buttons->button(QDialogButtonBox::Ok),
            &QWidget::setEnabled);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(currency_->currency().has_value());
    layout->addWidget(buttons);
}

QString PreferencesDialog::catalogLocation() const { return catalog_->text().trimmed(); }

bool PreferencesDialog::applyDefaults() const {
    setNewScenarioDefaults({static_cast<Pricing>(pricing_->currentData().toInt()),
                            electricity_->value(), pue_->value()});
    setPreferredByteUnits(static_cast<ByteUnits>(bytes_->currentData().toInt()));
    const units::Currency currency = currency_->currency().value_or(units::Currency{});
    saveShownCurrency(currency);
    const bool changed = currency != units::shownCurrency();
    units::setShownCurrency(currency);
    return changed;
}

} // namespace accelplan::ui
