// SPDX-License-Identifier: GPL-3.0-or-later
// Scrolling a long form with the mouse wheel scrolls it: a combo or spin box that passes under
// the pointer keeps its value unless the user has clicked or tabbed into it first.

#include "support/wheel_scrolls_form.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTest>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtTest>

namespace {

// One notch of the wheel, turned towards the user (scrolling down), over `target`'s middle.
// Whether `target` took it: one it leaves unaccepted Qt hands on to the parents (a real wheel's
// event does; this synthesized one stops here, which is why the test asks).
bool wheelDown(QWidget *target) {
    const QPointF at(target->width() / 2.0, target->height() / 2.0);
    QWheelEvent notch(at, target->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &notch);
    return notch.isAccepted();
}

} // namespace

class TestWheelScrollsForm : public QObject {
    Q_OBJECT

private slots:
    void theWheelScrollsPastBoxesAndTurnsOnlyAFocusedOne() {
        QScrollArea area;
        auto *form = new QWidget;
        auto *layout = new QVBoxLayout(form);
        auto *name = new QLineEdit(form); // where the focus is, as in the real forms
        layout->addWidget(name);
        auto *combo = new QComboBox(form);
        combo->addItems({QStringLiteral("switch"), QStringLiteral("pcie"), QStringLiteral("none")});
        auto *spin = new QSpinBox(form);
        spin->setRange(1, 100);
        spin->setValue(8);
        layout->addWidget(combo);
        layout->addWidget(spin);
        layout->addSpacing(3000); // taller than the area: there is something to scroll
        area.setWidget(form);
        area.resize(300, 200);
        accelplan::ui::wheelScrollsForm(form);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        name->setFocus();
        QVERIFY(!combo->hasFocus() && !spin->hasFocus());

        QVERIFY(!wheelDown(combo));
        QVERIFY(!wheelDown(spin));
        QCOMPARE(combo->currentIndex(), 0);
        QCOMPARE(spin->value(), 8);
        // The scroll area's own viewport scrolls with it.
        QVERIFY(wheelDown(area.viewport()));
        QVERIFY(area.verticalScrollBar()->value() > 0);

        // Clicked or tabbed into, a box takes the wheel as Qt's boxes always did.
        combo->setFocus();
        QVERIFY(combo->hasFocus());
        QVERIFY(wheelDown(combo));
        QCOMPARE(combo->currentIndex(), 1);
    }
};

QTEST_MAIN(TestWheelScrollsForm)
#include "test_wheel_scrolls_form.moc"
