// SPDX-License-Identifier: GPL-3.0-or-later
// A record against its shipped version: changed fields, provenance, and the three-way merge of
// a newer shipped version that keeps what the user changed.

#include "catalog/catalog_diff.h"
#include "helpers/test_env.h"
#include "test_catalog_support.h"

using namespace accelplan;

namespace {

// A chip with every field set, and one with every field different (a newer seed's version).
Chip fullChip() {
    Chip c;
    c.id = "x";
    c.vendor = "V";
    c.family = "F";
    c.name = "N";
    c.kind = ChipKind::gpu;
    c.launchYear = 2024;
    c.process = "5 nm";
    for (std::size_t i = 0; i < kPrecisionCount; ++i)
        c.peak[i] = units::flopsPerSecond(1e14 * double(i + 1));
    c.onChipSram = units::bytes(5e7);
    c.memoryType = "HBM3";
    c.memory = units::bytes(8e10);
    c.memoryBandwidth = units::bytesPerSecond(3e12);
    c.scaleUp = {"Link", units::bytesPerSecond(4e11), 8, Topology::switched};
    c.scaleOutBandwidth = units::bytesPerSecond(5e10);
    c.tdp = units::watts(700);
    c.price = units::dollars(30000);
    c.software = "S";
    c.notes = "n";
    c.sources = {{"*", "https://a", "A", "2026-01-01", Basis::vendor}};
    return c;
}

Chip everyFieldChanged(const Chip &c) {
    Chip d = c;
    d.id = "y";
    d.vendor += "2";
    d.family += "2";
    d.name += "2";
    d.kind = ChipKind::npu;
    d.launchYear = 2025;
    d.process += "2";
    for (auto &p : d.peak)
        p = units::flopsPerSecond(p->value() * 2);
    d.onChipSram = units::bytes(6e7);
    d.memoryType += "e";
    d.memory = units::bytes(9e10);
    d.memoryBandwidth = units::bytesPerSecond(4e12);
    d.scaleUp = {"Link 2", units::bytesPerSecond(5e11), 16, Topology::torus2d};
    d.scaleOutBandwidth = units::bytesPerSecond(6e10);
    d.tdp = units::watts(800);
    d.price = units::dollars(31000);
    d.software += "2";
    d.notes += "2";
    d.sources.push_back({"tdp_watts", "https://b", "B", "2026-02-01", Basis::measured});
    return d;
}

Offering fullOffering() {
    Offering o;
    o.chipId = "x";
    o.provider = "p";
    o.instance = "i";
    o.region = "r";
    o.chipsPerInstance = 8;
    for (std::size_t i = 0; i < o.pricePerInstance.size(); ++i)
        o.pricePerInstance[i] = units::dollarsPerHour(10.0 - double(i));
    o.asOf = "2026-01-01";
    o.source = "https://s";
    o.notes = "n";
    return o;
}

Offering everyFieldChanged(const Offering &o) {
    Offering d = o;
    d.chipId += "2";
    d.provider += "2";
    d.instance += "2";
    d.region += "2";
    d.chipsPerInstance = 4;
    for (auto &p : d.pricePerInstance)
        p = units::dollarsPerHour(units::inDollarsPerHour(*p) + 1);
    d.asOf = "2026-02-01";
    d.source += "2";
    d.notes += "2";
    return d;
}

} // namespace

class TestCatalogDiff : public QObject {
    Q_OBJECT

private slots:
    void namesTheChangedFields() {
        Chip mine = fullChip();
        const Chip shipped = mine;
        QVERIFY(data::changedFields(mine, shipped).isEmpty());
        mine.memoryBandwidth = units::bytesPerSecond(3.2e12);
        mine.peak[indexOf(Precision::fp8)].reset();
        mine.sources.clear();
        QCOMPARE(data::changedFields(mine, shipped),
                 (QStringList{QStringLiteral("sources"), QStringLiteral("peak_flops.fp8"),
                              QStringLiteral("memory_bandwidth_bytes_per_s")}));
        Offering o = fullOffering();
        const Offering shippedOffering = o;
        o.pricePerInstance[1].reset();
        QCOMPARE(data::changedFields(o, shippedOffering),
                 QStringList{QStringLiteral("usd_per_hour.spot")});
    }

    void provenanceFollowsTheShippedVersion() {
        Chip chip = fullChip();
        QCOMPARE(test::name(data::provenanceOf(chip, std::nullopt)),
                 test::name(Provenance::userAdded));
        chip.provenance = Provenance::userModified; // not itself compared
        QCOMPARE(test::name(data::provenanceOf(chip, fullChip())), test::name(Provenance::shipped));
        chip.notes = "mine";
        QCOMPARE(test::name(data::provenanceOf(chip, fullChip())),
                 test::name(Provenance::userModified));
    }

    // Every field, unchanged by the user, takes the newer shipped value: a field the merge
    // forgot would keep the old one and fail here.
    void anUneditedRecordBecomesTheNewerShippedOne() {
        const Chip oldChip = fullChip();
        const Chip newChip = everyFieldChanged(oldChip);
        const Chip merged = data::mergeShipped(oldChip, oldChip, newChip);
        QVERIFY(merged == newChip); // operator== sees every member, listed or not
        QCOMPARE(test::name(merged.provenance), test::name(Provenance::shipped));

        const Offering oldOffering = fullOffering();
        const Offering newOffering = everyFieldChanged(oldOffering);
        const Offering mergedOffering = data::mergeShipped(oldOffering, oldOffering, newOffering);
        QVERIFY(mergedOffering == newOffering);
    }

    void theUsersChangesSurviveANewerShippedVersion() {
        const Chip oldChip = fullChip();
        Chip mine = oldChip;
        mine.tdp = units::watts(650);
        mine.notes = "measured at the wall";
        Chip newChip = oldChip;
        newChip.tdp = units::watts(720);                          // both changed: mine wins
        newChip.memoryBandwidth = units::bytesPerSecond(3.35e12); // only shipped changed
        const Chip merged = data::mergeShipped(mine, oldChip, newChip);
        QCOMPARE(merged.tdp->value(), 650.0);
        QCOMPARE(merged.notes, mine.notes);
        QCOMPARE(merged.memoryBandwidth->value(), 3.35e12);
        QCOMPARE(test::name(merged.provenance), test::name(Provenance::userModified));
        QCOMPARE(data::changedFields(merged, newChip),
                 (QStringList{QStringLiteral("notes"), QStringLiteral("tdp_watts")}));
    }
};

QTEST_GUILESS_MAIN(TestCatalogDiff)
#include "test_catalog_diff.moc"
