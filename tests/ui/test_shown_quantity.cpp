// SPDX-License-Identifier: GPL-3.0-or-later
// How the catalog editor writes values: bytes as their vendor states them by default (the unit
// the value is round in, even where rounding makes the other look round too), or all decimal,
// or all binary as the user prefers; other measures are not touched by the byte preference.

#include "catalog_editor/shown_quantity.h"
#include "helpers/test_env.h"

#include <QtTest>

#include <cmath>

using accelplan::ui::ByteUnits;
using accelplan::ui::preferredByteUnits;
using accelplan::ui::setPreferredByteUnits;
using accelplan::ui::shownQuantity;
using accelplan::units::Measure;

namespace {
const double kGiB = std::pow(2.0, 30);
}

class TestShownQuantity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { accelplan::test::isolateUserFiles(); }
    void cleanup() { setPreferredByteUnits(ByteUnits::asStated); }

    void asStatedIsTheDefault() {
        QSettings().clear();
        QVERIFY(preferredByteUnits() == ByteUnits::asStated);
    }

    void asStatedPicksTheUnitTheValueIsRoundIn() {
        setPreferredByteUnits(ByteUnits::asStated);
        QCOMPARE(shownQuantity(80e9, Measure::Information), QStringLiteral("80 GB"));
        QCOMPARE(shownQuantity(96 * kGiB, Measure::Information), QStringLiteral("96 GiB"));
        // 95 GiB is 102.005 GB: "102 GB" at four digits, yet not what the vendor states.
        QCOMPARE(shownQuantity(95 * kGiB, Measure::Information), QStringLiteral("95 GiB"));
        QCOMPARE(shownQuantity(3.35e12, Measure::Bandwidth), QStringLiteral("3.35 TB/s"));
        // Round in neither: decimal, as everywhere else in AccelPlan.
        QCOMPARE(shownQuantity(1.2345e9, Measure::Information), QStringLiteral("1.235 GB"));
        QCOMPARE(shownQuantity(96 * kGiB, Measure::Information, 6), QStringLiteral("96 GiB"));
    }

    void decimalAndBinaryAreOneUnitDownAColumn() {
        setPreferredByteUnits(ByteUnits::decimal);
        QCOMPARE(shownQuantity(96 * kGiB, Measure::Information), QStringLiteral("103.1 GB"));
        QCOMPARE(shownQuantity(80e9, Measure::Information), QStringLiteral("80 GB"));
        setPreferredByteUnits(ByteUnits::binary);
        QCOMPARE(shownQuantity(80e9, Measure::Information), QStringLiteral("74.51 GiB"));
        QCOMPARE(shownQuantity(96 * kGiB, Measure::Information), QStringLiteral("96 GiB"));
        QVERIFY(preferredByteUnits() == ByteUnits::binary); // kept in the settings
    }

    void otherMeasuresIgnoreTheBytePreference() {
        for (ByteUnits units : {ByteUnits::asStated, ByteUnits::decimal, ByteUnits::binary}) {
            setPreferredByteUnits(units);
            QCOMPARE(shownQuantity(989.4e12, Measure::ComputeRate),
                     QStringLiteral("989.4 TFLOP/s"));
            QCOMPARE(shownQuantity(700, Measure::Power), QStringLiteral("700 W"));
        }
    }
};

QTEST_MAIN(TestShownQuantity)
#include "test_shown_quantity.moc"
