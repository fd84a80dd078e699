// SPDX-License-Identifier: GPL-3.0-or-later
// A team catalog on a real PostgreSQL server (helpers/postgres_server.h starts one): made from
// the seed when empty, read and written like the SQLite file, several writers at once (threads
// as apps, accelplan-cli as the CLI) losing no update, members hearing of each other's changes,
// read-only roles refused in words, and an import killed half-way leaving the old catalog.

#include "catalog/catalog_store.h"
#include "catalog/server_catalog.h"
#include "hardware/validation.h"
#include "helpers/postgres_server.h"
#include "helpers/test_env.h"
#include "io/catalog_json.h"
#include "test_catalog_support.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace accelplan;

namespace {

constexpr const char *kChip = "team-npu";

Chip teamChip() {
    Chip chip = test::exampleChip(kChip);
    chip.price = units::dollars(1000);
    return chip;
}

Offering teamOffering(const std::string &instance) {
    Offering o;
    o.chipId = kChip;
    o.provider = "team-cloud";
    o.instance = instance;
    o.chipsPerInstance = 8;
    o.pricePerInstance[0] = units::dollarsPerHour(20.0);
    return o;
}

// Adds one dollar to the chip's price, retrying while another writer got there first.
bool raisePrice(data::CatalogStore &store, QString *error) {
    for (int attempt = 0; attempt < 200; ++attempt) {
        const auto revision = store.chipRevision(kChip, error);
        auto chip = store.chip(kChip, error);
        if (!revision || !chip)
            return false;
        chip->price = units::dollars(chip->price->value() + 1);
        if (store.saveChip(*chip, error, revision))
            return true;
    }
    return false;
}

} // namespace

class TestCatalogServer : public QObject {
    Q_OBJECT

    std::unique_ptr<test::PostgresServer> server_;
    QString url_; // the team catalog, as its administrator
    int databases_ = 0;

