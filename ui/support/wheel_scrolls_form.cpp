// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/wheel_scrolls_form.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QWidget>

namespace accelplan::ui {

namespace {

class WheelToForm : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() != QEvent::Wheel)
            return false;
        const auto *widget = qobject_cast<QWidget *>(watched);
        if (!widget || widget->hasFocus())
            return false;
        // Not delivered to the box, and left unaccepted: Qt hands it on to the parents, up to
        // the scroll area.
        event->ignore();
        return true;
    }
};

void guard(QWidget *box, QObject *filter) {
    box->setFocusPolicy(Qt::StrongFocus); // a wheel over it no longer gives it the focus
    box->installEventFilter(filter);
}

} // namespace

void wheelScrollsForm(QWidget *form) {
    auto *filter = new WheelToForm(form);
    for (QComboBox *box : form->findChildren<QComboBox *>())
        guard(box, filter);
    for (QAbstractSpinBox *box : form->findChildren<QAbstractSpinBox *>())
        guard(box, filter);
}

} // namespace accelplan::ui
