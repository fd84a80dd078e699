// SPDX-License-Identifier: GPL-3.0-or-later
// A catalog from schema 1 (before shipped values and revisions were kept) or schema 2 (before
// chip classes, roles, ranges and published currencies) is backed up beside itself, then
// upgraded step by step without losing a record or an edit.

#include "catalog/catalog_store.h"
#include "catalog/schema.h"
#include "helpers/test_env.h"
#include "test_catalog_support.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace accelplan;

namespace {

// Runs statements on a file through a connection of its own.
void execOn(const QString &path, const QStringList &statements) {
    const QString name = QStringLiteral("test-raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString &sql : statements) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(sql), qPrintable(sql + u'\n' + q.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
}

int userVersion(const QString &path) {
    const QString name = QStringLiteral("test-version");
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open())
            version = data::schema::versionOf(db);
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

// Turns a current catalog into the layout schema 2 had: steps 3 and 4 appended columns to the
// chips, sources and offerings tables and their shipped_* twins; step 5 added a table.
void downgradeToSchema2(const QString &path) {
    QStringList sql{QStringLiteral("DROP TABLE shared_scenarios")};
    for (const char *chips : {"chips", "shipped_chips"})
        for (const char *column : {"efficiency_family", "class", "roles", "tdp_watts_low",
                                   "tdp_watts_high", "price_usd_low", "price_usd_high"})
            sql << QStringLiteral("ALTER TABLE %1 DROP COLUMN %2")
                       .arg(QLatin1String(chips), QLatin1String(column));
    for (const char *sources : {"chip_sources", "shipped_chip_sources"})
        sql << QStringLiteral("ALTER TABLE %1 DROP COLUMN basis").arg(QLatin1String(sources));
    for (const char *offerings : {"offerings", "shipped_offerings"})
        for (const char *column :
             {"currency", "published_per_hour", "usd_rate", "usd_rate_date", "cluster_network",
              "scaleout_bandwidth", "max_instances", "regions"})
            sql << QStringLiteral("ALTER TABLE %1 DROP COLUMN %2")
                       .arg(QLatin1String(offerings), QLatin1String(column));
    sql << QStringLiteral("PRAGMA user_version = 2")
        << QStringLiteral("PRAGMA journal_mode = DELETE");
    execOn(path, sql);
}

// What a catalog of schema 2 could hold: none of the values step 3 added.
Catalog asOfSchema2(Catalog catalog) {
    for (Chip &chip : catalog.chips) {
        chip.efficiencyFamily.clear();
        chip.chipClass.reset();
        chip.roles = Roles{};
        chip.tdpRange = {};
        chip.priceRange = {};
        for (Source &source : chip.sources)
            source.basis.reset();
    }
    for (Offering &o : catalog.offerings) {
        o.currency = "USD";
        o.publishedPerHour.reset();
        o.usdRate.reset();
        o.usdRateDate.clear();
        o.clusterNetwork.clear();
        o.scaleOutBandwidth.reset();
        o.maxInstances.reset();
        o.regions.clear();
    }
    return catalog;
}

// Turns a current catalog into the layout schema 1 had: step 2 added the shipped_* tables and
// the revision columns (appended, so the other columns are as schema 1 made them).
void downgradeToSchema1(const QString &path) {
    downgradeToSchema2(path);
    execOn(path, {QStringLiteral("DROP TABLE shipped_chip_sources"),
                  QStringLiteral("DROP TABLE shipped_chips"),
                  QStringLiteral("DROP TABLE shipped_offerings"),
                  QStringLiteral("ALTER TABLE chips DROP COLUMN revision"),
                  QStringLiteral("ALTER TABLE offerings DROP COLUMN revision"),
                  QStringLiteral("DELETE FROM catalog_meta WHERE key = 'write_count'"),
                  QStringLiteral("PRAGMA user_version = 1"),
                  QStringLiteral("PRAGMA journal_mode = DELETE")});
}

} // namespace

class TestCatalogMigration : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateUserFiles(); }

    void upgradesASchema1CatalogKeepingEveryRecordAndEdit() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QString error;
        Catalog before;
        {
            auto store = data::CatalogStore::create(path, test::shippedSeed(), &error);
            QVERIFY2(store, qPrintable(error));
            Chip h100 = *store->chip("nvidia-h100-sxm5-80gb", &error);
            h100.tdp = units::watts(650);
            QVERIFY2(store->saveChip(h100, &error), qPrintable(error));
            before = *store->load(&error);
        }
        downgradeToSchema1(path);
        QCOMPARE(userVersion(path), 1);

        auto store = data::CatalogStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(userVersion(path), data::schema::currentVersion());
        // The backup beside it is the file as it was.
        QVERIFY(!store->backupPath().isEmpty());
        QCOMPARE(QFileInfo(store->backupPath()).absolutePath(), QFileInfo(path).absolutePath());
        QCOMPARE(userVersion(store->backupPath()), 1);

        const auto after = store->load(&error);
        QVERIFY2(after, qPrintable(error));
        test::compareCatalogs(*after, asOfSchema2(before));
        // Shipped rows become the shipped values; the edited one has none known.
        QVERIFY(store->shippedChip("google-tpu-v6e", &error));
        QVERIFY(!store->shippedChip("nvidia-h100-sxm5-80gb", &error));
        QVERIFY(store->shippedOffering("aws/p5.48xlarge", &error));
        // Writes work on the upgraded file.
        Chip tpu = *store->chip("google-tpu-v6e", &error);
        tpu.notes = "checked";
        QVERIFY2(store->saveChip(tpu, &error), qPrintable(error));
        QVERIFY(store->chipRevision("google-tpu-v6e", &error));
    }

    // A user's catalog made by AccelPlan before the 2026.12 data: the upgrade keeps every value
    // and edit; the shipped catalog's merge then fills in the new fields of the records the user
    // left as shipped, and keeps the user's own values.
    void upgradesASchema2CatalogAndTheSeedFillsInTheNewFields() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QString error;
        const Catalog seed = test::shippedSeed();
        Catalog before;
        {
            auto store = data::CatalogStore::create(path, seed, &error);
            QVERIFY2(store, qPrintable(error));
            Chip h100 = *store->chip("nvidia-h100-sxm5-80gb", &error);
            h100.tdp = units::watts(650);
            QVERIFY2(store->saveChip(h100, &error), qPrintable(error));
            before = *store->load(&error);
        }
        downgradeToSchema2(path);
        QCOMPARE(userVersion(path), 2);

        auto store = data::CatalogStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(userVersion(path), data::schema::currentVersion());
        QCOMPARE(userVersion(store->backupPath()), 2);
        const auto upgraded = store->load(&error);
        QVERIFY2(upgraded, qPrintable(error));
        test::compareCatalogs(*upgraded, asOfSchema2(before));
        const Chip *v5pThen = upgraded->findChip("google-tpu-v5p");
        QVERIFY(v5pThen && !v5pThen->chipClass && v5pThen->roles == Roles{});
        QVERIFY(!v5pThen->priceRange.low);

        const auto merged = store->mergeSeed(seed);
        QVERIFY2(merged.error.isEmpty(), qPrintable(merged.error));
        const auto after = store->load(&error);
        QVERIFY2(after, qPrintable(error));
        const Chip *v5p = after->findChip("google-tpu-v5p");
        QVERIFY(v5p);
        QCOMPARE(*v5p, *seed.findChip("google-tpu-v5p"));
        QCOMPARE(v5p->chipClass, std::optional(ChipClass::datacenter));
        QVERIFY(v5p->priceRange.low && v5p->priceRange.high);
        QCOMPARE(basisOf(*v5p, "price_usd"), std::optional(Basis::estimate));
        const Chip *edge = after->findChip("huawei-ascend-310p");
        QVERIFY(edge && !edge->roles.training && edge->roles.inference);
        const Offering *ascend = after->findOffering("china-telecom-jiangsu/atlas-800t-a2-376t-8x");
        QVERIFY(ascend);
        QCOMPARE(ascend->currency, std::string("CNY"));
        QVERIFY(ascend->usdRate && ascend->publishedPerHour);
        // The user's TDP stays; the values the user did not touch take the new shipped ones.
        const Chip *h100 = after->findChip("nvidia-h100-sxm5-80gb");
        QVERIFY(h100);
        QCOMPARE(h100->tdp->value(), 650.0);
        QVERIFY(h100->provenance == Provenance::userModified);
        QCOMPARE(h100->chipClass, std::optional(ChipClass::datacenter));
    }

    void aSecondBackupDoesNotOverwriteTheFirst() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        QString error;
        QVERIFY(data::CatalogStore::create(path, test::shippedSeed(), &error));
        downgradeToSchema1(path);
        const QString first = path + QStringLiteral(".schema-1.backup");
        const QByteArray earlier("an earlier backup");
        test::writeFile(dir, QFileInfo(first).fileName(), earlier);
        auto store = data::CatalogStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->backupPath() != first);
        QVERIFY(QFileInfo::exists(store->backupPath()));
        QCOMPARE(test::readFile(first), earlier);
    }
};

QTEST_GUILESS_MAIN(TestCatalogMigration)
#include "test_catalog_migration.moc"
