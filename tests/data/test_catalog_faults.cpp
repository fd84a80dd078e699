// SPDX-License-Identifier: GPL-3.0-or-later
// A catalog file that is damaged, read-only, locked by another program, or on a full disk: a
// clear message naming the file, and the file never overwritten or "repaired".

#include "catalog/catalog_store.h"
#include "helpers/child_process.h"
#include "helpers/test_env.h"
#include "io/catalog_file.h"
#include "test_catalog_support.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <random>

using namespace accelplan;

namespace {

QString seededCatalog(const QTemporaryDir &dir, const QString &name = QStringLiteral("c.sqlite")) {
    const QString path = dir.filePath(name);
    QString error;
    if (!data::CatalogStore::create(path, test::shippedSeed(), &error))
        qFatal("cannot create a catalog: %s", qPrintable(error));
    return path; // closed: the write-ahead log is folded in and removed
}

// Every chip's notes changed: a write of some size.
Catalog everyChipEdited(const Catalog &catalog) {
    Catalog edited = catalog;
    for (Chip &chip : edited.chips)
        chip.notes += " (checked again)";
    return edited;
}

QString locateAt(const ValidationProblem &p) {
    return data::describeAtJsonPath(QStringLiteral("test"), p);
}

// Child "read-only PATH": as an unprivileged user, reads the catalog and tries to write it.
// Prints what happened; exits 0 when reading worked and every write was refused.
int readOnlyChild(const QString &path) {
    QTextStream out(stdout);
    if (!test::actAsUnprivilegedUser()) {
        out << "cannot drop privileges\n";
        return 3;
    }
    QString error;
    auto store = data::CatalogStore::open(path, &error);
    if (!store) {
        out << "open failed: " << error << "\n";
        return 1;
    }
    const auto catalog = store->load(&error);
    if (!store->isReadOnly() || !catalog) {
        out << "not read-only or not readable: " << error << "\n";
        return 1;
    }
    Chip chip = catalog->chips.front();
    chip.notes = "edited";
    if (store->saveChip(chip, &error)) {
        out << "a write went through\n";
        return 1;
    }
    out << error << "\n";
    const auto imported = store->importCatalog(everyChipEdited(*catalog),
                                               data::CatalogStore::ImportMode::merge, locateAt);
    if (imported.ok) {
        out << "an import went through\n";
        return 1;
    }
    out << imported.problems.join(u'\n') << "\n";
    return 0;
}

// Child "import-forever PATH A.json B.json": imports A and B in turn, replacing the catalog,
// until killed; says "importing" once it is about to start.
int importForever(const QString &path, const QString &a, const QString &b) {
    QString error;
    auto store = data::CatalogStore::open(path, &error);
    const data::CatalogFileRead versions[] = {data::readCatalogFile(a), data::readCatalogFile(b)};
    if (!store || !versions[0].catalog || !versions[1].catalog) {
        QTextStream(stderr) << "cannot start: " << error << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "importing" << Qt::endl;
    for (unsigned i = 0;; ++i) {
        const auto &v = versions[i % 2];
        const auto result =
            store->importCatalog(*v.catalog, data::CatalogStore::ImportMode::replace, v.locate);
        if (!result.ok) {
            QTextStream(stderr) << result.problems.join(u'\n') << Qt::endl;
            return 1;
        }
    }
}

// Child "note PATH CHIP TEXT": sets a chip's notes, as another program editing the catalog
// would, and exits (closing its connection, the last one if it believes so).
int noteChild(const QString &path, const QString &chipId, const QString &text) {
    QString error;
    auto store = data::CatalogStore::open(path, &error);
    std::optional<Chip> chip = store ? store->chip(chipId.toStdString(), &error) : std::nullopt;
    if (!chip) {
        QTextStream(stderr) << error << Qt::endl;
        return 1;
    }
    chip->notes = text.toStdString();
    if (!store->saveChip(*chip, &error)) {
        QTextStream(stderr) << error << Qt::endl;
        return 1;
    }
    return 0;
}

int childMain(const QString &name, const QStringList &args) {
    if (name == QLatin1String("note") && args.size() == 3)
        return noteChild(args[0], args[1], args[2]);
    if (name == QLatin1String("read-only") && args.size() == 1)
        return readOnlyChild(args[0]);
    if (name == QLatin1String("import-forever") && args.size() == 3)
        return importForever(args[0], args[1], args[2]);
    return 2;
}

} // namespace

class TestCatalogFaults : public QObject {
    Q_OBJECT

