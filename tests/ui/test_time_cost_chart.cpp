// SPDX-License-Identifier: GPL-3.0-or-later
// Chart 1 plots each candidate's time to train and cost with the evaluation's ranges, leaves a
// candidate that cannot train without bars (saying why), and plots latency and cost per
// million outputs for a scenario that only serves.

#include "charts/time_cost_chart.h"
#include "document/default_scenario.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"

#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

class TestTimeCostChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        catalog_ = test::shippedCatalog();
    }

    void barsAreTheEvaluationsTimesAndCosts() {
        Scenario s = defaultScenario();
        s.candidates.push_back({"nvidia-t4", 1, std::nullopt, {}}); // 70B cannot train on one T4
        const Analysis a = analyzeFully(s, catalog_);
        TimeCostChart chart;
        chart.setAnalysis(a);
        const TimeCostData &d = chart.data();
        QVERIFY(d.training);
        QCOMPARE(d.rows.size(), s.candidates.size());
        for (std::size_t i = 0; i + 1 < d.rows.size(); ++i) {
            const TimeCostRow &row = d.rows[i];
            const auto &t = a.evaluation.results[i].training->timeToTrain;
            QVERIFY(row.time.present);
            QCOMPARE(row.time.nominal, t.nominal.value());
            QVERIFY(row.time.low <= row.time.nominal && row.time.nominal <= row.time.high);
            QVERIFY(row.time.high > row.time.low);
            QVERIFY(row.cost.present);
            QCOMPARE(row.cost.nominal,
                     a.evaluation.results[i].spend->trainingCost->nominal.value());
        }
        const TimeCostRow &t4 = d.rows.back();
        QVERIFY(!t4.time.present);
        QCOMPARE(t4.missing, QStringLiteral("does not fit"));
        QVERIFY(t4.label.contains(QStringLiteral("T4")));
        QVERIFY(!chart.isEmpty());
        // One bar per plotted value (time and cost for each fitting candidate).
        int bars = 0;
        for (int i = 0; i < chart.plottableCount(); ++i)
            bars += qobject_cast<QCPBars *>(chart.plottable(i)) ? 1 : 0;
        QCOMPARE(bars, 2 * static_cast<int>(s.candidates.size() - 1));
    }

    void servingOnlyPlotsLatencyAndCostPerMillion() {
        Scenario s = defaultScenario();
        s.training.reset();
        const Analysis a = analyzeFully(s, catalog_);
        const TimeCostData d = timeCostData(a);
        QVERIFY(!d.training);
        QCOMPARE(d.timeTitle, QStringLiteral("Latency per request"));
        for (std::size_t i = 0; i < d.rows.size(); ++i) {
            const auto &inference = *a.evaluation.results[i].inference;
            QVERIFY(d.rows[i].time.present);
            QCOMPARE(d.rows[i].time.nominal, inference.latency.value());
            QCOMPARE(d.rows[i].cost.nominal, inference.costPerMillionTokens.value());
        }
    }

    void aDeadlineGoalIsDrawnOnTheTimePanel() {
        Scenario s = defaultScenario();
        QVERIFY(!timeCostData(analyze(s, catalog_)).deadline);
        s.goal = Goal{Objective::cheapestWithinDeadline, Focus::training, units::seconds(604800),
                      std::nullopt};
        const TimeCostData d = timeCostData(analyze(s, catalog_));
        QCOMPARE(*d.deadline, 604800.0);
        QVERIFY(!d.budget);
    }

    void noCandidatesSaysSo() {
        Scenario s = defaultScenario();
        s.candidates.clear();
        TimeCostChart chart;
        chart.setAnalysis(analyzeFully(s, catalog_));
        QVERIFY(chart.isEmpty());
        QCOMPARE(chart.plottableCount(), 0);
    }

private:
    std::shared_ptr<const Catalog> catalog_;
};

QTEST_MAIN(TestTimeCostChart)
#include "test_time_cost_chart.moc"
