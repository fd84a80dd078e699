// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/filter_choices.h"

#include "plan/providers.h"
#include "scenario/scenario.h"
#include "support/text.h"

#include <QComboBox>
#include <QCoreApplication>

#include <set>

namespace accelplan::ui {

Choices kindChoices() {
    Choices out;
    for (ChipKind k : {ChipKind::gpu, ChipKind::tpu, ChipKind::npu, ChipKind::cpu, ChipKind::other})
        out.emplace_back(qs(toString(k)).toUpper(), qs(toString(k)));
    return out;
}

Choices vendorChoices(const Catalog &catalog) {
    std::set<QString> vendors;
    for (const Chip &chip : catalog.chips)
        vendors.insert(shortVendor(chip));
    Choices out;
    for (const QString &v : vendors)
        out.emplace_back(v, v);
    return out;
}

Choices classChoices() {
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("FilterChoices", text);
    };
    return {{tr("Data centre"), QStringLiteral("datacenter")},
            {tr("Workstation"), QStringLiteral("workstation")},
            {tr("Edge"), QStringLiteral("edge")}};
}

Choices ecosystemChoices() {
    Choices out;
    for (Ecosystem e : {Ecosystem::cuda, Ecosystem::rocm, Ecosystem::xla, Ecosystem::cann,
                        Ecosystem::neuron, Ecosystem::synapseAi})
        out.emplace_back(qs(toString(e)), qs(toString(e)));
    return out;
}

Choices providerChoices(const Catalog &catalog) {
    std::set<std::string> providers;
    for (const Offering &o : catalog.offerings)
        providers.insert(o.provider);
    Choices out;
    for (const std::string &p : providers)
        out.emplace_back(qs(providerName(p)), qs(p));
    return out;
}

QComboBox *filterCombo(QWidget *parent, const QString &name, const QString &any) {
    auto *combo = new QComboBox(parent);
    combo->setObjectName(name);
    combo->addItem(any, QString());
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
    return combo;
}

void setChoices(QComboBox *combo, const Choices &choices) {
    const QString chosen = combo->currentData().toString();
    while (combo->count() > 1)
        combo->removeItem(1);
    for (const auto &[text, value] : choices)
        combo->addItem(text, value);
    combo->setCurrentIndex(std::max(0, combo->findData(chosen)));
}

} // namespace accelplan::ui
