// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_editor/unit_field.h"

#include "catalog_editor/shown_quantity.h"
#include "support/text.h"
#include "units/parse.h"

#include <utility>

namespace accelplan::ui {

namespace {

// Enough digits that a value shown and read back is the value stored, for the catalog's
// figures (a bandwidth of 3.35 TB/s, a memory of 80 GiB).
constexpr int kShownDigits = 6;

} // namespace

UnitField::UnitField(units::Measure measure, QWidget *parent)
    : QLineEdit(parent), measure_(measure) {
    // One example fits the field; the tool tip has them all while there is no problem to tell.
    const QString examples = qs(units::measureExample(measure));
    setPlaceholderText(tr("unknown (e.g. %1)").arg(examples.section(QStringLiteral(", "), 0, 0)));
    hint_ = tr("Type the value with its unit, e.g. %1; leave it empty when unknown.").arg(examples);
    setToolTip(hint_);
    setClearButtonEnabled(true);
    connect(this, &QLineEdit::textEdited, this, &UnitField::recheck);
    connect(this, &QLineEdit::editingFinished, this, &UnitField::finish);
}

void UnitField::setValue(std::optional<double> value) {
    shownText_ = value ? shownQuantity(*value, measure_, kShownDigits) : QString();
    setText(shownText_);
    value_ = value;
    showProblem(QString());
}

void UnitField::setCheck(std::function<QString(std::optional<double>)> check) {
    check_ = std::move(check);
}

void UnitField::recheck() {
    const QString text = this->text().trimmed();
    std::optional<double> parsed;
    QString problem;
    if (!text.isEmpty()) {
        const units::ParseResult<double> r = units::parseMeasure(text.toStdString(), measure_);
        if (r.ok())
            parsed = r.value;
        else
            problem = qs(r.error.message);
    }
    if (problem.isEmpty() && check_)
        problem = check_(parsed);
    value_ = problem.isEmpty() ? parsed : std::nullopt;
    showProblem(problem);
}

void UnitField::finish() {
    if (text() == shownText_)
        return;
    recheck();
    if (!problem_.isEmpty())
        return;
    emit valueEdited(value_);
}

void UnitField::showProblem(const QString &problem) {
    if (problem == problem_)
        return;
    problem_ = problem;
    setStyleSheet(problem.isEmpty() ? QString()
                                    : QStringLiteral("QLineEdit { border: 2px solid #d32f2f; "
                                                     "background: #fdecea; }"));
    setToolTip(problem.isEmpty() ? hint_ : problem);
    setAccessibleDescription(problem);
    emit problemChanged(problem);
}

} // namespace accelplan::ui
