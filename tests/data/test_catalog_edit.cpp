// SPDX-License-Identifier: GPL-3.0-or-later
// CatalogStore's writes: save and delete chips, offerings and sources, each in one transaction,
// with provenance kept, rules checked, and a write based on an outdated read refused.

#include "catalog/catalog_diff.h"
#include "catalog/catalog_store.h"
#include "helpers/test_env.h"
#include "test_catalog_support.h"

using namespace accelplan;

namespace {

const std::string kH100 = "nvidia-h100-sxm5-80gb";

Offering newOffering(const std::string &chipId) {
    Offering o;
    o.chipId = chipId;
    o.provider = "example-cloud";
    o.instance = "npu-8x";
    o.chipsPerInstance = 8;
    o.pricePerInstance[0] = units::dollarsPerHour(20.0);
    return o;
}

} // namespace

class TestCatalogEdit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateUserFiles(); }

    void editingAShippedChipMarksItUserModified() {
        QTemporaryDir dir;
        auto store = test::seededStore(dir);
        QString error;
        Chip chip = *store->chip(kH100, &error);
        QCOMPARE(test::name(chip.provenance), test::name(Provenance::shipped));
        chip.tdp = units::watts(650);
        QVERIFY2(store->saveChip(chip, &error), qPrintable(error));
        const Chip saved = *store->chip(kH100, &error);
        QCOMPARE(saved.tdp->value(), 650.0);
        QCOMPARE(test::name(saved.provenance), test::name(Provenance::userModified));
        QCOMPARE(data::changedFields(saved, *store->shippedChip(kH100, &error)),
                 QStringList{QStringLiteral("tdp_watts")});
        // The loaded catalog says which fields, for the workspace and the report.
        const auto loaded = store->load(&error);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY(loaded->changedFields.at(kH100) == std::vector<std::string>{"tdp_watts"});
        // Its offerings stay (a chip is updated in place, not deleted and re-inserted).
        QVERIFY(store->offeringsOf(kH100, &error).size() >= 5);
        // Putting the shipped value back makes it shipped again.
        chip.tdp = store->shippedChip(kH100, &error)->tdp;
        QVERIFY2(store->saveChip(chip, &error), qPrintable(error));
        QCOMPARE(test::name(store->chip(kH100, &error)->provenance),
                 test::name(Provenance::shipped));
    }

    void addsAndDeletesAUserChipWithItsOfferings() {
        QTemporaryDir dir;
        auto store = test::seededStore(dir);
        QString error;
        QVERIFY2(store->saveChip(test::exampleChip("example-npu"), &error), qPrintable(error));
        QCOMPARE(test::name(store->chip("example-npu", &error)->provenance),
                 test::name(Provenance::userAdded));
        QVERIFY(!store->shippedChip("example-npu", &error));
        QVERIFY2(store->saveOffering(newOffering("example-npu"), &error), qPrintable(error));
        const auto offering = store->offering("example-cloud/npu-8x", &error);
        QVERIFY(offering);
        QCOMPARE(test::name(offering->provenance), test::name(Provenance::userAdded));
        QVERIFY2(store->deleteChip("example-npu", &error), qPrintable(error));
        QVERIFY(!store->chip("example-npu", &error));
        QVERIFY(!store->offering("example-cloud/npu-8x", &error));
        QVERIFY(!store->deleteChip("example-npu", &error));
        QVERIFY2(error.contains(QStringLiteral("not in the catalog")), qPrintable(error));
    }

    void refusesARecordThatBreaksARuleAndChangesNothing() {
        QTemporaryDir dir;
        auto store = test::seededStore(dir);
        QString error;
        const Catalog before = *store->load(&error);
        Chip chip = *store->chip(kH100, &error);
        chip.memoryBandwidth = units::bytesPerSecond(3.35e15); // TB/s typed as PB/s
        QVERIFY(!store->saveChip(chip, &error));
        QVERIFY2(error.contains(QStringLiteral("memory_bandwidth_bytes_per_s")), qPrintable(error));
        QVERIFY2(error.startsWith(store->path()), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("nothing was changed")), qPrintable(error));
        Offering orphan = newOffering("no-such-chip");
        QVERIFY(!store->saveOffering(orphan, &error));
        QVERIFY2(error.contains(QStringLiteral("'no-such-chip' is not a chip of the catalog")),
                 qPrintable(error));
        test::compareCatalogs(*store->load(&error), before);
    }

    void editsOfferings() {
        QTemporaryDir dir;
        auto store = test::seededStore(dir);
        QString error;
        Offering p5 = *store->offering("aws/p5.48xlarge", &error);
        p5.pricePerInstance[1] = units::dollarsPerHour(12.5);
        QVERIFY2(store->saveOffering(p5, &error), qPrintable(error));
        const Offering saved = *store->offering("aws/p5.48xlarge", &error);
        QCOMPARE(units::inDollarsPerHour(*saved.price(Pricing::spot)), 12.5);
        QCOMPARE(test::name(saved.provenance), test::name(Provenance::userModified));
        const auto loaded = store->load(&error);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY(loaded->changedFields.at("aws/p5.48xlarge") ==
                std::vector<std::string>{"usd_per_hour.spot"});
        QCOMPARE(loaded->changedFields.size(), std::size_t(1)); // only what was changed
        QVERIFY2(store->deleteOffering("aws/p5.48xlarge", &error), qPrintable(error));
        QVERIFY(!store->offering("aws/p5.48xlarge", &error));
        QVERIFY(store->chip(kH100, &error));
    }

    void editsSources() {
        QTemporaryDir dir;
        auto store = test::seededStore(dir);
        QString error;
        const std::size_t count = store->chip(kH100, &error)->sources.size();
        // How the value is known is kept with it: the user's own measurement.
        const Source added{"tdp_watts", "https://example.org/h100", "My measurement", "2026-11-02",
                           Basis::measured};
        QVERIFY2(store->saveSource(kH100, count, added, &error), qPrintable(error));
        Chip chip = *store->chip(kH100, &error);
        QCOMPARE(chip.sources.size(), count + 1);
        QCOMPARE(chip.sources.back(), added);
        QCOMPARE(test::name(chip.provenance), test::name(Provenance::userModified));
        Source changed = added;
        changed.title = "Example datasheet, revision 2";
        QVERIFY2(store->saveSource(kH100, count, changed, &error), qPrintable(error));
        QCOMPARE(store->chip(kH100, &error)->sources.back().title, changed.title);
        QVERIFY2(store->deleteSource(kH100, count, &error), qPrintable(error));
        QCOMPARE(store->chip(kH100, &error)->sources.size(), count);
        QCOMPARE(test::name(store->chip(kH100, &error)->provenance),
                 test::name(Provenance::shipped));
        QVERIFY(!store->saveSource(kH100, count + 5, added, &error));
        QVERIFY(!store->deleteSource(kH100, count, &error));
        // A broken source is a broken rule.
        QVERIFY(!store->saveSource(kH100, 0, Source{"*", "", "", "yesterday", {}}, &error));
        QVERIFY2(error.contains(QStringLiteral("sources[0]")), qPrintable(error));
    }

    void resetsChipsOfferingsAndTheWholeCatalog() {
        QTemporaryDir dir;
        auto store = test::seededStore(dir);
        QString error;
        const Catalog shipped = *store->load(&error);
        Chip chip = *store->chip(kH100, &error);
        chip.notes = "my own measurement";
        QVERIFY(store->saveChip(chip, &error));
        QVERIFY2(store->resetChip(kH100, &error), qPrintable(error));
        QVERIFY(*store->chip(kH100, &error) == *shipped.findChip(kH100));

        QVERIFY(store->deleteOffering("aws/p5.48xlarge", &error));
        QVERIFY2(store->resetOffering("aws/p5.48xlarge", &error), qPrintable(error));
        QVERIFY(*store->offering("aws/p5.48xlarge", &error) ==
                *shipped.findOffering("aws/p5.48xlarge"));

        QVERIFY(store->saveChip(test::exampleChip("example-npu"), &error));
        QVERIFY(!store->resetChip("example-npu", &error));
        QVERIFY2(error.contains(QStringLiteral("was not shipped")), qPrintable(error));
        QVERIFY(store->deleteChip("google-tpu-v6e", &error));
        QVERIFY(store->saveChip(chip, &error));
        QVERIFY2(store->resetToShipped(&error), qPrintable(error));
        test::compareCatalogs(*store->load(&error), shipped);
    }

    void aWriteBasedOnAnOutdatedReadIsRefused() {
        QTemporaryDir dir;
        auto first = test::seededStore(dir);
        QString error;
        auto second = test::secondConnection(*first, &error);
        QVERIFY2(second, qPrintable(error));
        // Both programs read the chip.
        const auto revision = first->chipRevision(kH100, &error);
        QVERIFY(revision);
        QCOMPARE(second->chipRevision(kH100, &error), revision);
        Chip mine = *first->chip(kH100, &error);
        Chip theirs = *second->chip(kH100, &error);
        mine.notes = "first";
        theirs.notes = "second";
        QVERIFY2(first->saveChip(mine, &error, revision), qPrintable(error));
        // The second writer is told instead of overwriting the first one's change.
        QVERIFY(!second->saveChip(theirs, &error, revision));
        QVERIFY2(error.contains(QStringLiteral("changed by another program")), qPrintable(error));
        QCOMPARE(second->chip(kH100, &error)->notes, std::string("first"));
        // Having read again, it may write.
        QVERIFY2(second->saveChip(theirs, &error, second->chipRevision(kH100, &error)),
                 qPrintable(error));
        // A record created twice, and one deleted meanwhile.
        QVERIFY(
            first->saveChip(test::exampleChip("example-npu"), &error, data::CatalogStore::kAbsent));
        QVERIFY(!second->saveChip(test::exampleChip("example-npu"), &error,
                                  data::CatalogStore::kAbsent));
        QVERIFY2(error.contains(QStringLiteral("added by another program")), qPrintable(error));
        const auto npuRevision = second->chipRevision("example-npu", &error);
        QVERIFY(first->deleteChip("example-npu", &error));
        QVERIFY(!second->saveChip(test::exampleChip("example-npu"), &error, npuRevision));
        QVERIFY2(error.contains(QStringLiteral("deleted by another program")), qPrintable(error));
    }

    void revisionsDoNotRepeatAfterADeletion() {
        QTemporaryDir dir;
        auto store = test::seededStore(dir);
        QString error;
        QVERIFY(store->saveChip(test::exampleChip("example-npu"), &error));
        const auto before = store->chipRevision("example-npu", &error);
        QVERIFY(store->deleteChip("example-npu", &error));
        QVERIFY(store->saveChip(test::exampleChip("example-npu"), &error));
        QVERIFY(*store->chipRevision("example-npu", &error) > *before);
    }
};

QTEST_GUILESS_MAIN(TestCatalogEdit)
#include "test_catalog_edit.moc"
