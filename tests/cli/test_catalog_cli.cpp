// `accelplan-cli catalog list|show|export|import|validate`: output, exit status, located
// problems, and the catalog database left as it was whenever a command fails.

#include "helpers/test_env.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace accelplan;

namespace {

// Runs one statement on a catalog through a connection of its own (another program).
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

QStringList lines(const QByteArray &text) {
    return QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestCatalogCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString db_; // a catalog made from the shipped seed, shared by the read-only tests

    test::CliRun cli(QStringList args, const QString &db = {}) {
        args << QStringLiteral("--catalog") << (db.isEmpty() ? db_ : db);
        return test::runCli(QStringList{QStringLiteral("catalog")} + args);
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        db_ = dir_.filePath(QStringLiteral("catalog.sqlite"));
    }

    void listCreatesTheNamedCatalogFromTheSeed() {
        QVERIFY(!QFileInfo::exists(db_));
        const auto run = cli({QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QFileInfo::exists(db_));
        const QStringList rows = lines(run.out);
        QVERIFY(rows.first().startsWith(QStringLiteral("ID")));
        QVERIFY(rows.size() > 35);
        const auto h100 = rows.filter(QStringLiteral("nvidia-h100-sxm5-80gb"));
        QCOMPARE(h100.size(), 1);
        QVERIFY2(h100.first().contains(QStringLiteral("3.35 TB/s")), qPrintable(h100.first()));
        QVERIFY2(h100.first().contains(QStringLiteral("989.4 TFLOP/s")), qPrintable(h100.first()));
    }

    void listAsJsonIsTheCatalogDocumentWithoutOfferings() {
        const auto run =
            cli({QStringLiteral("list"), QStringLiteral("--kind"), QStringLiteral("tpu"),
                 QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(doc.value(QStringLiteral("format")).toString(),
                 QStringLiteral("accelplan.catalog/1"));
        QCOMPARE(doc.value(QStringLiteral("catalog_version")).toString(),
                 QStringLiteral("2026.11-1"));
        QVERIFY(!doc.contains(QStringLiteral("offerings")));
        const QJsonArray chips = doc.value(QStringLiteral("chips")).toArray();
        QVERIFY(chips.size() >= 5);
        QStringList ids;
        for (const QJsonValue &chip : chips) {
            QCOMPARE(chip[QStringLiteral("kind")].toString(), QStringLiteral("tpu"));
            ids << chip[QStringLiteral("id")].toString();
        }
        QVERIFY(ids.contains(QStringLiteral("google-tpu-v6e")));
    }

    void showPrintsTheChipWithOfferingsAndSources() {
        const auto run = cli({QStringLiteral("show"), QStringLiteral("nvidia-h100-sxm5-80gb")});
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        QVERIFY(text.contains(QStringLiteral("aws/p5.48xlarge")));
        QVERIFY(text.contains(QStringLiteral("$55.04/h")));
        QVERIFY(text.contains(QStringLiteral("450 GB/s per direction")));
        QVERIFY(text.contains(QStringLiteral("sources (")));
        QVERIFY(text.contains(QStringLiteral("https://")));
    }

    void showAsJsonHoldsOneChipItsOfferingsAndSources() {
        const auto run = cli({QStringLiteral("show"), QStringLiteral("google-tpu-v6e"),
                              QStringLiteral("--format=json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        const QJsonArray chips = doc.value(QStringLiteral("chips")).toArray();
        QCOMPARE(chips.size(), 1);
        QVERIFY(!chips[0][QStringLiteral("sources")].toArray().isEmpty());
        const QJsonArray offerings = doc.value(QStringLiteral("offerings")).toArray();
        QVERIFY(!offerings.isEmpty());
        bool contractExample = false;
        for (const QJsonValue &o : offerings) {
            QCOMPARE(o[QStringLiteral("chip")].toString(), QStringLiteral("google-tpu-v6e"));
            contractExample |=
                o[QStringLiteral("instance")].toString() == QLatin1String("ct6e-standard-8t");
        }
        QVERIFY(contractExample);
    }

    void showOfAnUnknownChipIsBadInput() {
        const auto run = cli({QStringLiteral("show"), QStringLiteral("nvidia-h900")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no chip 'nvidia-h900'"), run.err.constData());
    }

    void usageErrorsExitTwo() {
        const QList<QStringList> cases{
            {QStringLiteral("catalog")},
            {QStringLiteral("catalog"), QStringLiteral("frobnicate")},
            {QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--kind"),
             QStringLiteral("fpga")},
            {QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--format"),
             QStringLiteral("csv")},
            {QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--format")},
            {QStringLiteral("catalog"), QStringLiteral("show")},
            {QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("a"),
             QStringLiteral("b")},
            {QStringLiteral("catalog"), QStringLiteral("export")},
            {QStringLiteral("catalog"), QStringLiteral("export"), QStringLiteral("out.xml")},
            {QStringLiteral("catalog"), QStringLiteral("validate"), QStringLiteral("--bogus")},
        };
        for (const QStringList &args : cases) {
            const auto run = test::runCli(args);
            QVERIFY2(run.exitCode == 2, qPrintable(args.join(u' ') + u'\n' + run.err));
            QVERIFY2(run.err.contains("usage:") || run.err.contains(".json or .csv"),
                     run.err.constData());
        }
    }

    void validatePassesOnTheSeed() {
        const auto run = cli({QStringLiteral("validate")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("no problems"));
    }

    void validateListsEveryProblemOfTheDatabase() {
        const QString bad = dir_.filePath(QStringLiteral("bad.sqlite"));
        QCOMPARE(cli({QStringLiteral("list")}, bad).exitCode, 0);
        // Typos a person makes: a bandwidth a thousand times too high, bf16 below fp32.
        execOn(bad, QStringLiteral("UPDATE chips SET memory_bandwidth = 3.35e15 WHERE id = "
                                   "'nvidia-h100-sxm5-80gb'"));
        execOn(bad, QStringLiteral("UPDATE chips SET peak_bf16 = 1e12 WHERE id = 'amd-mi300x'"));
        const auto run = cli({QStringLiteral("validate")}, bad);
        QCOMPARE(run.exitCode, 1);
        const QStringList problems = lines(run.err);
        const auto bandwidth = problems.filter(QStringLiteral("memory_bandwidth_bytes_per_s"));
        QCOMPARE(bandwidth.size(), 1);
        QVERIFY2(bandwidth.first().startsWith(bad + QStringLiteral(": chips[")),
                 qPrintable(bandwidth.first()));
        QVERIFY(bandwidth.first().contains(QStringLiteral("nvidia-h100-sxm5-80gb")));
        QVERIFY(bandwidth.first().contains(QStringLiteral("plausible")));
        QVERIFY(!problems.filter(QStringLiteral("peak_flops.bf16")).isEmpty());
        QVERIFY(problems.last().contains(QStringLiteral("problems")));
    }

    void validateChecksAFileBeforeImport() {
        const QString file = dir_.filePath(QStringLiteral("typo.json"));
        QCOMPARE(cli({QStringLiteral("export"), file}).exitCode, 0);
        QJsonObject doc = QJsonDocument::fromJson(test::readFile(file)).object();
        QJsonArray chips = doc.value(QStringLiteral("chips")).toArray();
        QJsonObject chip = chips[2].toObject();
        chip.insert(QStringLiteral("tdp_watts"), -5);
        chips[2] = chip;
        doc.insert(QStringLiteral("chips"), chips);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(doc).toJson());
        f.close();
        const auto run =
            test::runCli({QStringLiteral("catalog"), QStringLiteral("validate"), file});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith((file + QStringLiteral(": chips[2].tdp_watts: ")).toUtf8()),
                 run.err.constData());
    }

    void exportWritesEveryRequiredChipWithSources() {
        const QString file = dir_.filePath(QStringLiteral("export.json"));
        const auto run = cli({QStringLiteral("export"), file});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(test::readFile(file)).object();
        QCOMPARE(doc.value(QStringLiteral("format")).toString(),
                 QStringLiteral("accelplan.catalog/1"));
        QVERIFY(doc.value(QStringLiteral("offerings")).toArray().size() >= 60);
        for (const QJsonValue &chip : doc.value(QStringLiteral("chips")).toArray())
            QVERIFY2(!chip[QStringLiteral("sources")].toArray().isEmpty(),
                     qPrintable(chip[QStringLiteral("id")].toString()));
    }

    void exportToAnUnwritablePlaceIsBadInput() {
        const auto run = cli({QStringLiteral("export"), QStringLiteral("/nonexistent-dir/x.json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("/nonexistent-dir/x.json"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCatalogCli)
#include "test_catalog_cli.moc"
