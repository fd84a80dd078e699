// SPDX-License-Identifier: GPL-3.0-or-later
// The goal, constraints and growth plan form: ticking and editing each changes the scenario as
// one undo step, the recommendation follows the goal, and a growth plan appears in its chart;
// a growth plan goes with inference, as scenario files require.

#include "charts/growth_chart.h"
#include "document/default_scenario.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"
#include "workspace/main_window.h"
#include "workspace/plan_panel.h"
#include "workspace/recommendation_card.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QSpinBox>
#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

namespace {

bool settled(MainWindow &w) {
    const auto &shown = w.shownAnalysis();
    return shown && shown->sweepsDone && !w.recompute()->isBusy() &&
           shown->scenario == w.document()->scenario();
}

template <class T> T *field(MainWindow &w, const char *name) {
    return w.findChild<PlanPanel *>()->findChild<T *>(QString::fromLatin1(name));
}

} // namespace

class TestPlanPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        catalog_ = test::shippedCatalog();
    }

    void goalChangesTheRecommendation() {
        MainWindow w(catalog_);
        // One chip at two counts: the larger finishes sooner, but no run scales perfectly, so
        // it pays for more chip-hours. The two goals pick different candidates whatever the
        // catalog's numbers.
        const std::string chip = "nvidia-h100-sxm5-80gb";
        w.document()->setCandidates(
            {Candidate{chip, 64, std::nullopt, {}}, Candidate{chip, 256, std::nullopt, {}}},
            QStringLiteral("two counts"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QVERIFY(!w.document()->scenario().goal);
        const QString cheapest = w.recommendationCard()->winnerText();

        field<QGroupBox>(w, "goalGroup")->setChecked(true);
        QVERIFY(w.document()->scenario().goal);
        QVERIFY(w.document()->scenario().goal->objective == Objective::cheapest);
        auto *objective = field<QComboBox>(w, "objectiveCombo");
        objective->setCurrentIndex(objective->findData(static_cast<int>(Objective::fastest)));
        QVERIFY(w.document()->scenario().goal->objective == Objective::fastest);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const QString fastest = w.recommendationCard()->winnerText();
        QVERIFY2(fastest != cheapest, qPrintable(fastest));
        // The fastest candidate is the one with the least time to train.
        const auto &results = w.shownAnalysis()->evaluation.results;
        const auto quickest =
            std::min_element(results.begin(), results.end(), [](auto &a, auto &b) {
                return a.training->timeToTrain.nominal < b.training->timeToTrain.nominal;
            });
        QCOMPARE(w.shownAnalysis()->recommendation.winner()->result,
                 static_cast<std::size_t>(quickest - results.begin()));

        w.document()->undoStack()->undo();
        w.document()->undoStack()->undo();
        QVERIFY(!w.document()->scenario().goal);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QCOMPARE(w.recommendationCard()->winnerText(), cheapest);
    }

    void deadlineIsInDaysWhenTraining() {
        MainWindow w(catalog_);
        field<QGroupBox>(w, "goalGroup")->setChecked(true);
        auto *objective = field<QComboBox>(w, "objectiveCombo");
        objective->setCurrentIndex(
            objective->findData(static_cast<int>(Objective::cheapestWithinDeadline)));
        auto *deadline = field<QDoubleSpinBox>(w, "deadlineSpin");
        QVERIFY(deadline->isEnabled());
        QVERIFY(deadline->suffix().contains(QStringLiteral("days")));
        deadline->setValue(2);
        QCOMPARE(w.document()->scenario().goal->deadline->value(), 2 * 86400.0);
    }

    void constraintsAreEdited() {
        MainWindow w(catalog_);
        field<QGroupBox>(w, "constraintsGroup")->setChecked(true);
        field<QCheckBox>(w, "ecosystemCheck0")->setChecked(true); // CUDA
        field<QCheckBox>(w, "onPremisesCheck")->setChecked(true);
        const Constraints &c = *w.document()->scenario().constraints;
        QVERIFY(c.ecosystems == std::vector<Ecosystem>{Ecosystem::cuda});
        QVERIFY(c.onPremisesOnly);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        // Only the CUDA candidate (the H100) can win.
        const Score *winner = w.shownAnalysis()->recommendation.winner();
        QVERIFY(winner);
        QCOMPARE(w.shownAnalysis()->evaluation.results[winner->result].chipId,
                 std::string("nvidia-h100-sxm5-80gb"));
    }

    // Frameworks and regions: MindSpore runs on CUDA, not on ROCm, XLA or Gaudi; "eu" keeps only
    // offerings sold there. Undo takes each edit back.
    void frameworksAndRegionsAreEdited() {
        MainWindow w(catalog_);
        field<QGroupBox>(w, "constraintsGroup")->setChecked(true);
        field<QCheckBox>(w, "frameworkCheck3")->setChecked(true); // MindSpore
        auto *regions = field<QLineEdit>(w, "regionsEdit");
        regions->setText(QStringLiteral("EU, us, eu"));
        emit regions->editingFinished();
        const Constraints &c = *w.document()->scenario().constraints;
        QVERIFY(c.frameworks == std::vector<Framework>{Framework::mindspore});
        QCOMPARE(c.regions, (std::vector<std::string>{"eu", "us"}));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        // Of H100, MI300X, TPU v6e and Gaudi 3, only the H100's CUDA runs MindSpore.
        for (const Score &s : w.shownAnalysis()->recommendation.ranking) {
            const std::string &chip = w.shownAnalysis()->evaluation.results[s.result].chipId;
            QCOMPARE(s.eligible(), chip == "nvidia-h100-sxm5-80gb");
        }
        w.document()->undoStack()->undo();
        QVERIFY(w.document()->scenario().constraints->regions.empty());
        w.document()->undoStack()->undo();
        QVERIFY(w.document()->scenario().constraints->frameworks.empty());
    }

    void growthPlanFillsItsChartAndGoesWithInference() {
        MainWindow w(catalog_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QVERIFY(w.growthChart()->isEmpty());
        auto *growth = field<QGroupBox>(w, "growthGroup");
        growth->setChecked(true);
        QVERIFY(w.document()->scenario().growth);
        field<QSpinBox>(w, "growthMonthsSpin")->setValue(6);
        QCOMPARE(w.document()->scenario().growth->months, 6);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const GrowthData &d = w.growthChart()->data();
        QVERIFY(d.planned);
        QVERIFY(std::any_of(d.series.begin(), d.series.end(),
                            [](const GrowthSeries &s) { return s.months.size() == 6; }));

        w.document()->setInference(std::nullopt);
        QVERIFY(!w.document()->scenario().growth);
        QVERIFY(!growth->isEnabled());
        w.document()->undoStack()->undo();
        QCOMPARE(w.document()->scenario().growth->months, 6);
    }

private:
    std::shared_ptr<const Catalog> catalog_;
};

QTEST_MAIN(TestPlanPanel)
#include "test_plan_panel.moc"