    // A new empty database on the server, as a team starts with one.
    QString newDatabase() {
        const QString name = QStringLiteral("team%1").arg(++databases_);
        const QString error = server_->createDatabase(name);
        if (!error.isEmpty())
            qFatal("cannot create a database: %s", qPrintable(error));
        return name;
    }

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        server_ = std::make_unique<test::PostgresServer>();
        QVERIFY2(server_->isRunning(), qPrintable(server_->error()));
        url_ = server_->location(QLatin1String(test::PostgresServer::kAdmin), newDatabase());
        data::OpenedCatalog opened = data::openCatalog(url_);
        QVERIFY2(opened.store, qPrintable(opened.error));
        QString error;
        QVERIFY2(opened.store->saveChip(teamChip(), &error), qPrintable(error));
    }

    // The same schema, seed and values as an SQLite file made from the same seed.
    void emptyDatabaseBecomesTheSeed() {
        const QString url =
            server_->location(QLatin1String(test::PostgresServer::kAdmin), newDatabase());
        data::OpenedCatalog opened = data::openCatalog(url);
        QVERIFY2(opened.store, qPrintable(opened.error));
        QVERIFY(opened.store->isServer() && !opened.store->isReadOnly());
        QVERIFY(!opened.store->path().contains(QStringLiteral("password")));
        QString error;
        const auto loaded = opened.store->load(&error);
        QVERIFY2(loaded, qPrintable(error));
        test::compareCatalogs(*loaded, test::sorted(test::shippedSeed()));
        // Opened again: the catalog that is there, not a second seed.
        data::OpenedCatalog again = data::openCatalog(url);
        QVERIFY2(again.store, qPrintable(again.error));
        QCOMPARE(again.store->load(&error)->chips.size(), loaded->chips.size());
        // A database that holds something else is not taken over.
        const QString other = newDatabase();
        QCOMPARE(server_->sql(other, QStringLiteral("CREATE TABLE invoices (id INTEGER)")),
                 QString());
        data::OpenedCatalog refused = data::openCatalog(
            server_->location(QLatin1String(test::PostgresServer::kAdmin), other));
        QVERIFY(!refused.store);
        QVERIFY2(refused.error.contains(QStringLiteral("holds other tables")),
                 qPrintable(refused.error));
    }

    // A making of the catalog cut short after its tables (the member's program killed) is
    // finished by the next member who opens it.
    void anUnfinishedCatalogIsFinishedOnOpen() {
        const QString database = newDatabase();
        const QString url =
            server_->location(QLatin1String(test::PostgresServer::kAdmin), database);
        QVERIFY(data::openCatalog(url).store);
        for (const char *table : {"chip_sources", "offerings", "chips", "shipped_chip_sources",
                                  "shipped_offerings", "shipped_chips", "shared_scenarios"})
            QCOMPARE(
                server_->sql(database, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))),
                QString());
        QCOMPARE(server_->sql(database, QStringLiteral("DELETE FROM catalog_meta WHERE key <> "
                                                       "'schema_version'")),
                 QString());
        data::OpenedCatalog opened = data::openCatalog(url);
        QVERIFY2(opened.store, qPrintable(opened.error));
        QString error;
        test::compareCatalogs(*opened.store->load(&error), test::sorted(test::shippedSeed()));
    }

    // The server keeps the columns' widths; the rules refuse a longer value in words first, in
    // a file as on the server.
    void aValueTooWideForTheServerIsRefusedInWords() {
        Offering wide = teamOffering("wide");
        wide.provider = std::string(70, 'p');
        wide.clusterNetwork = std::string(40, 'n');
        QStringList said;
        for (const ValidationProblem &p : validateOffering(wide, 0))
            said << QString::fromStdString(p.describe());
        QVERIFY2(said.join(u'\n').contains(
                     QStringLiteral("provider: is 70 characters long; at most 64 are kept")),
                 qPrintable(said.join(u'\n')));
        QVERIFY2(said.join(u'\n').contains(QStringLiteral("cluster_network: is 40 characters")),
                 qPrintable(said.join(u'\n')));
        QTemporaryDir dir;
        Catalog file;
        file.offerings.push_back(wide);
        const test::CliRun cli = test::runCli(
            {QStringLiteral("catalog"), QStringLiteral("import"),
             test::writeFile(dir, QStringLiteral("wide.json"), data::writeCatalogJson(file)),
             QStringLiteral("--catalog"), url_});
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.contains("at most 64 are kept"), cli.err.constData());
    }

    // A password never shows in a message, even in an address that does not parse.
    void passwordsStayOutOfMessages() {
        for (const QString &location :
             {QStringLiteral("postgresql://alice:s3cret@db.example.org/team"),
              QStringLiteral("postgresql://alice:s3/cret@db.example.org/team"),
              QStringLiteral("postgresql://alice@db.example.org/team?password=s3cret")}) {
            const QString shown = data::server::shownLocation(location);
            QVERIFY2(!shown.contains(QStringLiteral("s3")), qPrintable(shown));
            QVERIFY2(shown.contains(QStringLiteral("alice")), qPrintable(shown));
        }
        data::OpenedCatalog refused = data::openCatalog(
            QStringLiteral("postgresql://alice:s3cret@/nowhere?host=/nonexistent"));
        QVERIFY(!refused.store);
        QVERIFY2(!refused.error.contains(QStringLiteral("s3cret")), qPrintable(refused.error));
    }

    // A team catalog made from an older seed takes the newer one when a member who may write
    // opens it, keeping the team's own changes; a server has no backup file to name.
    void aNewerSeedIsMergedKeepingTheTeamsChanges() {
        const QString database = newDatabase();
        const QString url =
            server_->location(QLatin1String(test::PostgresServer::kAdmin), database);
        {
            data::OpenedCatalog made = data::openCatalog(url);
            QVERIFY(made.store);
            QString error;
            Chip h100 = *made.store->chip("nvidia-h100-sxm5-80gb", &error);
            h100.notes = "our negotiated price applies";
            QVERIFY2(made.store->saveChip(h100, &error), qPrintable(error));
        }
        QCOMPARE(server_->sql(database, QStringLiteral("UPDATE catalog_meta SET value = "
                                                       "'2026.01-1' WHERE key = 'data_version'")),
                 QString());
        data::OpenedCatalog opened = data::openCatalog(url);
        QVERIFY2(opened.store, qPrintable(opened.error));
        QVERIFY(opened.seedMerge && opened.seedMerge->ok);
        QVERIFY(opened.seedMerge->backupPath.isEmpty());
        QCOMPARE(opened.store->dataVersion(),
                 QString::fromStdString(test::shippedSeed().dataVersion));
        QString error;
        QCOMPARE(opened.store->chip("nvidia-h100-sxm5-80gb", &error)->notes,
                 std::string("our negotiated price applies"));
    }

    // An edit based on an outdated read is refused on a server as in a file.
    void revisionsGuardAgainstLostEdits() {
        data::OpenedCatalog a = data::openCatalog(url_), b = data::openCatalog(url_);
        QVERIFY(a.store && b.store);
        QString error;
        const auto seen = a.store->chipRevision(kChip, &error);
        QVERIFY(seen);
        QVERIFY2(raisePrice(*b.store, &error), qPrintable(error));
        Chip mine = *a.store->chip(kChip, &error);
        mine.notes = "edited on a stale read";
        QVERIFY(!a.store->saveChip(mine, &error, seen));
        QVERIFY2(error.contains(QStringLiteral("changed")), qPrintable(error));
        QVERIFY(a.store->chip(kChip, &error)->notes.empty());
    }

    // Another member's commit reaches every open catalog; one's own does not come back.
    void membersHearOfEachOthersChanges() {
        data::OpenedCatalog listener = data::openCatalog(url_), writer = data::openCatalog(url_);
        QVERIFY(listener.store && writer.store);
        QObject context;
        int heard = 0;
        listener.store->watchChanges(&context, [&heard] { ++heard; });
        QString error;
        QVERIFY2(raisePrice(*writer.store, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(heard, 1, 10000);
        QVERIFY2(raisePrice(*listener.store, &error), qPrintable(error));
        QTest::qWait(300);
        QCOMPARE(heard, 1);
    }

    // A member with SELECT only reads the catalog and is told, in words, that writing is not
    // theirs; nothing changes.
    void readOnlyMembersAreToldSo() {
        const QString database = url_.section(u'/', 3).section(u'?', 0, 0);
        for (const QString &sql :
             {QStringLiteral("CREATE ROLE reader LOGIN"),
              QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")})
            QCOMPARE(server_->sql(database, sql), QString());
        data::OpenedCatalog opened =
            data::openCatalog(server_->location(QStringLiteral("reader"), database));
        QVERIFY2(opened.store, qPrintable(opened.error));
        QVERIFY(opened.store->isReadOnly());
        QString error;
        const auto before = opened.store->load(&error);
        QVERIFY2(before, qPrintable(error));
        QVERIFY(!opened.store->saveOffering(teamOffering("refused"), &error));
        QVERIFY2(error.contains(QStringLiteral("your role reader may only read this team "
                                               "catalog")),
                 qPrintable(error));
        QTemporaryDir dir;
        Catalog file;
        file.offerings.push_back(teamOffering("refused-too"));
        const test::CliRun cli = test::runCli(
            {QStringLiteral("catalog"), QStringLiteral("import"),
             test::writeFile(dir, QStringLiteral("x.json"), data::writeCatalogJson(file)),
             QStringLiteral("--catalog"), server_->location(QStringLiteral("reader"), database)});
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.contains("may only read this team catalog"), cli.err.constData());
        QCOMPARE(opened.store->load(&error)->offerings.size(), before->offerings.size());
    }

    // Two apps (threads, each its own connection) raising one price 15 times each, and the CLI
    // importing offerings meanwhile: every raise and every offering is there at the end.
    void concurrentWritersLoseNoUpdate() {
        QString error;
        data::OpenedCatalog admin = data::openCatalog(url_);
        QVERIFY(admin.store);
        const double start = admin.store->chip(kChip, &error)->price->value();
        constexpr int kRaises = 15, kImports = 6;
        std::atomic<int> failures{0};
        auto app = [this, &failures] {
            data::OpenedCatalog own = data::openCatalog(url_);
            QString why;
            for (int i = 0; i < kRaises; ++i)
                if (!own.store || !raisePrice(*own.store, &why))
                    ++failures;
        };
        std::thread first(app), second(app);
        QTemporaryDir dir;
        for (int i = 0; i < kImports; ++i) {
            Catalog file;
            file.offerings.push_back(teamOffering("cli-" + std::to_string(i)));
            const QString path = test::writeFile(dir, QStringLiteral("o%1.json").arg(i),
                                                 data::writeCatalogJson(file));
            const test::CliRun run =
                test::runCli({QStringLiteral("catalog"), QStringLiteral("import"), path,
                              QStringLiteral("--catalog"), url_});
            if (run.exitCode != 0)
                qWarning("import %d: %s", i, run.err.constData());
            QCOMPARE(run.exitCode, 0);
        }
        first.join();
        second.join();
        QCOMPARE(failures.load(), 0);
        const auto after = admin.store->load(&error);
        QVERIFY2(after, qPrintable(error));
        QCOMPARE(after->findChip(kChip)->price->value(), start + 2 * kRaises);
        for (int i = 0; i < kImports; ++i)
            QVERIFY(after->findOffering("team-cloud/cli-" + std::to_string(i)));
    }

    // An import killed at any moment leaves the catalog as it was or as the file makes it.
    void killedImportLeavesOldOrNew() {
        QString error;
        data::OpenedCatalog admin = data::openCatalog(url_);
        QVERIFY(admin.store);
        Catalog big = *admin.store->load(&error);
        const std::size_t before = big.offerings.size();
        for (int i = 0; i < 4000; ++i)
            big.offerings.push_back(teamOffering("bulk-" + std::to_string(i)));
        QTemporaryDir dir;
        const QString path =
            test::writeFile(dir, QStringLiteral("big.json"), data::writeCatalogJson(big));
        for (const int delayMs : {150, 400, 900}) {
            QProcess import;
            import.start(test::requiredEnv("ACCELPLAN_CLI"),
                         {QStringLiteral("catalog"), QStringLiteral("import"), path,
                          QStringLiteral("--replace"), QStringLiteral("--catalog"), url_});
            QVERIFY(import.waitForStarted());
            QTest::qWait(delayMs);
            import.kill();
            import.waitForFinished();
            const std::size_t now = admin.store->load(&error)->offerings.size();
            qInfo("killed at %d ms: %s", delayMs,
                  now == before ? "the old catalog" : "the imported catalog");
            QVERIFY2(
                now == before || now == big.offerings.size(),
                qPrintable(
                    QStringLiteral("%1 offerings after a kill at %2 ms").arg(now).arg(delayMs)));
            if (now != before)
                break; // the import finished before the kill: nothing more to learn
        }
    }

    // Scenarios saved in the catalog, with who and when, through the CLI, on the server and in
    // a file alike; a read-only member opens them but cannot save.
    void scenariosAreSharedWithWhoAndWhen() {
        QTemporaryDir dir;
        const QString example = test::requiredEnv("ACCELPLAN_SOURCE_DIR") +
                                QStringLiteral("/resources/examples/llama-3.1-8b-chat-server-slo."
                                               "accelplan.json");
        const QString out = dir.filePath(QStringLiteral("back.json"));
        const QString file = dir.filePath(QStringLiteral("own.sqlite"));
        for (const QString &catalog : {url_, file}) {
            const auto cli = [&catalog](QStringList args) {
                return test::runCli(args << QStringLiteral("--catalog") << catalog);
            };
            const test::CliRun saved =
                cli({QStringLiteral("scenario"), QStringLiteral("save"), example,
                     QStringLiteral("--name"), QStringLiteral("chat fleet")});
            QVERIFY2(saved.exitCode == 0, saved.err.constData());
            const test::CliRun listed = cli({QStringLiteral("scenario"), QStringLiteral("list")});
            QCOMPARE(listed.exitCode, 0);
            const QStringList row = QString::fromUtf8(listed.out).trimmed().split(u'\t');
            QCOMPARE(row.size(), 3);
            QCOMPARE(row[0], QStringLiteral("chat fleet"));
            QVERIFY(!row[1].isEmpty());
            QVERIFY2(QDateTime::fromString(row[2], Qt::ISODate).isValid(), qPrintable(row[2]));
            if (catalog == url_)
                QCOMPARE(row[1], QLatin1String(test::PostgresServer::kAdmin));
            const test::CliRun opened =
                cli({QStringLiteral("scenario"), QStringLiteral("open"),
                     QStringLiteral("chat fleet"), QStringLiteral("-o"), out});
            QVERIFY2(opened.exitCode == 0, opened.err.constData());
            QCOMPARE(test::readFile(out), test::readFile(example));
            const test::CliRun missing =
                cli({QStringLiteral("scenario"), QStringLiteral("open"), QStringLiteral("nope")});
            QCOMPARE(missing.exitCode, 1);
            QVERIFY(missing.err.contains("no shared scenario is named 'nope'"));
        }
        // A file that is no scenario is not shared.
        const QString bad = test::writeFile(dir, QStringLiteral("bad.json"), "{\"format\": 1}");
        QCOMPARE(test::runCli({QStringLiteral("scenario"), QStringLiteral("save"), bad,
                               QStringLiteral("--catalog"), url_})
                     .exitCode,
                 1);
        const QString database = url_.section(u'/', 3).section(u'?', 0, 0);
        const QString reader = server_->location(QStringLiteral("reader"), database);
        QVERIFY(test::runCli({QStringLiteral("scenario"), QStringLiteral("open"),
                              QStringLiteral("chat fleet"), QStringLiteral("--catalog"), reader})
                    .out.contains("accelplan.scenario/1"));
        const test::CliRun refused =
            test::runCli({QStringLiteral("scenario"), QStringLiteral("save"), example,
                          QStringLiteral("--catalog"), reader});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("may only read this team catalog"), refused.err.constData());
    }

    void cleanupTestCase() { server_.reset(); }
};

QTEST_GUILESS_MAIN(TestCatalogServer)
#include "test_catalog_server.moc"
