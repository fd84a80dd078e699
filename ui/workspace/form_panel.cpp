// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/form_panel.h"

#include "units/parse.h"

#include <QComboBox>
#include <QLocale>
#include <QSpinBox>

namespace accelplan::ui {

QString CompactSpinBox::textFromValue(double value) const {
    QLocale l = locale();
    l.setNumberOptions(QLocale::DefaultNumberOptions);
    return l.toString(value, 'f', QLocale::FloatingPointShortest);
}

DurationSpinBox::DurationSpinBox(double unitSeconds, const QString &suffix, QWidget *parent)
    : CompactSpinBox(parent), unitSeconds_(unitSeconds) {
    setSuffix(suffix);
}

// The text without the field's own suffix, which the spin box keeps after what the user types
// ("300 ms" typed before " s" reads "300 ms s").
QString DurationSpinBox::typedPart(const QString &text) const {
    QString t = text.trimmed();
    const QString own = suffix().trimmed();
    if (!own.isEmpty() && t.endsWith(own) && t.size() > own.size() &&
        !t[t.size() - own.size() - 1].isLetter())
        t.chop(own.size());
    return t.trimmed();
}

std::optional<double> DurationSpinBox::typedWithUnit(const QString &text) const {
    const QString t = typedPart(text);
    // Only text that names a unit: a bare number is the field's own unit (QDoubleSpinBox).
    if (t.isEmpty() || !t.back().isLetter() || text.trimmed() == specialValueText())
        return std::nullopt;
    const units::ParseResult<double> r = units::parseMeasure(t.toStdString(), units::Measure::Time);
    if (!r.value)
        return std::nullopt;
    return *r.value / unitSeconds_;
}

QValidator::State DurationSpinBox::validate(QString &input, int &pos) const {
    if (const auto v = typedWithUnit(input))
        return *v >= minimum() && *v <= maximum() ? QValidator::Acceptable
                                                  : QValidator::Intermediate;
    const QValidator::State plain = CompactSpinBox::validate(input, pos);
    if (plain != QValidator::Invalid)
        return plain;
    // A number and the start of a time unit ("300 m" on the way to "300 ms") may be typed on;
    // anything else is refused as it is typed.
    const QString t = typedPart(input);
    qsizetype digits = 0;
    while (digits < t.size() && (t[digits].isDigit() || t[digits] == u'.' || t[digits] == u','))
        ++digits;
    const QString rest = t.mid(digits).trimmed();
    const bool unitStarting =
        digits > 0 && units::beginsUnitOf(rest.toStdString(), units::Measure::Time);
    return unitStarting ? QValidator::Intermediate : QValidator::Invalid;
}

double DurationSpinBox::valueFromText(const QString &text) const {
    if (const auto v = typedWithUnit(text))
        return *v;
    return CompactSpinBox::valueFromText(text);
}

QDoubleSpinBox *FormPanel::durationField(double max, int decimals, double unitSeconds,
                                         const QString &suffix, const QString &name,
                                         const std::function<void()> &commit) {
    auto *spin = new DurationSpinBox(unitSeconds, suffix, this);
    spin->setObjectName(name);
    spin->setRange(0, max);
    spin->setDecimals(decimals);
    spin->setGroupSeparatorShown(true);
    spin->setKeyboardTracking(false);
    spin->setSpecialValueText(tr("none"));
    spin->setToolTip(tr("Type a time with its unit (\"300 ms\", \"2 s\"); a bare number is in "
                        "%1. 0 means no target.")
                         .arg(suffix.trimmed()));
    connect(spin, &QDoubleSpinBox::valueChanged, this, [this, commit] {
        if (!loading_)
            commit();
    });
    return spin;
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
