// SPDX-License-Identifier: GPL-3.0-or-later
// A newer shipped seed merged into a user's catalog: new records come in, values the user left
// alone take the new shipped values, the user's changes, deletions and additions stay, and the
// file is backed up first.

#include "catalog/catalog_diff.h"
#include "catalog/catalog_store.h"
#include "helpers/test_env.h"
#include "io/catalog_file.h"
#include "test_catalog_support.h"

#include <QDir>

using namespace accelplan;

namespace {

const std::string kH100 = "nvidia-h100-sxm5-80gb";

Chip &chipIn(Catalog &c, const std::string &id) {
    const auto it = std::find_if(c.chips.begin(), c.chips.end(),
                                 [&](const Chip &chip) { return chip.id == id; });
    if (it == c.chips.end())
        qFatal("no chip %s in the seed", id.c_str());
    return *it;
}

Offering &offeringIn(Catalog &c, const std::string &id) {
    const auto it = std::find_if(c.offerings.begin(), c.offerings.end(),
                                 [&](const Offering &o) { return o.id() == id; });
    if (it == c.offerings.end())
        qFatal("no offering %s in the seed", id.c_str());
    return *it;
}

// The next shipped catalog: new values for chips and offerings the user edits, deletes and
// leaves alone, and a new chip with an offering.
Catalog newerSeed() {
    Catalog seed = test::shippedSeed();
    seed.dataVersion = "2027.02-1";
    Chip &h100 = chipIn(seed, kH100);
    h100.tdp = units::watts(720);                           // the user changed it too
    h100.memoryBandwidth = units::bytesPerSecond(3.352e12); // the user left it alone
    chipIn(seed, "google-tpu-v4").notes = "corrected";      // the user deleted this chip
    chipIn(seed, "amd-mi300x").price = units::dollars(15000);
    // A chip no seed has shipped yet (the B300 this fixture first used ships since 2026.12).
    Chip next = h100;
    next.id = "example-next-gpu";
    next.name = "Next";
    Offering offering = offeringIn(seed, "aws/p5.48xlarge");
    offering.chipId = "example-next-gpu";
    offering.instance = "p9.48xlarge";
    offeringIn(seed, "aws/p5.48xlarge").pricePerInstance[0] = units::dollarsPerHour(50.0);
    offeringIn(seed, "gcp/ct6e-standard-8t").region = "us-east5";
    seed.chips.push_back(next);
    seed.offerings.push_back(offering);
    return seed;
}

std::unique_ptr<data::CatalogStore> editedStore(const QTemporaryDir &dir) {
    QString error;
    auto store = data::CatalogStore::create(dir.filePath(QStringLiteral("c.sqlite")),
                                            test::shippedSeed(), &error);
    if (!store)
        qFatal("%s", qPrintable(error));
    Chip h100 = *store->chip(kH100, &error);
    h100.tdp = units::watts(650);
    h100.notes = "measured at the wall";
    Offering v6e = *store->offering("gcp/ct6e-standard-8t", &error);
    v6e.region = "europe-west4";
    Chip mine = h100;
    mine.id = "my-npu";
    if (!store->saveChip(h100, &error) || !store->deleteChip("google-tpu-v4", &error) ||
        !store->saveOffering(v6e, &error) || !store->saveChip(mine, &error))
        qFatal("%s", qPrintable(error));
    return store;
}

} // namespace

