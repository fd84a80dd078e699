// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/preferences.h"

#include "support/text.h"

#include <QSettings>

namespace accelplan::ui {
namespace {

const QString kPricing = QStringLiteral("newScenario/pricing");
const QString kElectricity = QStringLiteral("newScenario/electricityUsdPerKwh");
const QString kPue = QStringLiteral("newScenario/pue");

} // namespace

NewScenarioDefaults newScenarioDefaults() {
    const QSettings settings;
    NewScenarioDefaults out;
    if (const auto pricing = pricingFromString(settings.value(kPricing).toString().toStdString()))
        out.pricing = *pricing;
    // A value outside what the dialog offers (a hand-edited settings file) is ignored.
    const double electricity = settings.value(kElectricity, out.electricityUsdPerKwh).toDouble();
    if (electricity >= 0 && electricity <= 10)
        out.electricityUsdPerKwh = electricity;
    const double pue = settings.value(kPue, out.pue).toDouble();
    if (pue >= 1 && pue <= 3)
        out.pue = pue;
    return out;
}

void setNewScenarioDefaults(const NewScenarioDefaults &defaults) {
    QSettings settings;
    settings.setValue(kPricing, qs(toString(defaults.pricing)));
    settings.setValue(kElectricity, defaults.electricityUsdPerKwh);
    settings.setValue(kPue, defaults.pue);
}

void applyNewScenarioDefaults(Costs &costs) {
    const NewScenarioDefaults d = newScenarioDefaults();
    costs.pricing = d.pricing;
    costs.electricity = units::dollarsPerKilowattHour(d.electricityUsdPerKwh);
    costs.pue = d.pue;
}

} // namespace accelplan::ui
