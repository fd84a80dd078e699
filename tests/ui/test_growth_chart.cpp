// SPDX-License-Identifier: GPL-3.0-or-later
// Chart 7: with a growth plan, each candidate's chips and monthly spend follow core's plan
// month by month, and the month a chip limit stops a candidate is marked; without a plan the
// chart says what is missing.

#include "charts/growth_chart.h"
#include "document/default_scenario.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"

#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

class TestGrowthChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        catalog_ = test::shippedCatalog();
    }

    void followsCoresPlanMonthByMonth() {
        Scenario s = defaultScenario();
        s.inference->mode = InferenceMode::server;
        GrowthPlan plan;
        plan.unit = DemandUnit::tokensPerDay;
        plan.start = 1e8;
        plan.end = 2e10;
        plan.months = 12;
        plan.maxChips = 256;
        s.growth = plan;
        const Analysis a = analyzeFully(s, catalog_);
        QCOMPARE(a.growth.size(), s.candidates.size());
        GrowthChart chart;
        chart.setAnalysis(a);
        const GrowthData &d = chart.data();
        QVERIFY(d.planned);
        bool anyMonths = false;
        for (const GrowthSeries &series : d.series) {
            const GrowthOutcome &g = a.growth[series.candidate];
            QCOMPARE(series.months.size(), g.months.size());
            for (std::size_t k = 0; k < series.months.size(); ++k) {
                anyMonths = true;
                QCOMPARE(series.chips[k], g.months[k].chips);
                if (k > 0) // demand only grows, so the fleet never shrinks
                    QVERIFY(series.chips[k] >= series.chips[k - 1]);
            }
            QCOMPARE(series.firstShortMonth, g.firstShortMonth);
        }
        QVERIFY(anyMonths);
        QVERIFY(!chart.isEmpty());
    }

    void withoutAPlanTheChartSaysSo() {
        GrowthChart chart;
        chart.setAnalysis(analyzeFully(defaultScenario(), catalog_));
        QVERIFY(!chart.data().planned);
        QVERIFY(chart.isEmpty());
    }

private:
    std::shared_ptr<const Catalog> catalog_;
};

QTEST_MAIN(TestGrowthChart)
#include "test_growth_chart.moc"
