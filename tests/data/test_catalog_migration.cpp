// SPDX-License-Identifier: GPL-3.0-or-later
// A catalog from schema 1 (before shipped values and revisions were kept) is backed up beside
// itself, then upgraded step by step without losing a record or an edit.

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

// Turns a current catalog into the layout schema 1 had: step 2 added the shipped_* tables and
// the revision columns (appended, so the other columns are as schema 1 made them).
void downgradeToSchema1(const QString &path) {
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
        test::compareCatalogs(*after, before);
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
