// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What each input of the scenario's forms means, in one or two sentences: the tooltips of the
// Scenario dock, kept in one table so that none is missing (a test checks every input has
// one) and the wording stays alike. The handbook (F1) says more.

#include <QString>

class QWidget;

namespace accelplan::ui {

// The help for the input named `objectName`; empty when there is none.
QString fieldHelp(const QString &objectName);

// Sets each input under `root` that fieldHelp() knows to its help, before any tooltip it
// already has (a field's units: "In ms; or type the unit with the number").
void applyFieldHelp(QWidget *root);

} // namespace accelplan::ui
