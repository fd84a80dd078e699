// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A long form in a scroll area is scrolled with the mouse wheel. Qt's combo and spin boxes take
// the wheel whenever the pointer passes over them, so scrolling the form changed whatever value
// happened to pass under the pointer: a chip's topology in the catalog editor, a precision in
// the scenario. After this call the form's combo and spin boxes take the wheel only once
// focused (clicked or tabbed to); otherwise it scrolls the form.

class QWidget;

namespace accelplan::ui {

void wheelScrollsForm(QWidget *form);

} // namespace accelplan::ui
