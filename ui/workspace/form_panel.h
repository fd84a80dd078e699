// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the scenario's forms share: fields that commit to the document when the user changes
// them and stay silent while the form is being (re)loaded from the document.

#include <QDoubleSpinBox>
#include <QWidget>

#include "units/measure.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QSpinBox;

namespace accelplan::ui {

// A spin box for real numbers that shows "20 B tokens" rather than "20.000 B tokens".
class CompactSpinBox : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double value) const override;
};

// How a field reads a quantity typed with a unit, for QuantitySpinBox.
struct TypedUnits {
    // The typed text (without the field's own suffix) in the field's unit; empty when the text
    // is not a quantity this field reads.
    std::function<std::optional<double>(const std::string &)> read;
    // Whether `rest`, typed after a number, may still become a unit the field reads.
    std::function<bool(const std::string &)> begins;
    QString example; // for the tooltip: "300 ms", "70 B"
    // What an amount may start with ("$", "€", "EUR"); nothing for other quantities.
    std::function<std::vector<std::string>()> signs;
};

// A quantity of `measure` in a field whose unit is `fieldUnit` base units (seconds, bytes,
// $/J, ...): "300 ms" in a field in seconds, "2 GB" in one in megabytes.
TypedUnits measureUnits(units::Measure measure, double fieldUnit, const QString &example);
// An amount in the shown currency (units::shownCurrency()) in a field whose unit is
// `usdFieldUnit` base units of `measure` converted into it: a budget in euros, an electricity
// price in euros per kWh. A number typed with the shown currency's sign or code, or with none, is
// in that currency; one typed in US dollars ("$2.5M", "0.12 USD/kWh") is converted at its rate.
TypedUnits shownMoneyUnits(units::Measure measure, double usdFieldUnit, const QString &example);
// A count in a field whose unit is `fieldScale` (1e6 for a field in millions), with a scale
// word and the field's unit words: "70 B", "1.5 M tokens/day".
TypedUnits countUnits(double fieldScale, std::vector<std::string> unitWords,
                      const QString &example);

// A number in the field's unit (which the field shows) that also reads the same quantity typed
// with another unit: "300 ms" in a field shown in seconds is 0.3 s, "70 B" in a field of
// millions of parameters is 70,000 M. A bare number is in the field's unit. Text that is
// neither is refused as it is typed, never read as something else.
class QuantitySpinBox : public CompactSpinBox {
public:
    QuantitySpinBox(TypedUnits units, const QString &suffix, QWidget *parent = nullptr);
    QValidator::State validate(QString &input, int &pos) const override;
    double valueFromText(const QString &text) const override;

private:
    QString typedPart(const QString &text) const;
    // The typed quantity in the field's unit, when the text names a unit.
    std::optional<double> typedWithUnit(const QString &text) const;
    // The currency sign `text` starts with, or nothing.
    QString leadingSign(const QString &text) const;

    TypedUnits units_;
};

// A time in a fixed unit (seconds, milliseconds): `unitSeconds` is 1 or 1e-3, `suffix` names
// it (" s", " ms").
class DurationSpinBox : public QuantitySpinBox {
public:
    DurationSpinBox(double unitSeconds, const QString &suffix, QWidget *parent = nullptr);
};

class FormPanel : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

protected:
    // Each field calls `commit` when the user changes it (typing: on Enter or leaving it).
    QSpinBox *intField(int min, int max, const QString &name, const std::function<void()> &commit);
    QDoubleSpinBox *realField(double min, double max, int decimals, const QString &suffix,
                              const QString &name, const std::function<void()> &commit);
    // A QuantitySpinBox: a number in the unit `suffix` names, or typed with another unit.
    QDoubleSpinBox *quantityField(double min, double max, int decimals, const QString &suffix,
                                  TypedUnits units, const QString &name,
                                  const std::function<void()> &commit);
    QComboBox *choiceField(const QString &name, const std::function<void()> &commit);
    // A DurationSpinBox from 0 ("none", shown as `none`) to `max` in its unit.
    QDoubleSpinBox *durationField(double max, int decimals, double unitSeconds,
                                  const QString &suffix, const QString &name,
                                  const std::function<void()> &commit);

    // True while the form is filled from the document: nothing commits then. Starts true so
    // that building the form commits nothing; the first load ends it.
    bool loading_ = true;
};

} // namespace accelplan::ui
