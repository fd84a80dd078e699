// SPDX-License-Identifier: GPL-3.0-or-later
// Chart 3: one curve per candidate that can serve, throughput per chip against the time per
// output token, the evaluated batch marked on it and the scenario's TPOT target drawn.

#include "charts/latency_chart.h"
#include "document/default_scenario.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"

#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

class TestLatencyChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        catalog_ = test::shippedCatalog();
    }

    void curvesFollowTheBatchAndMarkTheEvaluatedOne() {
        const Scenario s = defaultScenario();
        const Analysis a = analyzeFully(s, catalog_);
        LatencyChart chart;
        chart.setAnalysis(a);
        const LatencyData &d = chart.data();
        QVERIFY(d.tokens);
        QVERIFY(d.latencySlo);
        QCOMPARE(*d.latencySlo, s.inference->slo.tpot->value());
        QVERIFY(!d.series.empty());
        for (const LatencySeries &series : d.series) {
            QVERIFY(series.points.size() >= 2);
            for (std::size_t k = 1; k < series.points.size(); ++k)
                QVERIFY(series.points[k].batch > series.points[k - 1].batch);
            // A bigger batch waits longer per token and serves more tokens per chip.
            QVERIFY(series.x.back() > series.x.front());
            QVERIFY(series.y.back() > series.y.front());
            const auto &inference = *a.evaluation.results[series.candidate].inference;
            QVERIFY(series.operatingPoint);
            QCOMPARE(series.points[*series.operatingPoint].batch, inference.batch);
        }
    }

    void withoutInferenceTheChartSaysSo() {
        Scenario s = defaultScenario();
        s.inference.reset();
        LatencyChart chart;
        chart.setAnalysis(analyzeFully(s, catalog_));
        QVERIFY(chart.isEmpty());
        QVERIFY(chart.data().series.empty());
    }

private:
    std::shared_ptr<const Catalog> catalog_;
};

QTEST_MAIN(TestLatencyChart)
#include "test_latency_chart.moc"