    // Opening must fail with `message` and leave the file's bytes as they were.
    void expectRefused(const QString &path, const QString &message) {
        const QByteArray before = test::readFile(path);
        const auto opened = data::openCatalog(path);
        QVERIFY(!opened.store);
        QVERIFY2(opened.error.contains(message), qPrintable(opened.error));
        QVERIFY2(opened.error.startsWith(path), qPrintable(opened.error));
        QCOMPARE(test::readFile(path), before);
    }

private slots:
    void initTestCase() { test::isolateUserFiles(); }

    void aTruncatedCatalogIsRefused_data() {
        QTest::addColumn<int>("keep"); // bytes kept of the file
        QTest::newRow("inside the header") << 60;
        QTest::newRow("after the header") << 100;
        QTest::newRow("one page") << 4096;
        QTest::newRow("half") << -2;
        QTest::newRow("all but one byte") << -1;
    }
    void aTruncatedCatalogIsRefused() {
        QFETCH(int, keep);
        QTemporaryDir dir;
        const QByteArray whole = test::readFile(seededCatalog(dir));
        const qsizetype size = keep == -2 ? whole.size() / 2 : keep == -1 ? whole.size() - 1 : keep;
        const QString path = test::writeFile(dir, QStringLiteral("cut.sqlite"), whole.left(size));
        expectRefused(path, QStringLiteral("is damaged: cut short"));
    }

    void garbageIsRefused_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("chips,offerings\n");
        QTest::newRow("binary") << QByteArray(5000, '\xfe');
        QTest::newRow("zeros") << QByteArray(8192, '\0');
    }
    void garbageIsRefused() {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = test::writeFile(dir, QStringLiteral("junk.sqlite"), content);
        expectRefused(path, QStringLiteral("not an SQLite database"));
    }

    void aScrambledHeaderIsRefused() {
        QTemporaryDir dir;
        QByteArray bytes = test::readFile(seededCatalog(dir));
        bytes[16] = '\x03'; // page size 0x03..: not a power of two
        const QString path = test::writeFile(dir, QStringLiteral("bad.sqlite"), bytes);
        expectRefused(path, QStringLiteral("is damaged"));
    }

    void damagedPagesAreFoundByTheIntegrityCheck() {
        QTemporaryDir dir;
        QByteArray bytes = test::readFile(seededCatalog(dir));
        QVERIFY(bytes.size() > 12 * 4096);
        for (qsizetype i = 8 * 4096; i < 12 * 4096; ++i)
            bytes[i] = char(0xa5 ^ (i & 0xff));
        const QString path = test::writeFile(dir, QStringLiteral("scrambled.sqlite"), bytes);
        const QByteArray before = test::readFile(path);
        auto opened = data::openCatalog(path);
        QVERIFY2(opened.store, qPrintable(opened.error));
        const QStringList damage = opened.store->checkIntegrity();
        QVERIFY(!damage.isEmpty());
        QVERIFY2(damage.first().contains(QStringLiteral("damaged")), qPrintable(damage.first()));
        QVERIFY(damage.first().startsWith(path));
        opened.store.reset();
        QCOMPARE(test::readFile(path), before);
    }

