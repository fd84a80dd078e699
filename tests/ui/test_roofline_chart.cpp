// SPDX-License-Identifier: GPL-3.0-or-later
// Chart 4: a roof per candidate chip and precision (its ridge where bandwidth meets peak), and
// the workload's operating points under their chip's peak.

#include "charts/roofline_chart.h"
#include "document/default_scenario.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"

#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

class TestRooflineChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        catalog_ = test::shippedCatalog();
    }

    void roofsAndPointsFromTheCatalogAndTheEvaluation() {
        const Scenario s = defaultScenario(); // trains at bf16, serves at fp8
        const Analysis a = analyzeFully(s, catalog_);
        RooflineChart chart;
        chart.setAnalysis(a);
        const RooflineData &d = chart.data();
        const Chip &h100 = *catalog_->findChip("nvidia-h100-sxm5-80gb");
        const auto roof = std::find_if(d.roofs.begin(), d.roofs.end(), [&](const Roof &r) {
            return r.chipId == h100.id && r.precision == Precision::bf16;
        });
        QVERIFY(roof != d.roofs.end());
        QCOMPARE(roof->peak, h100.peakAt(Precision::bf16)->value());
        QCOMPARE(roof->ridge(), roof->peak / h100.memoryBandwidth->value());
        QVERIFY(std::any_of(d.roofs.begin(), d.roofs.end(), [&](const Roof &r) {
            return r.chipId == h100.id && r.precision == Precision::fp8;
        }));
        int training = 0;
        for (const OperatingPoint &p : d.points) {
            QVERIFY(p.intensity > 0);
            QVERIFY(p.achieved > 0);
            QVERIFY2(p.achieved <= p.peak, qPrintable(p.label));
            if (p.kind == OperatingPoint::Kind::training) {
                ++training;
                QCOMPARE(p.achieved, a.evaluation.results[p.candidate].training->mfu * p.peak);
            }
        }
        QCOMPARE(training, static_cast<int>(s.candidates.size()));
        // Decoding reads every weight for a few tokens per step: far less work per byte than
        // training's large matrix products on the same chip.
        for (const OperatingPoint &decode : d.points) {
            if (decode.kind != OperatingPoint::Kind::decode)
                continue;
            for (const OperatingPoint &train : d.points)
                if (train.kind == OperatingPoint::Kind::training &&
                    train.candidate == decode.candidate)
                    QVERIFY(decode.intensity < train.intensity);
        }
    }

private:
    std::shared_ptr<const Catalog> catalog_;
};

QTEST_MAIN(TestRooflineChart)
#include "test_roofline_chart.moc"