class TestCatalogSeedMerge : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateUserFiles(); }

    void aNewerSeedKeepsTheUsersChanges() {
        QTemporaryDir dir;
        auto store = editedStore(dir);
        QString error;
        const Catalog before = *store->load(&error);
        const Catalog seed = newerSeed();

        const auto result = store->mergeSeed(seed);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(store->dataVersion(), QStringLiteral("2027.02-1"));
        const Catalog after = *store->load(&error);

        // Both changed the TDP: the user's stays; the bandwidth the user left comes in.
        const Chip *h100 = after.findChip(kH100);
        QCOMPARE(h100->tdp->value(), 650.0);
        QCOMPARE(h100->notes, std::string("measured at the wall"));
        QCOMPARE(h100->memoryBandwidth->value(), 3.352e12);
        QCOMPARE(test::name(h100->provenance), test::name(Provenance::userModified));
        QCOMPARE(data::changedFields(*h100, *store->shippedChip(kH100, &error)),
                 (QStringList{QStringLiteral("notes"), QStringLiteral("tdp_watts")}));
        // Untouched records become the newer shipped ones.
        QVERIFY(*after.findChip("amd-mi300x") == *seed.findChip("amd-mi300x"));
        QVERIFY(*after.findOffering("aws/p5.48xlarge") == *seed.findOffering("aws/p5.48xlarge"));
        // New ones arrive, deleted ones stay deleted, the user's own and edited ones stay.
        QVERIFY(after.findChip("example-next-gpu"));
        QVERIFY(after.findOffering("aws/p9.48xlarge"));
        QVERIFY(!after.findChip("google-tpu-v4"));
        QVERIFY(*after.findChip("my-npu") == *before.findChip("my-npu"));
        QCOMPARE(after.findOffering("gcp/ct6e-standard-8t")->region, std::string("europe-west4"));
        QCOMPARE(result.added, 2);
        QVERIFY(result.keptEdits >= 2);
        QVERIFY(result.keptDeleted >= 1);

        // The backup beside it is the catalog as it was.
        QVERIFY(QFileInfo::exists(result.backupPath));
        QVERIFY(result.backupPath.contains(
            QStringLiteral("data-") + QString::fromStdString(test::shippedSeed().dataVersion)));
        auto backup = data::CatalogStore::open(result.backupPath, &error);
        QVERIFY2(backup, qPrintable(error));
        test::compareCatalogs(*backup->load(&error), before);

        // Reset now means the newer shipped values.
        QVERIFY(store->resetChip(kH100, &error));
        QVERIFY(*store->chip(kH100, &error) == *seed.findChip(kH100));
    }

    void mergingTheSameSeedAgainChangesNothing() {
        QTemporaryDir dir;
        auto store = editedStore(dir);
        QVERIFY(store->mergeSeed(newerSeed()).ok);
        QString error;
        const Catalog once = *store->load(&error);
        const auto again = store->mergeSeed(newerSeed());
        QVERIFY(again.ok);
        QCOMPARE(again.added + again.updated, 0);
        test::compareCatalogs(*store->load(&error), once);
    }

    void openCatalogMergesANewerShippedSeed() {
        QTemporaryDir dir;
        const QString path = editedStore(dir)->path();
        // A newer AccelPlan: its shipped data folder holds the newer seed.
        QTemporaryDir shipped;
        QVERIFY(QDir(shipped.path()).mkpath(QStringLiteral("catalog")));
        QString error;
        QVERIFY(data::writeCatalogFile(shipped.filePath(QStringLiteral("catalog/seed.json")),
                                       newerSeed(), &error));
        const QByteArray previous = qgetenv("ACCELPLAN_DATA_DIR");
        qputenv("ACCELPLAN_DATA_DIR", shipped.path().toUtf8());
        auto opened = data::openCatalog(path);
        QVERIFY2(opened.store, qPrintable(opened.error));
        QVERIFY(opened.seedMerge);
        QVERIFY2(opened.seedMerge->ok, qPrintable(opened.seedMerge->error));
        QCOMPARE(opened.store->dataVersion(), QStringLiteral("2027.02-1"));
        QCOMPARE(opened.store->chip(kH100, &error)->tdp->value(), 650.0);
        opened.store.reset();
        // Once merged, opening again merges nothing.
        auto again = data::openCatalog(path);
        QVERIFY(again.store);
        QVERIFY(!again.seedMerge);
        qputenv("ACCELPLAN_DATA_DIR", previous);
        // And the older seed of this build does not undo it.
        auto older = data::openCatalog(path);
        QVERIFY(older.store && !older.seedMerge);
        QCOMPARE(older.store->dataVersion(), QStringLiteral("2027.02-1"));
    }

    void ordersDataVersions() {
        using data::compareDataVersions;
        QVERIFY(compareDataVersions(QStringLiteral("2026.11-1"), QStringLiteral("2026.11-2")) < 0);
        QVERIFY(compareDataVersions(QStringLiteral("2026.11-2"), QStringLiteral("2027.02-1")) < 0);
        QVERIFY(compareDataVersions(QStringLiteral("2026.12-1"), QStringLiteral("2026.9-1")) > 0);
        QVERIFY(compareDataVersions(QStringLiteral("2026.11-1"), QStringLiteral("2026.11-1")) == 0);
        QVERIFY(compareDataVersions(QStringLiteral("2026.11"), QStringLiteral("2026.11-1")) < 0);
        QVERIFY(compareDataVersions(QString(), QStringLiteral("2026.11-1")) < 0);
    }
};

QTEST_GUILESS_MAIN(TestCatalogSeedMerge)
#include "test_catalog_seed_merge.moc"
