// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the scenario's forms share: fields that commit to the document when the user changes
// them and stay silent while the form is being (re)loaded from the document.

#include <QDoubleSpinBox>
#include <QWidget>

#include <functional>

class QComboBox;
class QSpinBox;

namespace accelplan::ui {

// A spin box for real numbers that shows "20 B tokens" rather than "20.000 B tokens".
class CompactSpinBox : public QDoubleSpinBox {
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double value) const override;
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

    // True while the form is filled from the document: nothing commits then. Starts true so
    // that building the form commits nothing; the first load ends it.
    bool loading_ = true;
};

} // namespace accelplan::ui
