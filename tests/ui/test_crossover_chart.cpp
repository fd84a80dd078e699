// SPDX-License-Identifier: GPL-3.0-or-later
// Chart 9: the move beyond the CPU, drawn from the analysis: two lines a panel, the crossover
// said in words; and the reason when the catalog has no CPU that runs the scenario.

#include "charts/crossover_chart.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"
#include "workload/presets.h"

#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

class TestCrossoverChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        catalog_ = test::shippedCatalog();
    }

    void detectionServedDrawsBothSidesAndSaysWhere() {
        Scenario s;
        s.workload = *findPreset("resnet-50");
        InferenceSettings i;
        i.precision = Precision::int8;
        i.mode = InferenceMode::offline;
        s.inference = i;
        s.candidates = {Candidate{"nvidia-l4", 1, {}, {}}};
        const Analysis a = analyzeFully(s, catalog_);
        QVERIFY2(a.crossover, a.crossoverWhy.c_str());
        CrossoverChart chart;
        chart.resize(960, 560);
        chart.setAnalysis(a);
        QVERIFY(!chart.isEmpty());
        // Two panels (time, cost) of two lines (the CPU, the accelerator).
        QCOMPARE(chart.graphCount(), 4);
        QCOMPARE(chart.graph(0)->dataCount(), 13);
        const Chip *cpu = catalog_->findChip(a.crossover->chips[0]);
        QVERIFY(cpu && cpu->kind == ChipKind::cpu);
        QVERIFY(!a.crossover->summary.empty());
    }

    void withoutAnyCpuItSaysWhy() {
        Scenario s;
        s.workload = *findPreset("llama-3.1-405b");
        s.training = TrainingSettings{};
        s.training->tokens = 1e12;
        s.candidates = {Candidate{"nvidia-h100-sxm5-80gb", 1024, {}, {}}};
        const Analysis a = analyzeFully(s, catalog_);
        QVERIFY(!a.crossover);
        QCOMPARE(a.crossoverWhy,
                 std::string("no CPU of the catalog runs this scenario on one chip"));
        CrossoverChart chart;
        chart.setAnalysis(a);
        QVERIFY(chart.isEmpty());
    }

private:
    std::shared_ptr<const Catalog> catalog_;
};

QTEST_MAIN(TestCrossoverChart)
#include "test_crossover_chart.moc"
