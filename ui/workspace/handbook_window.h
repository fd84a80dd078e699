// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Help → Handbook (F1): the handbook shipped with the app (share/accelplan/handbook/), in a
// window of its own beside the workspace.

class QWidget;

namespace accelplan::ui {

// Shows the handbook (raising it when it is open already); says so when it is not installed.
// Returns the window, or null when there is no handbook to show.
QWidget *showHandbook(QWidget *parent);

} // namespace accelplan::ui
