// SPDX-License-Identifier: GPL-3.0-or-later
// Chart 5 stacks each candidate's memory per chip by part, the parts adding up to the
// evaluation's total, beside the chip's capacity; one panel for training, one for serving.

#include "charts/memory_chart.h"
#include "document/default_scenario.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"

#include <QtTest>

#include <numeric>

using namespace accelplan;
using namespace accelplan::ui;

class TestMemoryChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        catalog_ = test::shippedCatalog();
    }

    void partsAddUpToTheEvaluationAndCapacityIsTheChips() {
        const Scenario s = defaultScenario();
        const Analysis a = analyzeFully(s, catalog_);
        MemoryChart chart;
        chart.setAnalysis(a);
        const MemoryData &d = chart.data();
        QCOMPARE(d.panels.size(), std::size_t(2));
        QCOMPARE(d.panels[0].title, QStringLiteral("Training"));
        QCOMPARE(d.panels[1].title, QStringLiteral("Serving"));
        for (std::size_t i = 0; i < s.candidates.size(); ++i) {
            const MemoryRow &train = d.panels[0].rows[i];
            const MemoryRow &serve = d.panels[1].rows[i];
            const double sum = std::accumulate(train.bytes.begin(), train.bytes.end(), 0.0);
            QCOMPARE(sum, train.total);
            QCOMPARE(train.total, a.evaluation.results[i].training->memory.total().value());
            QCOMPARE(serve.total, a.evaluation.results[i].inference->memory.total().value());
            QCOMPARE(*train.capacity, catalog_->findChip(s.candidates[i].chipId)->memory->value());
            QVERIFY(train.fits);
            QVERIFY(train.total <= *train.capacity);
            // Serving keeps no gradients or optimizer state.
            QCOMPARE(serve.bytes[1], 0.0);
            QCOMPARE(serve.bytes[2], 0.0);
        }
    }

    void trainingOnlyHasOnePanel() {
        Scenario s = defaultScenario();
        s.inference.reset();
        const MemoryData d = memoryData(analyzeFully(s, catalog_));
        QCOMPARE(d.panels.size(), std::size_t(1));
        QCOMPARE(d.panels[0].rows.size(), s.candidates.size());
    }

private:
    std::shared_ptr<const Catalog> catalog_;
};

QTEST_MAIN(TestMemoryChart)
#include "test_memory_chart.moc"
