// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLite catalog: creation from the seed, loading, opening "the catalog", and refusing
// files it must not touch.

#include "catalog/catalog_store.h"
#include "catalog/schema.h"
#include "helpers/test_env.h"
#include "test_catalog_support.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace accelplan;

namespace {

// Runs one statement on a file through a separate connection (another program, for the store).
void execOn(const QString &path, const QString &sql) {
    const QString name = QStringLiteral("test-raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(sql));
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

class TestCatalogStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateUserFiles(); }

    void createThenLoadGivesTheSeedBack() {
        QTemporaryDir dir;
        const Catalog seed = test::shippedSeed();
        QString error;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        auto store = data::CatalogStore::create(path, seed, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->dataVersion(), QString::fromStdString(seed.dataVersion));
        const auto loaded = store->load(&error);
        QVERIFY2(loaded, qPrintable(error));
        test::compareCatalogs(*loaded, test::sorted(seed));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".creating")));
        // The seed's 2026.12 fields are among what came back.
        const Chip *tpu = loaded->findChip("google-tpu-v5p");
        QVERIFY(tpu && tpu->chipClass == ChipClass::datacenter && tpu->roles.training);
        QVERIFY(tpu->tdpRange.low && tpu->priceRange.high && !tpu->price);
        QCOMPARE(basisOf(*tpu, "tdp_watts"), std::optional(Basis::estimate));
        const Chip *npu = loaded->findChip("huawei-ascend-310p");
        QVERIFY(npu && !npu->roles.training);
        const Offering *rental =
            loaded->findOffering("china-telecom-jiangsu/atlas-800t-a2-376t-8x");
        QVERIFY(rental && rental->currency == "CNY" && rental->usdRate && rental->publishedPerHour);
        const Offering *p5 = loaded->findOffering("aws/p5.48xlarge");
        QVERIFY(p5 && p5->currency == "USD" && p5->scaleOutBandwidth && !p5->regions.empty());
    }

    void getsOneChipAndItsOfferings() {
        QTemporaryDir dir;
        QString error;
        auto store = data::CatalogStore::create(dir.filePath(QStringLiteral("c.sqlite")),
                                                test::shippedSeed(), &error);
        QVERIFY2(store, qPrintable(error));
        const auto chip = store->chip("nvidia-h100-sxm5-80gb", &error);
        QVERIFY(chip);
        QCOMPARE(chip->name, std::string("H100 SXM5 80GB"));
        QVERIFY(!chip->sources.empty());
        const auto offerings = store->offeringsOf("nvidia-h100-sxm5-80gb", &error);
        QVERIFY(offerings.size() >= 5);
        for (const Offering &o : offerings)
            QCOMPARE(o.chipId, std::string("nvidia-h100-sxm5-80gb"));
        QVERIFY(!store->chip("no-such-chip", &error));
    }

    void openCatalogCreatesTheNamedFileFromTheSeed() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("named.sqlite"));
        QString error;
        const auto catalog = data::loadCatalog(path, &error);
        QVERIFY2(catalog, qPrintable(error));
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(catalog->findChip("google-tpu-v6e"));
        // A second open uses the file as it is.
        const auto again = data::loadCatalog(path, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->chips.size(), catalog->chips.size());
    }

    void openCatalogCopiesTheSeedToTheUserFolderOnFirstStart() {
        QFile::remove(data::userCatalogPath());
        QVERIFY(!QFileInfo::exists(data::userCatalogPath()));
        QString error;
        const auto catalog = data::loadCatalog({}, &error);
        QVERIFY2(catalog, qPrintable(error));
        QVERIFY(QFileInfo::exists(data::userCatalogPath()));
        QCOMPARE(catalog->dataVersion, test::shippedSeed().dataVersion);
    }

    void refusesAFileThatIsNotSqlite() {
        QTemporaryDir dir;
        const QByteArray content("id,name\nnot,a database\n");
        const QString path = test::writeFile(dir, QStringLiteral("notes.sqlite"), content);
        const auto opened = data::openCatalog(path);
        QVERIFY(!opened.store);
        QVERIFY2(opened.error.contains(QStringLiteral("not an SQLite database")),
                 qPrintable(opened.error));
        QVERIFY(opened.error.contains(path));
        QCOMPARE(test::readFile(path), content);
    }

    void refusesAnSqliteFileThatIsNotACatalog() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        execOn(path, QStringLiteral("CREATE TABLE t (x INTEGER)"));
        const QByteArray before = test::readFile(path);
        const auto opened = data::openCatalog(path);
        QVERIFY(!opened.store);
        QVERIFY2(opened.error.contains(QStringLiteral("not an AccelPlan catalog")),
                 qPrintable(opened.error));
        QCOMPARE(test::readFile(path), before);
    }

    void refusesANewerSchema() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite"));
        QString error;
        QVERIFY(data::CatalogStore::create(path, test::shippedSeed(), &error));
        execOn(path,
               QStringLiteral("PRAGMA user_version = %1").arg(data::schema::currentVersion() + 1));
        execOn(path, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        const QByteArray before = test::readFile(path);
        const auto opened = data::openCatalog(path);
        QVERIFY(!opened.store);
        QVERIFY2(opened.error.contains(QStringLiteral("newer")), qPrintable(opened.error));
        QCOMPARE(test::readFile(path), before);
    }

    // A catalog may come from anyone; SQL stored in its schema must not run. A view in place
    // of a table ran a query without end on the first read (every command and the app hung);
    // a trigger ran its own statements when the catalog was written.
    void refusesACatalogWithSqlOfItsOwn_data() {
        QTest::addColumn<QStringList>("plant");
        QTest::addColumn<QString>("message");
        QTest::newRow("a view over an endless query in place of a table")
            << QStringList{QStringLiteral("ALTER TABLE chips RENAME TO chips_kept"),
                           QStringLiteral("CREATE VIEW chips AS SELECT * FROM chips_kept WHERE "
                                          "(WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + "
                                          "1 FROM r) SELECT count(*) FROM r) > 0")}
            << QStringLiteral("'chips' is a view, not a table");
        QTest::newRow("a trigger")
            << QStringList{QStringLiteral("CREATE TRIGGER wipe AFTER UPDATE ON chips BEGIN DELETE "
                                          "FROM offerings; END")}
            << QStringLiteral("it has a trigger 'wipe' on 'chips'");
        QTest::newRow("a table defined otherwise")
            << QStringList{QStringLiteral("DROP INDEX offerings_by_chip"),
                           QStringLiteral("CREATE INDEX offerings_by_chip ON offerings (chip_id, "
                                          "provider)")}
            << QStringLiteral("the index 'offerings_by_chip' is defined differently");
    }
    void refusesACatalogWithSqlOfItsOwn() {
        QFETCH(QStringList, plant);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("planted.sqlite"));
        QString error;
        QVERIFY(data::CatalogStore::create(path, test::shippedSeed(), &error));
        for (const QString &sql : plant)
            execOn(path, sql);
        execOn(path, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        const QByteArray before = test::readFile(path);
        const auto opened = data::openCatalog(path);
        QVERIFY(!opened.store);
        QVERIFY2(opened.error.startsWith(path + QStringLiteral(": is not an AccelPlan catalog")) &&
                     opened.error.contains(message),
                 qPrintable(opened.error));
        QCOMPARE(test::readFile(path), before);
        QVERIFY(!data::loadCatalog(path, &error));
    }

    void refusesToCreateInAMissingFolder() {
        const auto opened = data::openCatalog(QStringLiteral("/nonexistent-accelplan/c.sqlite"));
        QVERIFY(!opened.store);
        QVERIFY2(opened.error.contains(QStringLiteral("does not exist")), qPrintable(opened.error));
    }
};

QTEST_GUILESS_MAIN(TestCatalogStore)
#include "test_catalog_store.moc"
