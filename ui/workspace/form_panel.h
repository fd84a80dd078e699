// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the scenario's forms share: fields that commit to the document when the user changes
// them and stay silent while the form is being (re)loaded from the document.

#include <QDoubleSpinBox>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QSpinBox;

namespace accelplan::ui {

// A spin box for real numbers that shows "20 B tokens" rather than "20.000 B tokens".
class CompactSpinBox : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double value) const override;
};

// A time in a fixed unit (seconds, milliseconds) that also reads a time typed with its own
// unit: "300 ms" in a field shown in seconds is 0.3 s, "2 s" in one shown in milliseconds is
// 2,000 ms. A bare number is in the field's unit, which the field shows. Text that is neither
// is refused, never read as something else.
class DurationSpinBox : public CompactSpinBox {
public:
    // `unitSeconds`: the field's unit in seconds (1, 1e-3); `suffix` names it (" s", " ms").
    DurationSpinBox(double unitSeconds, const QString &suffix, QWidget *parent = nullptr);
    QValidator::State validate(QString &input, int &pos) const override;
    double valueFromText(const QString &text) const override;

private:
    QString typedPart(const QString &text) const;
    // The typed time in the field's unit, when the text is a time with a unit.
    std::optional<double> typedWithUnit(const QString &text) const;

    double unitSeconds_;
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
