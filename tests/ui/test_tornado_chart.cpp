// SPDX-License-Identifier: GPL-3.0-or-later
// Chart 8: core's sensitivity of the recommended candidate, each input's low and high end as a
// change in cost from the scenario as it is, largest swing first.

#include "charts/tornado_chart.h"
#include "document/default_scenario.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"

#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

class TestTornadoChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        catalog_ = test::shippedCatalog();
    }

    void barsAreTheWinnersSensitivity() {
        const Analysis a = analyzeFully(defaultScenario(), catalog_);
        QVERIFY(a.recommendation.winner());
        QCOMPARE(a.sensitivityResult, a.recommendation.winner()->result);
        TornadoChart chart;
        chart.setAnalysis(a);
        const TornadoData &d = chart.data();
        QVERIFY(d.byCost);
        QCOMPARE(d.base, a.sensitivity->baseCost->value());
        QVERIFY(d.rows.size() >= 4);
        double previous = 1e300;
        for (const TornadoRow &row : d.rows) {
            QVERIFY(row.costLow && row.costHigh);
            QCOMPARE(row.lowChange, *row.costLow / d.base - 1);
            QCOMPARE(row.highChange, *row.costHigh / d.base - 1);
            const double swing = std::max(std::abs(row.lowChange), std::abs(row.highChange));
            QVERIFY(swing <= previous + 1e-12);
            previous = swing;
        }
        // A higher price costs more, by the swing core applies.
        const auto price = std::find_if(d.rows.begin(), d.rows.end(), [](const TornadoRow &r) {
            return r.input == QStringLiteral("Price");
        });
        QVERIFY(price != d.rows.end());
        QVERIFY(price->highChange > 0 && price->lowChange < 0);
        QCOMPARE(chart.plottableCount(), 2); // low ends and high ends
        QVERIFY(chart.title().contains(d.candidateLabel));
    }

    void waitsForTheSlowPart() {
        TornadoChart chart;
        chart.setAnalysis(analyze(defaultScenario(), catalog_));
        QVERIFY(chart.isEmpty());
    }

private:
    std::shared_ptr<const Catalog> catalog_;
};

QTEST_MAIN(TestTornadoChart)
#include "test_tornado_chart.moc"
