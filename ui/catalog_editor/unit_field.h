// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A line edit for a quantity people type with its unit ("3.35 TB/s", "989 TFLOPS", "80 GiB",
// "$2.49/h"), read by core's parser. A value that does not parse, or that the field's check
// refuses (the catalog's plausibility rules), is marked at once: a red frame, the reason in
// the tool tip and from problem(); such a value is never reported as edited, so it cannot be
// saved. Values are shown with their unit, bytes in the preferred units (shown_quantity.h).

#include "units/measure.h"

#include <QLineEdit>

#include <functional>
#include <optional>

namespace accelplan::ui {

class UnitField : public QLineEdit {
    Q_OBJECT
public:
    explicit UnitField(units::Measure measure, QWidget *parent = nullptr);

    // Shows `value` (base units; nothing for an unknown value) and forgets any problem.
    void setValue(std::optional<double> value);
    // An extra rule: the reason a parsed value (nothing when the text is empty) is refused,
    // empty when it is fine.
    void setCheck(std::function<QString(std::optional<double>)> check);

    units::Measure measure() const { return measure_; }
    // The value the text says now, in base units; nothing when empty or when it has a problem.
    std::optional<double> value() const { return value_; }
    // Why the text cannot be used; empty when it can.
    const QString &problem() const { return problem_; }

signals:
    // The user finished editing (Enter or focus out) with a value that has no problem and
    // differs from the one shown.
    void valueEdited(std::optional<double> value);
    void problemChanged(const QString &problem);

private:
    void recheck();
    void finish();
    void showProblem(const QString &problem);

    units::Measure measure_;
    std::function<QString(std::optional<double>)> check_;
    std::optional<double> value_;
    QString problem_;
    QString shownText_; // the text setValue() wrote: unchanged text is no edit
    QString hint_;      // how to type a value, the tool tip while there is no problem
};

} // namespace accelplan::ui
