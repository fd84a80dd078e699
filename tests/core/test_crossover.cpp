// SPDX-License-Identifier: GPL-3.0-or-later
// The move beyond the CPU: the model scaled up and down, the best CPU and accelerator of the
// catalog on one chip each, and the size from which the accelerator wins on time and cost.

#include "efficiency/efficiency_data.h"
#include "helpers/test_chips.h"
#include "plan/crossover.h"
#include "workload/counts.h"
#include "workload/presets.h"

#include <QtTest>

#include <cmath>

using namespace accelplan;

namespace {

// A server CPU as the catalog has one: 230 TOPS int8 (AMX), 307 GB/s, 350 W, $10,710.
Chip xeon() {
    Chip c;
    c.id = "xeon";
    c.name = "Xeon";
    c.kind = ChipKind::cpu;
    c.software = "oneDNN";
    c.peak[indexOf(Precision::int8)] = units::flopsPerSecond(229.4e12);
    c.peak[indexOf(Precision::bf16)] = units::flopsPerSecond(114.7e12);
    c.memory = units::bytes(512e9);
    c.memoryBandwidth = units::bytesPerSecond(307e9);
    c.tdp = units::watts(350);
    c.price = units::dollars(10710);
    return c;
}

Scenario servingResNet() {
    Scenario s;
    s.workload = *findPreset("resnet-50");
    InferenceSettings i;
    i.precision = Precision::int8;
    i.mode = InferenceMode::latency;
    s.inference = i;
    s.costs.pricing = Pricing::owned;
    s.goal = Goal{};
    s.goal->focus = Focus::inference;
    return s;
}

} // namespace

class TestCrossover : public QObject {
    Q_OBJECT

private slots:
    void scalingKeepsTheShapeAndMultipliesTheWork() {
        const Workload cnn = *findPreset("resnet-50");
        const Workload four = scaledWorkload(cnn, 4);
        QCOMPARE(parameterCount(four), 4 * parameterCount(cnn));
        QCOMPARE(std::get<GenericShape>(four.shape).forwardFlopsPerSample.value(),
                 4 * std::get<GenericShape>(cnn.shape).forwardFlopsPerSample.value());
        QVERIFY(four.presetId.empty()); // no longer the preset
        // A transformer widens by whole heads (GQA groups kept): weights about 4x.
        const Workload llama = *findPreset("llama-3.1-8b");
        const Workload wider = scaledWorkload(llama, 4);
        const TransformerShape &t = std::get<TransformerShape>(wider.shape);
        QCOMPARE(t.heads % t.kvHeads, 0);
        QCOMPARE(t.heads / t.kvHeads, 4);
        QCOMPARE(t.hidden, t.heads * 128);
        const double ratio = parameterCount(wider) / parameterCount(llama);
        QVERIFY2(ratio > 3.0 && ratio < 4.5, qPrintable(QString::number(ratio)));
    }

    // ResNet-50 at batch 1 on an H100 (1,979 TOPS int8, 3.35 TB/s) against a small CPU of
    // 2 TOPS and 50 GB/s at the same price: the GPU is faster at every size and, owned at the
    // same price, cheaper per sample, so it wins from the smallest size up. Both stacks pay the
    // same fixed cost per batch here: the fitted ones move with every refit, and at the
    // smallest sizes that cost is nearly all of the time.
    void theAcceleratorWinsFromTheSmallestSize() {
        EfficiencyData table = shippedEfficiencyData();
        for (std::size_t i = 0; i < table.rows().size(); ++i) {
            EfficiencyRow &r = table.row(i);
            if (r.table == "inference" && r.parameter == "generic_overhead_us")
                r.value = 300;
        }
        const ScopedEfficiencyData installed(table);
        Catalog catalog;
        Chip cpu = xeon();
        cpu.peak[indexOf(Precision::int8)] = units::flopsPerSecond(2e12);
        cpu.peak[indexOf(Precision::bf16)] = units::flopsPerSecond(1e12);
        cpu.memoryBandwidth = units::bytesPerSecond(50e9);
        cpu.price = units::dollars(30000);
        Chip gpu = test::h100Sxm();
        gpu.name = "H100";
        gpu.tdp = units::watts(700);
        gpu.price = units::dollars(30000);
        catalog.chips = {cpu, gpu};
        std::string why;
        const auto c = findCrossover(servingResNet(), catalog, &why);
        QVERIFY2(c, why.c_str());
        QCOMPARE(c->chips[0], std::string("xeon"));
        QCOMPARE(c->chips[1], std::string("nvidia-h100-sxm5-80gb"));
        QCOMPARE(c->points.size(), std::size_t(13));
        for (std::size_t k = 1; k < c->points.size(); ++k)
            QVERIFY(c->points[k].params > c->points[k - 1].params);
        QVERIFY(c->points[6].ownSize);
        QCOMPARE(c->points[6].params, 25'557'032.0);
        for (const CrossoverPoint &p : c->points) {
            QVERIFY(p.time[0] && p.time[1] && p.cost[0] && p.cost[1]);
            QVERIFY(*p.time[1] < *p.time[0]);
            QVERIFY(*p.cost[1] < *p.cost[0]);
        }
        QCOMPARE(*c->fromParams, c->points.front().params);
        QVERIFY2(c->summary.rfind("From 400 k parameters up, one H100 serves this model faster "
                                  "and cheaper than one Xeon",
                                  0) == 0,
                 c->summary.c_str());
        QVERIFY2(c->summary.find("one H100") != std::string::npos, c->summary.c_str());
        QVERIFY2(c->summary.find("one Xeon") != std::string::npos, c->summary.c_str());
    }

    // When the CPU costs a tenth and the GPU ten times as much, the CPU stays cheaper at small
    // sizes and the accelerator takes over only above some size, which the words name.
    void aPricierAcceleratorWinsOnlyAboveSomeSize() {
        Catalog catalog;
        Chip cheapCpu = xeon();
        cheapCpu.price = units::dollars(1000);
        Chip gpu = test::h100Sxm();
        gpu.name = "H100";
        gpu.tdp = units::watts(700);
        gpu.price = units::dollars(300000);
        catalog.chips = {cheapCpu, gpu};
        const auto c = findCrossover(servingResNet(), catalog);
        QVERIFY(c);
        QVERIFY(*c->points.front().cost[0] < *c->points.front().cost[1]);
        if (c->fromParams) {
            QVERIFY(*c->fromParams > c->points.front().params);
            QVERIFY2(c->summary.rfind("Above about ", 0) == 0, c->summary.c_str());
            // Every size from there up: faster and cheaper.
            for (const CrossoverPoint &p : c->points)
                if (p.params >= *c->fromParams)
                    QVERIFY(*p.time[1] < *p.time[0] && *p.cost[1] < *p.cost[0]);
        } else {
            QVERIFY2(c->summary.rfind("Up to ", 0) == 0, c->summary.c_str());
        }
    }

    void noCpuNoCrossover() {
        Catalog catalog;
        catalog.chips = {test::h100Sxm()};
        std::string why;
        QVERIFY(!findCrossover(servingResNet(), catalog, &why));
        QCOMPARE(why, std::string("no CPU of the catalog runs this scenario on one chip"));
    }
};

QTEST_APPLESS_MAIN(TestCrossover)
#include "test_crossover.moc"
