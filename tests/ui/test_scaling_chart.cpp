// SPDX-License-Identifier: GPL-3.0-or-later
// Chart 6: time to train over the swept chip counts, with ideal scaling from the smallest
// count that fits; waits for the sweeps and says so before.

#include "charts/scaling_chart.h"
#include "document/default_scenario.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"

#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

class TestScalingChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        catalog_ = test::shippedCatalog();
    }

    void idealScalesTheFirstPointByCount() {
        const Scenario s = defaultScenario();
        const Analysis a = analyzeFully(s, catalog_);
        ScalingChart chart;
        chart.setAnalysis(a);
        const ScalingData &d = chart.data();
        QCOMPARE(d.series.size(), s.candidates.size());
        for (const ScalingSeries &series : d.series) {
            QVERIFY(series.counts.size() >= 2);
            QCOMPARE(series.ideal.front(), series.times.front());
            for (std::size_t k = 1; k < series.counts.size(); ++k) {
                QVERIFY(series.counts[k] > series.counts[k - 1]);
                QVERIFY(qFuzzyCompare(series.ideal[k] * series.counts[k],
                                      series.ideal[0] * series.counts[0]));
                QVERIFY(series.times[k] < series.times[k - 1]); // more chips, less time
            }
            const auto own = std::find(series.counts.begin(), series.counts.end(),
                                       s.candidates[series.candidate].count);
            QVERIFY(own != series.counts.end());
        }
    }

    void beforeTheSweepsTheChartWaits() {
        ScalingChart chart;
        chart.setAnalysis(analyze(defaultScenario(), catalog_));
        QVERIFY(chart.isEmpty());
    }

private:
    std::shared_ptr<const Catalog> catalog_;
};

QTEST_MAIN(TestScalingChart)
#include "test_scaling_chart.moc"
