// SPDX-License-Identifier: GPL-3.0-or-later
// The alpha-beta collective model, checked against formulas worked out by hand for each
// fabric shape and for a group that spans two scale-up domains.

#include "comm/collectives.h"
#include "efficiency/efficiency_data.h"
#include "helpers/near.h"

#include <QtTest>

using namespace accelplan;
using namespace accelplan::comm;

namespace {

Fabric fabric(Topology t, int domain, double bandwidth, double latency = 0) {
    Fabric f;
    f.topology = t;
    f.domainSize = domain;
    f.bandwidth = units::bytesPerSecond(bandwidth);
    f.stepLatency = units::seconds(latency);
    return f;
}

// The shipped efficiency table with the comm rows' latencies per step set, in microseconds.
EfficiencyData commLatencies(double scaleUp, double scaleOut, double pcie) {
    EfficiencyData table = shippedEfficiencyData();
    for (std::size_t i = 0; i < table.rows().size(); ++i) {
        EfficiencyRow &r = table.row(i);
        if (r.table != "global" || r.key != "comm")
            continue;
        if (r.parameter == "scale_up_step_latency_us")
            r.value = scaleUp;
        else if (r.parameter == "scale_out_step_latency_us")
            r.value = scaleOut;
        else if (r.parameter == "pcie_step_latency_us")
            r.value = pcie;
    }
    return table;
}

using test::near;

} // namespace

class TestCollectives : public QObject {
    Q_OBJECT

private slots:
    // 1 GB all-reduced over 8 chips of a 100 GB/s switch: each chip sends and receives
    // 2 x 7/8 GB, 17.5 ms; a tree needs 2 x log2(8) = 6 latency steps.
    void allReduceOnASwitch() {
        const Fabric f = fabric(Topology::switched, 8, 100e9, 1e-6);
        const double t = collectiveTime(Collective::allReduce, units::bytes(1e9), 8, f).value();
        QVERIFY(near(t, 2 * 7.0 / 8 * 1e9 / 100e9 + 6e-6));
        // All-gather and reduce-scatter move half of that.
        const double ag = collectiveTime(Collective::allGather, units::bytes(1e9), 8, f).value();
        QVERIFY(near(ag, 7.0 / 8 * 1e9 / 100e9 + 3e-6));
    }

    void ringPaysALatencyStepPerHop() {
        const Fabric f = fabric(Topology::ring, 8, 100e9, 1e-6);
        const double t = collectiveTime(Collective::allReduce, units::bytes(1e9), 8, f).value();
        QVERIFY(near(t, 2 * 7.0 / 8 * 1e9 / 100e9 + 2 * 7 * 1e-6));
    }

    // A small all-reduce takes recursive doubling where that is faster: on a ring of 32 chips
    // at 100 GB/s and 2 us a step, 16 KB by ring costs 2 x 31 steps (124 us) and 2 x 31/32 x
    // 16 KB (0.3 us); by doubling, 5 steps of 2 us and the whole 16 KB each (0.16 us): 10.8
    // us. 1 GB by ring costs 19.5 ms, by doubling 5 x 10 ms: the ring wins.
    void aSmallAllReduceTakesTheFewestSteps() {
        const Fabric f = fabric(Topology::ring, 32, 100e9, 2e-6);
        const double small =
            collectiveTime(Collective::allReduce, units::bytes(16e3), 32, f).value();
        QVERIFY(near(small, 5 * (2e-6 + 16e3 / 100e9)));
        const double large =
            collectiveTime(Collective::allReduce, units::bytes(1e9), 32, f).value();
        QVERIFY(near(large, 2 * 31 * 2e-6 + 2 * 31.0 / 32 * 1e9 / 100e9));
        // A gather keeps its ring: the doubling variant is taken for all-reduce only.
        const double gather =
            collectiveTime(Collective::allGather, units::bytes(16e3), 32, f).value();
        QVERIFY(near(gather, 31 * 2e-6 + 31.0 / 32 * 16e3 / 100e9));
    }

    // A full mesh of 8 gives each peer 1/7 of a chip's bandwidth: a group of 4 reaches only
    // 3 of those links (Gaudi, MI300X and Ascend 910B boards are built this way).
    void fullMeshSubgroupUsesItsOwnLinks() {
        const Fabric f = fabric(Topology::fullMesh, 8, 70e9);
        const double whole = collectiveTime(Collective::allReduce, units::bytes(1e9), 8, f).value();
        QVERIFY(near(whole, 2 * 7.0 / 8 * 1e9 / 70e9));
        const double half = collectiveTime(Collective::allReduce, units::bytes(1e9), 4, f).value();
        QVERIFY(near(half, 2 * 3.0 / 4 * 1e9 / (70e9 * 3.0 / 7)));
        // On a switch the same subgroup keeps the full bandwidth.
        const Fabric s = fabric(Topology::switched, 8, 70e9);
        QVERIFY(collectiveTime(Collective::allReduce, units::bytes(1e9), 4, s).value() < half);
    }

