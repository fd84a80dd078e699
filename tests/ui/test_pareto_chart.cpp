// SPDX-License-Identifier: GPL-3.0-or-later
// Chart 2: every candidate at every swept count is a point; the front holds exactly the points
// no other point beats on both time and cost.

#include "charts/pareto_chart.h"
#include "document/default_scenario.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"

#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

namespace {

bool dominates(const ParetoPoint &a, const ParetoPoint &b) {
    return a.time <= b.time && a.cost <= b.cost && (a.time < b.time || a.cost < b.cost);
}

} // namespace

class TestParetoChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        catalog_ = test::shippedCatalog();
    }

    void frontIsExactlyTheUndominatedPoints() {
        const Scenario s = defaultScenario();
        const Analysis a = analyzeFully(s, catalog_);
        ParetoChart chart;
        chart.setAnalysis(a);
        const ParetoData &d = chart.data();
        QVERIFY(d.training);
        QVERIFY(d.points.size() > s.candidates.size()); // the sweeps' counts too
        QVERIFY(!d.front.empty());
        for (const ParetoPoint &p : d.points) {
            const bool dominated =
                std::any_of(d.points.begin(), d.points.end(),
                            [&](const ParetoPoint &q) { return dominates(q, p); });
            QCOMPARE(p.onFront, !dominated);
        }
        // Each candidate's own count is among the points.
        for (std::size_t i = 0; i < s.candidates.size(); ++i)
            QVERIFY(std::any_of(d.points.begin(), d.points.end(), [&](const ParetoPoint &p) {
                return p.candidate == i && p.own && p.count == s.candidates[i].count;
            }));
    }

    void beforeTheSweepsTheCandidatesAlone() {
        const Analysis a = analyze(defaultScenario(), catalog_);
        const ParetoData d = paretoData(a);
        QCOMPARE(d.points.size(), a.evaluation.results.size());
    }

private:
    std::shared_ptr<const Catalog> catalog_;
};

QTEST_MAIN(TestParetoChart)
#include "test_pareto_chart.moc"
