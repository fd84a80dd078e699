// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/form_panel.h"

#include "support/shown_currency.h"
#include "support/text.h"
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
    if (measure == units::Measure::Money || measure == units::Measure::MoneyRate ||
        measure == units::Measure::EnergyPrice)
        out.signs = [] { return std::vector<std::string>{"$"}; };
    return out;
}

namespace {

// The shown currency's sign ("€", "CHF") and its code.
std::vector<std::string> shownSigns() {
    return {shownCurrencySign().toStdString(), units::shownCurrency().code};
}

// `text` without `word` at its start or end, if it is there.
bool removeWord(std::string &text, const std::string &word) {
    if (text.starts_with(word)) {
        text.erase(0, word.size());
        return true;
    }
    if (text.size() > word.size() && text.ends_with(word)) {
        text.erase(text.size() - word.size());
        return true;
    }
    return false;
}

} // namespace

TypedUnits shownMoneyUnits(units::Measure measure, double usdFieldUnit, const QString &example) {
    TypedUnits out = measureUnits(measure, usdFieldUnit, example);
    out.read = [measure, usdFieldUnit](const std::string &typed) -> std::optional<double> {
        const units::Currency c = units::shownCurrency();
        std::string text = typed;
        bool inUsd = text.find('$') != std::string::npos || text.find("USD") != std::string::npos;
        if (!c.isUsd())
            for (const std::string &sign : shownSigns())
                if (removeWord(text, sign)) {
                    inUsd = false;
                    break;
                }
        const units::ParseResult<double> r = units::parseMeasure(text, measure);
        if (!r.value)
            return std::nullopt;
        return *r.value / usdFieldUnit * (inUsd ? c.perUsd : 1);
    };
    out.signs = [] {
        std::vector<std::string> signs = shownSigns();
        signs.push_back("$");
        return signs;
    };
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
    // Only text that names a unit or starts with a currency's sign: a bare number is the
    // field's own unit (QDoubleSpinBox).
    if (t.isEmpty() || text.trimmed() == specialValueText() ||
        (!t.back().isLetter() && leadingSign(t).isEmpty()))
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
    // A price may start with its currency's sign ("$120/MWh", "€2.5M").
    QString t = typedPart(input);
    if (const QString sign = leadingSign(t); !sign.isEmpty()) {
        t = t.mid(sign.size()).trimmed();
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

QString QuantitySpinBox::leadingSign(const QString &text) const {
    if (units_.signs)
        for (const std::string &sign : units_.signs())
            if (!sign.empty() && text.startsWith(qs(sign)))
                return qs(sign);
    return {};
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
