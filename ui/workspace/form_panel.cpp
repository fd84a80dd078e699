// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/form_panel.h"

#include <QComboBox>
#include <QLocale>
#include <QSpinBox>

namespace accelplan::ui {

QString CompactSpinBox::textFromValue(double value) const {
    QLocale l = locale();
    l.setNumberOptions(QLocale::DefaultNumberOptions);
    return l.toString(value, 'f', QLocale::FloatingPointShortest);
}

QSpinBox *FormPanel::intField(int min, int max, const QString &name,
                              const std::function<void()> &commit) {
    auto *spin = new QSpinBox(this);
    spin->setObjectName(name);
    spin->setRange(min, max);
    spin->setGroupSeparatorShown(true);
    spin->setKeyboardTracking(false);
    connect(spin, &QSpinBox::valueChanged, this, [this, commit] {
        if (!loading_)
            commit();
    });
    return spin;
}

QDoubleSpinBox *FormPanel::realField(double min, double max, int decimals, const QString &suffix,
                                     const QString &name, const std::function<void()> &commit) {
    auto *spin = new CompactSpinBox(this);
    spin->setObjectName(name);
    spin->setRange(min, max);
    spin->setDecimals(decimals);
    spin->setSuffix(suffix);
    spin->setGroupSeparatorShown(true);
    spin->setKeyboardTracking(false);
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, commit] {
        if (!loading_)
            commit();
    });
    return spin;
}

QComboBox *FormPanel::choiceField(const QString &name, const std::function<void()> &commit) {
    auto *combo = new QComboBox(this);
    combo->setObjectName(name);
    connect(combo, &QComboBox::currentIndexChanged, this, [this, commit] {
        if (!loading_)
            commit();
    });
    return combo;
}

} // namespace accelplan::ui