    // A 16-chip group in a 256-chip 2D torus spans one dimension: half the chip's links.
    void torusSubgroupSpansFewerDimensions() {
        const Fabric f = fabric(Topology::torus2d, 256, 100e9);
        const double small =
            collectiveTime(Collective::allReduce, units::bytes(1e9), 16, f).value();
        QVERIFY(near(small, 2 * 15.0 / 16 * 1e9 / 50e9));
        const double whole =
            collectiveTime(Collective::allReduce, units::bytes(1e9), 256, f).value();
        QVERIFY(near(whole, 2 * 255.0 / 256 * 1e9 / 100e9));
    }

    // A 3D torus of 4,096 chips (16 x 16 x 16): a group of up to 16 spans one dimension, up to
    // 256 two, more all three, each dimension a third of the chip's links. A group of 512
    // spans a sub-torus of side 8: 3 x 7 latency steps for an all-gather, and an all-to-all
    // over 1,000 chips (side 10) carries its traffic over 10/4 hops.
    void torus3dSpansDimensionsByGroupSize() {
        const Fabric bandwidthOnly = fabric(Topology::torus3d, 4096, 90e9);
        auto allReduce = [&](int group) {
            return collectiveTime(Collective::allReduce, units::bytes(1e9), group, bandwidthOnly)
                .value();
        };
        QVERIFY(near(allReduce(16), 2 * 15.0 / 16 * 1e9 / 30e9));
        QVERIFY(near(allReduce(17), 2 * 16.0 / 17 * 1e9 / 60e9));
        QVERIFY(near(allReduce(256), 2 * 255.0 / 256 * 1e9 / 60e9));
        QVERIFY(near(allReduce(257), 2 * 256.0 / 257 * 1e9 / 90e9));
        const Fabric f = fabric(Topology::torus3d, 4096, 90e9, 1e-6);
        const double gather =
            collectiveTime(Collective::allGather, units::bytes(1e9), 512, f).value();
        QVERIFY(near(gather, 511.0 / 512 * 1e9 / 90e9 + 3 * 7 * 1e-6));
        const double toAll =
            collectiveTime(Collective::allToAll, units::bytes(1e9), 1000, f).value();
        QVERIFY(near(toAll, 999.0 / 1000 * 10 / 4 * 1e9 / 90e9 + 3 * 9 * 1e-6));
    }

    // 16 chips, 8 per domain: reduce-scatter inside (7/8 GB at 400 GB/s), all-reduce of the
    // 1/8 GB shard across the 2 domains (2 x 1/2 x 0.125 GB at 50 GB/s), all-gather inside.
    void allReduceAcrossTwoDomains() {
        Network n;
        n.scaleUp = fabric(Topology::switched, 8, 400e9);
        n.scaleOut = fabric(Topology::switched, 1 << 30, 50e9);
        const double t = collectiveTime(Collective::allReduce, units::bytes(1e9), 16, 8, n).value();
        const double inside = 7.0 / 8 * 1e9 / 400e9;
        const double across = 2 * 0.5 * 0.125e9 / 50e9;
        QVERIFY(near(t, 2 * inside + across));
        // Inside one domain the scale-out network is not used.
        QVERIFY(near(collectiveTime(Collective::allReduce, units::bytes(1e9), 8, 8, n).value(),
                     2 * inside));
    }

    // All-to-all on a switch: every chip sends 7/8 of its buffer to the others.
    void allToAll() {
        const Fabric f = fabric(Topology::switched, 8, 100e9);
        QVERIFY(near(collectiveTime(Collective::allToAll, units::bytes(8e8), 8, f).value(),
                     7.0 / 8 * 8e8 / 100e9));
        // On a ring the traffic crosses several hops: slower than on a switch.
        const Fabric ring = fabric(Topology::ring, 16, 100e9);
        const Fabric sw = fabric(Topology::switched, 16, 100e9);
        QVERIFY(collectiveTime(Collective::allToAll, units::bytes(8e8), 16, ring) >
                collectiveTime(Collective::allToAll, units::bytes(8e8), 16, sw));
    }