    void aReadOnlyCatalogIsReadButNeverWritten_data() {
        QTest::addColumn<bool>("folderWritable");
        QTest::newRow("read-only file") << true;
        QTest::newRow("read-only folder") << false;
    }
    void aReadOnlyCatalogIsReadButNeverWritten() {
        QFETCH(bool, folderWritable);
        QTemporaryDir dir;
        const QString path = seededCatalog(dir);
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                                QFileDevice::ReadOther));
        test::openToEveryone(dir.path(), folderWritable);
        const QByteArray before = test::readFile(path);
        const auto run = test::runChild(QStringLiteral("read-only"), {path});
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QVERIFY2(run.out.contains("read-only"), run.out.constData());
        QVERIFY2(run.out.contains("nothing was changed"), run.out.constData());
        QCOMPARE(test::readFile(path), before);
        test::openToEveryone(dir.path(), true);
    }

    void aCatalogLockedByAnotherProgramIsNotWrittenAndSaysSo() {
        QTemporaryDir dir;
        const QString path = seededCatalog(dir);
        data::CatalogStore::Options quick;
        quick.busyTimeoutMs = 100;
        QString error;
        auto store = data::CatalogStore::open(path, &error, quick);
        QVERIFY2(store, qPrintable(error));
        const Catalog before = *store->load(&error);
        {
            // Another program holds the write lock.
            QSqlDatabase other =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery lock(other);
            QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
            QVERIFY(lock.exec(QStringLiteral("UPDATE chips SET notes = 'theirs' WHERE id = "
                                             "'google-tpu-v6e'")));

            // Reading still works (write-ahead log), writing is refused in words.
            QVERIFY(store->load(&error));
            Chip chip = before.chips.front();
            chip.notes = "mine";
            QVERIFY(!store->saveChip(chip, &error));
            QVERIFY2(error.contains(QStringLiteral("locked by another program")),
                     qPrintable(error));
            QVERIFY(error.startsWith(path));
            const auto imported = store->importCatalog(
                everyChipEdited(before), data::CatalogStore::ImportMode::merge, locateAt);
            QVERIFY(!imported.ok);
            QVERIFY2(imported.problems.join(u'\n').contains(QStringLiteral("locked")),
                     qPrintable(imported.problems.join(u'\n')));
            QVERIFY(lock.exec(QStringLiteral("COMMIT")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        // The other program's change is there, ours was not half-made; now ours goes through.
        QCOMPARE(store->chip("google-tpu-v6e", &error)->notes, std::string("theirs"));
        QCOMPARE(store->chip(before.chips.front().id, &error)->notes, before.chips.front().notes);
        Chip chip = before.chips.front();
        chip.notes = "mine";
        QVERIFY2(store->saveChip(chip, &error), qPrintable(error));
    }

    // Opening a second store on a file this process holds open must not drop the first one's
    // locks (on POSIX, closing any handle to a file does): else another program, closing, takes
    // itself for the file's last user and removes the write-ahead log from under our stores.
    void storesOnOneFileKeepTheirLocksWhileAnotherProgramWrites() {
        QTemporaryDir dir;
        const QString path = seededCatalog(dir);
        QString error;
        auto first = data::CatalogStore::open(path, &error);
        QVERIFY2(first, qPrintable(error));
        QVERIFY(first->load(&error));
        for (int round = 0; round < 3; ++round) {
            auto second = data::CatalogStore::open(path, &error);
            QVERIFY2(second, qPrintable(error));
            const QString text = QStringLiteral("theirs %1").arg(round);
            const auto run = test::runChild(QStringLiteral("note"),
                                            {path, QStringLiteral("google-tpu-v6e"), text});
            QVERIFY2(run.exitCode == 0, run.err.constData());
            for (data::CatalogStore *store : {first.get(), second.get()}) {
                const auto chip = store->chip("google-tpu-v6e", &error);
                QVERIFY2(chip, qPrintable(error));
                QCOMPARE(QString::fromStdString(chip->notes), text);
            }
            auto third = data::CatalogStore::open(path, &error);
            QVERIFY2(third, qPrintable(error));
            QVERIFY(third->checkIntegrity().isEmpty());
        }
    }

    // A program killed at any moment of an import leaves the catalog as it was before that
    // import or as after it: never a mix, never damaged.
    void aKilledImportLeavesTheOldOrTheNewCatalog() {
        QTemporaryDir dir;
        const QString path = seededCatalog(dir);
        QString error;
        const Catalog seed = test::sorted(test::shippedSeed());
        Catalog a = everyChipEdited(seed);
        Catalog b = seed;
        for (Chip &chip : b.chips)
            chip.notes = "version b";
        b.offerings.resize(b.offerings.size() / 2);
        for (Chip &chip : a.chips)
            chip.provenance = Provenance::userModified;
        for (Chip &chip : b.chips)
            chip.provenance = Provenance::userModified;
        for (Offering &o : b.offerings)
            o.provenance = Provenance::shipped;
        const QString fileA = dir.filePath(QStringLiteral("a.json"));
        const QString fileB = dir.filePath(QStringLiteral("b.json"));
        QVERIFY(data::writeCatalogFile(fileA, a, &error));
        QVERIFY(data::writeCatalogFile(fileB, b, &error));

        std::mt19937 random(7);
        std::uniform_int_distribution<int> delayMs(0, 400);
        int seen[3] = {0, 0, 0}; // the seed, a, b
        constexpr int kRounds = 12;
        for (int round = 0; round < kRounds; ++round) {
            QProcess child;
            test::startChild(child, QStringLiteral("import-forever"), {path, fileA, fileB});
            QVERIFY(child.waitForReadyRead(60000));
            QTest::qWait(delayMs(random));
            child.kill();
            QVERIFY(child.waitForFinished(60000));
            QVERIFY2(child.exitStatus() == QProcess::CrashExit,
                     child.readAllStandardError().constData());

            auto store = data::CatalogStore::open(path, &error);
            QVERIFY2(store, qPrintable(error));
            QVERIFY2(store->checkIntegrity().isEmpty(),
                     qPrintable(store->checkIntegrity().join(u'\n')));
            const auto now = store->load(&error);
            QVERIFY2(now, qPrintable(error));
            const bool isSeed = now->chips == seed.chips && now->offerings == seed.offerings;
            const bool isA = now->chips == a.chips && now->offerings == a.offerings;
            const bool isB = now->chips == b.chips && now->offerings == b.offerings;
            QVERIFY2(isSeed || isA || isB,
                     qPrintable(QStringLiteral("round %1: a mix").arg(round)));
            ++seen[isSeed ? 0 : isA ? 1 : 2];
        }
        qInfo("%d kills: the seed %d times, version a %d, version b %d", kRounds, seen[0], seen[1],
              seen[2]);
    }

    void aDamagedCatalogIsSetAsideAndReplacedByTheShippedOne() {
        QTemporaryDir dir;
        const QByteArray damaged = test::readFile(seededCatalog(dir)).left(5000);
        const QString path = test::writeFile(dir, QStringLiteral("mine.sqlite"), damaged);
        QVERIFY(!data::openCatalog(path).store);
        auto replaced = data::replaceWithShipped(path);
        QVERIFY2(replaced.opened.store, qPrintable(replaced.opened.error));
        QString error;
        test::compareCatalogs(*replaced.opened.store->load(&error),
                              test::sorted(test::shippedSeed()));
        // The damaged file is kept, byte for byte, beside the new one.
        QVERIFY(replaced.setAsidePath.startsWith(path + QStringLiteral(".set-aside-")));
        QCOMPARE(test::readFile(replaced.setAsidePath), damaged);
    }

    void aFullDiskDuringAnImportChangesNothing() {
        QTemporaryDir dir;
        const QString path = seededCatalog(dir);
        QString error;
        auto store = data::CatalogStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        const Catalog before = *store->load(&error);
        const QByteArray bytes = test::readFile(path);
        {
            // No file may grow past 16 kB: the write-ahead log of this import needs far more.
            test::FileSizeLimit limit(16 * 1024);
            QVERIFY(limit.isActive());
            const auto imported = store->importCatalog(
                everyChipEdited(before), data::CatalogStore::ImportMode::merge, locateAt);
            QVERIFY(!imported.ok);
            QVERIFY2(imported.problems.join(u'\n').contains(QStringLiteral("nothing was imported")),
                     qPrintable(imported.problems.join(u'\n')));
        }
        test::compareCatalogs(*store->load(&error), before);
        store.reset();
        QCOMPARE(test::readFile(path), bytes);
        // And with room again, the same import works.
        store = data::CatalogStore::open(path, &error);
        QVERIFY(store
                    ->importCatalog(everyChipEdited(before), data::CatalogStore::ImportMode::merge,
                                    locateAt)
                    .ok);
    }
};

ACCELPLAN_TEST_MAIN_WITH_CHILD(TestCatalogFaults, childMain)
#include "test_catalog_faults.moc"
