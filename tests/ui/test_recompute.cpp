// SPDX-License-Identifier: GPL-3.0-or-later
// Recomputing off the UI thread: a request delivers the evaluation then the chip-count sweeps
// of that scenario, and a request overtaken by a newer one never reaches the window.

#include "document/default_scenario.h"
#include "document/recompute.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"

#include <QSignalSpy>
#include <QtTest>

using accelplan::Analysis;
using accelplan::Scenario;
using accelplan::ui::Recompute;

class TestRecompute : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        accelplan::test::isolateUserFiles();
        catalog_ = accelplan::test::shippedCatalog();
    }

    void deliversEvaluationThenSweeps() {
        Recompute recompute(catalog_);
        QSignalSpy evaluated(&recompute, &Recompute::evaluated);
        QSignalSpy completed(&recompute, &Recompute::completed);
        const Scenario s = accelplan::ui::defaultScenario();
        recompute.request(s);
        QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, 60000);
        QCOMPARE(evaluated.count(), 1);
        auto first = evaluated.at(0).at(0).value<std::shared_ptr<const Analysis>>();
        auto full = completed.at(0).at(0).value<std::shared_ptr<const Analysis>>();
        QVERIFY(first->scenario == s);
        QCOMPARE(first->evaluation.results.size(), s.candidates.size());
        QVERIFY(!first->sweepsDone);
        QVERIFY(full->sweepsDone);
        QCOMPARE(full->sweeps.size(), s.candidates.size());
        // The sweep holds the candidate's own count, with the evaluation's time.
        const auto &sweep = full->sweeps[0];
        auto own = std::find_if(sweep.points.begin(), sweep.points.end(),
                                [&](const auto &p) { return p.count == s.candidates[0].count; });
        QVERIFY(own != sweep.points.end());
        QVERIFY(own->fits);
        QCOMPARE(own->timeToTrain.nominal,
                 full->evaluation.results[0].training->timeToTrain.nominal);
        QVERIFY(sweep.points.size() >= 3);
        QCOMPARE(recompute.latest(), full);
        QVERIFY(!recompute.isBusy());
    }

    void staleRequestsAreDropped() {
        Recompute recompute(catalog_);
        QSignalSpy evaluated(&recompute, &Recompute::evaluated);
        QSignalSpy completed(&recompute, &Recompute::completed);
        Scenario s = accelplan::ui::defaultScenario();
        for (int count : {8, 16, 32}) {
            s.candidates[0].count = count;
            recompute.request(s);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!recompute.isBusy(), 60000);
        QCOMPARE(completed.count(), 1);
        for (const auto &args : evaluated)
            QCOMPARE(
                args.at(0).value<std::shared_ptr<const Analysis>>()->scenario.candidates[0].count,
                32);
        QCOMPARE(recompute.latest()->evaluation.results[0].count, 32);
    }

    void sweepCountsAroundTheCount() {
        QCOMPARE(accelplan::sweepCounts(64), (std::vector<int>{16, 32, 64, 128, 256}));
        QCOMPARE(accelplan::sweepCounts(1), (std::vector<int>{1, 2, 4}));
        QCOMPARE(accelplan::sweepCounts(6), (std::vector<int>{3, 6, 12, 24}));
    }

    void scenarioWithoutTrainingHasNoSweeps() {
        Scenario s = accelplan::ui::defaultScenario();
        s.training.reset();
        const Analysis a = accelplan::analyzeFully(s, catalog_);
        QVERIFY(a.sweepsDone);
        QVERIFY(a.sweeps.empty());
        QCOMPARE(a.curves.size(), s.candidates.size());
        QVERIFY(!a.curves[0].points.empty());
    }

private:
    std::shared_ptr<const accelplan::Catalog> catalog_;
};

QTEST_GUILESS_MAIN(TestRecompute)
#include "test_recompute.moc"
