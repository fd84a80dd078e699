// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/form_panel.h"

#include "units/parse.h"

#include <QComboBox>
#include <QLocale>
#include <QSpinBox>

#include <string_view>

namespace accelplan::ui {

QString CompactSpinBox::textFromValue(double value) const {
    QLocale l = locale();
    l.setNumberOptions(QLocale::DefaultNumberOptions);
    return l.toString(value, 'f', QLocale::FloatingPointShortest);
}

TypedUnits measureUnits(units::Measure measure, double fieldUnit, const QString &example) {
    TypedUnits out;
    out.read = [measure, fieldUnit](const std::string &text) -> std::optional<double> {
        const units::ParseResult<double> r = units::parseMeasure(text, measure);
        if (!r.value)
            return std::nullopt;
        return *r.value / fieldUnit;
    };
    out.begins = [measure](const std::string &rest) { return units::beginsUnitOf(rest, measure); };
    out.example = example;
    return out;
}

TypedUnits countUnits(double fieldScale, std::vector<std::string> unitWords,
                      const QString &example) {
    TypedUnits out;
    out.read = [fieldScale, unitWords](const std::string &text) -> std::optional<double> {
        const std::vector<std::string_view> words(unitWords.begin(), unitWords.end());
        const units::ParseResult<double> r = units::parseCount(text, words);
        if (!r.value)
            return std::nullopt;
        return *r.value / fieldScale;
    };
    out.begins = [unitWords](const std::string &rest) {
        const std::vector<std::string_view> words(unitWords.begin(), unitWords.end());
        return units::beginsCountSuffix(rest, words);
    };
    out.example = example;
    return out;
}

QuantitySpinBox::QuantitySpinBox(TypedUnits units, const QString &suffix, QWidget *parent)
    : CompactSpinBox(parent), units_(std::move(units)) {
    setSuffix(suffix);
}

// The text without the field's own suffix, which the spin box keeps after what the user types
// ("300 ms" typed before " s" reads "300 ms s").
QString QuantitySpinBox::typedPart(const QString &text) const {
    QString t = text.trimmed();
    const QString own = suffix().trimmed();
    if (!own.isEmpty() && t.endsWith(own) && t.size() > own.size() &&
        !t[t.size() - own.size() - 1].isLetter())
        t.chop(own.size());
    return t.trimmed();
}

std::optional<double> QuantitySpinBox::typedWithUnit(const QString &text) const {
    const QString t = typedPart(text);
    // Only text that names a unit: a bare number is the field's own unit (QDoubleSpinBox).
    if (t.isEmpty() || !t.back().isLetter() || text.trimmed() == specialValueText())
        return std::nullopt;
    return units_.read(t.toStdString());
}

QValidator::State QuantitySpinBox::validate(QString &input, int &pos) const {
    if (const auto v = typedWithUnit(input))
        return *v >= minimum() && *v <= maximum() ? QValidator::Acceptable
                                                  : QValidator::Intermediate;
    const QValidator::State plain = CompactSpinBox::validate(input, pos);
    if (plain != QValidator::Invalid)
        return plain;
    // A number and the start of a unit ("300 m" on the way to "300 ms") may be typed on;
    // anything else is refused as it is typed.
    // A price may start with its currency sign ("$120/MWh").
    QString t = typedPart(input);
    if (t.startsWith(u'$')) {
        t.remove(0, 1);
        if (t.isEmpty())
            return QValidator::Intermediate;
    }
    qsizetype digits = 0;
    while (digits < t.size() && (t[digits].isDigit() || t[digits] == u'.' || t[digits] == u','))
        ++digits;
    const QString rest = t.mid(digits).trimmed();
    return digits > 0 && units_.begins(rest.toStdString()) ? QValidator::Intermediate
                                                           : QValidator::Invalid;
}

double QuantitySpinBox::valueFromText(const QString &text) const {
    if (const auto v = typedWithUnit(text))
        return *v;
    return CompactSpinBox::valueFromText(text);
}

DurationSpinBox::DurationSpinBox(double unitSeconds, const QString &suffix, QWidget *parent)
    : QuantitySpinBox(
          measureUnits(units::Measure::Time, unitSeconds,
                       unitSeconds < 1 ? QStringLiteral("2 s") : QStringLiteral("300 ms")),
          suffix, parent) {}

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

QDoubleSpinBox *FormPanel::quantityField(double min, double max, int decimals,
                                         const QString &suffix, TypedUnits units,
                                         const QString &name, const std::function<void()> &commit) {
    const QString example = units.example;
    auto *spin = new QuantitySpinBox(std::move(units), suffix, this);
    spin->setObjectName(name);
    spin->setRange(min, max);
    spin->setDecimals(decimals);
    spin->setGroupSeparatorShown(true);
    spin->setKeyboardTracking(false);
    spin->setToolTip(
        tr("In %1; or type the unit with the number (\"%2\")").arg(suffix.trimmed(), example));
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