    void trivialCasesCostNothing() {
        const Fabric f = fabric(Topology::switched, 8, 100e9, 1e-6);
        QCOMPARE(collectiveTime(Collective::allReduce, units::bytes(1e9), 1, f).value(), 0.0);
        QCOMPARE(collectiveTime(Collective::allReduce, units::bytes(0), 8, f).value(), 0.0);
        QVERIFY(near(sendReceiveTime(units::bytes(1e8), f).value(), 1e-6 + 1e8 / 100e9));
    }

    void placement() {
        QCOMPARE(membersPerDomain(16, 1, 8), 8);   // data parallel, nothing inside
        QCOMPARE(membersPerDomain(16, 8, 8), 1);   // tp 8 fills each domain
        QCOMPARE(membersPerDomain(4, 2, 8), 4);    // all four fit
        QCOMPARE(membersPerDomain(64, 4, 72), 18); // an NVL72 rack
    }

    void networkFromACatalogEntry() {
        Chip h100;
        h100.id = "h100";
        h100.scaleUp.bandwidthPerDirection = units::bytesPerSecond(450e9);
        h100.scaleUp.domainSize = 8;
        h100.scaleUp.topology = Topology::switched;
        h100.scaleOutBandwidth = units::bytesPerSecond(50e9);
        const Network n = networkOf(h100);
        QCOMPARE(n.scaleUp.domainSize, 8);
        // Achievable, not nominal: below the catalog figures, above half of them.
        QVERIFY(n.scaleUp.bandwidth.value() < 450e9 && n.scaleUp.bandwidth.value() > 225e9);
        QVERIFY(n.scaleOut.bandwidth.value() < 50e9 && n.scaleOut.bandwidth.value() > 25e9);
        // Each tier's latency per step is the efficiency table's (a fitted global row).
        {
            const EfficiencyData table = commLatencies(3.5, 9.0, 9.0);
            const ScopedEfficiencyData installed(table);
            const Network t = networkOf(h100);
            QVERIFY(near(t.scaleUp.stepLatency.value(), 3.5e-6));
            QVERIFY(near(t.scaleOut.stepLatency.value(), 9e-6));
        }

        // No scale-up fabric: everything goes over the scale-out network.
        Chip pcie = h100;
        pcie.scaleUp = {};
        const Network p = networkOf(pcie);
        QCOMPARE(p.scaleUp.domainSize, 1);
        QCOMPARE(p.scaleUp.bandwidth, p.scaleOut.bandwidth);
        // No scale-out figure: a slow fallback, never an infinitely fast link.
        pcie.scaleOutBandwidth.reset();
        QVERIFY(networkOf(pcie).scaleOut.bandwidth.value() > 0);
    }

    // Eight cards behind the host's PCIe 4.0 tree (32 GB/s per direction each) reach 0.4 of
    // it, 12.8 GB/s, and run rings whatever the size: a 64 MiB all-reduce moves 2 x 7/8 of
    // it per card, 9.17 ms, and pays 2 x 7 steps of the PCIe latency row; an 8-byte one pays
    // the same 14 steps (nccl-tests: about 40 to 55 us), not a tree's or recursive doubling's 3.
    void cardsOnPcieRunRings() {
        Chip card;
        card.id = "pcie-card";
        card.scaleUp.domainSize = 8;
        card.scaleUp.bandwidthPerDirection = units::bytesPerSecond(32e9);
        card.scaleUp.topology = Topology::pcie;
        const EfficiencyData table = commLatencies(7.0, 7.0, 3.0);
        const ScopedEfficiencyData installed(table);
        const Network n = networkOf(card);
        QVERIFY(near(n.scaleUp.bandwidth.value(), 12.8e9));
        QVERIFY(near(n.scaleUp.stepLatency.value(), 3e-6));
        const double big = 64.0 * 1024 * 1024;
        QVERIFY(near(collectiveTime(Collective::allReduce, units::bytes(big), 8, n.scaleUp).value(),
                     14 * 3e-6 + 2 * 7.0 / 8 * big / 12.8e9));
        const double small =
            collectiveTime(Collective::allReduce, units::bytes(8), 8, n.scaleUp).value();
        QVERIFY(near(small, 14 * 3e-6 + 2 * 7.0 / 8 * 8 / 12.8e9));
        // The same cards on a switch would take the latency-optimal path: 3 steps of 7 us.
        card.scaleUp.topology = Topology::switched;
        const Network sw = networkOf(card);
        QVERIFY(collectiveTime(Collective::allReduce, units::bytes(8), 8, sw.scaleUp).value() <
                25e-6);
    }
};

QTEST_APPLESS_MAIN(TestCollectives)
#include "test_collectives.moc"
