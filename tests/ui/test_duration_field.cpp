// SPDX-License-Identifier: GPL-3.0-or-later
// Time targets typed as people type them: "300 ms" in the TTFT field (shown in seconds) is
// 0.3 s, not 300 s; "2 s" in the TPOT field (shown in milliseconds) is 2,000 ms; a bare number
// is in the field's unit; nonsense is refused and leaves the value as it was.

#include "workspace/form_panel.h"

#include <QLineEdit>
#include <QTest>
#include <QtTest>

using accelplan::ui::DurationSpinBox;

namespace {

// Types `text` into the spin box as a user would (select all, type, Enter).
double typed(DurationSpinBox &spin, const QString &text) {
    QLineEdit *edit = spin.findChild<QLineEdit *>();
    edit->selectAll();
    QTest::keyClicks(&spin, text);
    const QString shown = edit->text();
    QTest::keyClick(&spin, Qt::Key_Return);
    qInfo("typed '%s', field showed '%s', value %g", qPrintable(text), qPrintable(shown),
          spin.value());
    return spin.value();
}

} // namespace

class TestDurationField : public QObject {
    Q_OBJECT

private slots:
    void aTimeWithItsUnitIsReadInTheFieldsUnit() {
        DurationSpinBox ttft(1, QStringLiteral(" s"));
        ttft.setRange(0, 3600);
        ttft.setDecimals(3);
        ttft.setKeyboardTracking(false);
        QCOMPARE(typed(ttft, QStringLiteral("300 ms")), 0.3);
        QCOMPARE(typed(ttft, QStringLiteral("2 s")), 2.0);
        QCOMPARE(typed(ttft, QStringLiteral("1.5")), 1.5); // the field's own unit: seconds
        QCOMPARE(ttft.text(), QStringLiteral("1.5 s"));

        DurationSpinBox tpot(1e-3, QStringLiteral(" ms"));
        tpot.setRange(0, 10000);
        tpot.setDecimals(1);
        tpot.setKeyboardTracking(false);
        QCOMPARE(typed(tpot, QStringLiteral("2 s")), 2000.0);
        QCOMPARE(typed(tpot, QStringLiteral("50")), 50.0);
        QCOMPARE(typed(tpot, QStringLiteral("500 us")), 0.5);
    }

    // Letters that begin no time unit are refused as they are typed: "300 GB" stops at the
    // 300 the field shows in its own unit, and a time past the range is not taken.
    void textThatIsNoTimeIsRefusedAsTyped() {
        DurationSpinBox ttft(1, QStringLiteral(" s"));
        ttft.setRange(0, 3600);
        ttft.setDecimals(3);
        ttft.setKeyboardTracking(false);
        ttft.setValue(0.5);
        QCOMPARE(typed(ttft, QStringLiteral("300 GB")), 300.0);
        QCOMPARE(ttft.text(), QStringLiteral("300 s"));
        ttft.setValue(0.5);
        QCOMPARE(typed(ttft, QStringLiteral("2 days")), 0.5);
    }
};

QTEST_MAIN(TestDurationField)
#include "test_duration_field.moc"
