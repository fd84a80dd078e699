// SPDX-License-Identifier: GPL-3.0-or-later
// Quantities typed as people type them: "300 ms" in the TTFT field (shown in seconds) is 0.3 s,
// not 300 s; "2 s" in the TPOT field (shown in milliseconds) is 2,000 ms; "70 B" parameters in
// a field of millions is 70,000 M; "1.5 M tokens/day", "2 GB", "$120/MWh". A bare number is in
// the field's unit; nonsense is refused and leaves the value as it was.

#include "workspace/form_panel.h"

#include <QLineEdit>
#include <QTest>
#include <QtTest>

using accelplan::ui::countUnits;
using accelplan::ui::DurationSpinBox;
using accelplan::ui::measureUnits;
using accelplan::ui::QuantitySpinBox;
using accelplan::units::Measure;

namespace {

// Types `text` into the spin box as a user would (select all, type, Enter).
double typed(QuantitySpinBox &spin, const QString &text) {
    QLineEdit *edit = spin.findChild<QLineEdit *>();
    edit->selectAll();
    QTest::keyClicks(&spin, text);
    const QString shown = edit->text();
    QTest::keyClick(&spin, Qt::Key_Return);
    qInfo("typed '%s', field showed '%s', value %g", qPrintable(text), qPrintable(shown),
          spin.value());
    return spin.value();
}

// A field as the scenario's forms make it.
void setUp(QuantitySpinBox &spin, double max, int decimals) {
    spin.setRange(0, max);
    spin.setDecimals(decimals);
    spin.setGroupSeparatorShown(true);
    spin.setKeyboardTracking(false);
}

} // namespace

class TestQuantityField : public QObject {
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

    // Counts with a scale word and, optionally, the field's own unit words.
    void aCountWithItsScaleIsReadInTheFieldsUnit() {
        QuantitySpinBox params(countUnits(1e6, {"params", "parameters"}, QStringLiteral("70 B")),
                               QStringLiteral(" M"));
        setUp(params, 1e7, 3);
        QCOMPARE(typed(params, QStringLiteral("70 B")), 70000.0);
        QCOMPARE(typed(params, QStringLiteral("350m")), 350.0);
        QCOMPARE(typed(params, QStringLiteral("1.2 billion parameters")), 1200.0);
        QCOMPARE(typed(params, QStringLiteral("8")), 8.0); // millions, as the field shows
        QCOMPARE(params.text(), QStringLiteral("8 M"));

        QuantitySpinBox perDay(countUnits(1, {"/day", "tokens/day"}, QString()),
                               QStringLiteral(" tokens/day"));
        setUp(perDay, 1e18, 0);
        QCOMPARE(typed(perDay, QStringLiteral("1.5 M tokens/day")), 1.5e6);
        QCOMPARE(typed(perDay, QStringLiteral("2k")), 2000.0);

        QuantitySpinBox rate(countUnits(1, {"req/s", "requests/s"}, QString()),
                             QStringLiteral(" req/s"));
        setUp(rate, 1e9, 2);
        QCOMPARE(typed(rate, QStringLiteral("20 req/s")), 20.0);
        QCOMPARE(typed(rate, QStringLiteral("1.2 k requests/s")), 1200.0);
    }

    // Physical quantities in a field with a prefixed or per-kWh unit.
    void aMeasureWithItsUnitIsReadInTheFieldsUnit() {
        QuantitySpinBox activations(measureUnits(Measure::Information, 1e6, QString()),
                                    QStringLiteral(" MB"));
        setUp(activations, 1e9, 1);
        QCOMPARE(typed(activations, QStringLiteral("2 GB")), 2000.0);
        QuantitySpinBox electricity(measureUnits(Measure::EnergyPrice, 1 / 3.6e6, QString()),
                                    QStringLiteral(" $/kWh"));
        setUp(electricity, 10, 3);
        QCOMPARE(typed(electricity, QStringLiteral("$120/MWh")), 0.12);
        QCOMPARE(typed(electricity, QStringLiteral("0.2")), 0.2);
        QuantitySpinBox years(measureUnits(Measure::Time, 365.25 * 86400, QString()),
                              QStringLiteral(" years"));
        setUp(years, 30, 1);
        QCOMPARE(typed(years, QStringLiteral("18 months")), 1.5);
    }

    // A count's field refuses letters that begin no scale or unit of it, as they are typed, and
    // keeps its value for a count past its range.
    void textThatIsNoCountIsRefusedAsTyped() {
        QuantitySpinBox params(countUnits(1e6, {"params"}, QString()), QStringLiteral(" M"));
        setUp(params, 1e7, 3);
        params.setValue(8);
        QCOMPARE(typed(params, QStringLiteral("70 xyz")), 70.0);
        params.setValue(8);
        QCOMPARE(typed(params, QStringLiteral("20 T")), 8.0); // 20,000,000 M: past the range
        QString text = QStringLiteral("70 x");
        int pos = int(text.size());
        QCOMPARE(params.validate(text, pos), QValidator::Invalid);
        text = QStringLiteral("70 bi");
        QCOMPARE(params.validate(text, pos), QValidator::Intermediate);
    }
};

QTEST_MAIN(TestQuantityField)
#include "test_quantity_field.moc"
