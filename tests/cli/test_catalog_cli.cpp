// SPDX-License-Identifier: GPL-3.0-or-later
// `accelplan-cli catalog list|show|export|import|validate`: output, exit status, located
// problems, and the catalog database left as it was whenever a command fails.

#include "helpers/child_process.h"
#include "helpers/test_env.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
        QVERIFY2(q.exec(sql), qPrintable(sql));
    }
    QSqlDatabase::removeDatabase(name);
}

QStringList lines(const QByteArray &text) {
    return QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts);
}

// The data version of the seed the CLI ships with (the seed's own test pins its value).
QString shippedVersion() {
    const QByteArray seed = test::readFile(test::requiredEnv("ACCELPLAN_DATA_DIR") +
                                           QStringLiteral("/catalog/seed.json"));
    return QJsonDocument::fromJson(seed)
        .object()
        .value(QStringLiteral("catalog_version"))
        .toString();
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
        QCOMPARE(doc.value(QStringLiteral("catalog_version")).toString(), shippedVersion());
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

    // Every shipped chip has a TDP and a price; the estimates among them are notes that do not
    // fail the check: a TPU is not sold, so its price is one.
    void validatePassesOnTheSeed() {
        const auto run = cli({QStringLiteral("validate")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("no problems"));
        const QStringList notes = lines(run.out).filter(QStringLiteral("note: "));
        const QStringList tpu = notes.filter(QStringLiteral("google-tpu-v5p"));
        QCOMPARE(tpu.filter(QStringLiteral("price_usd")).size(), 1);
        QVERIFY2(
            tpu.filter(QStringLiteral("price_usd")).first().contains(QStringLiteral("estimate: $")),
            qPrintable(tpu.join(u'\n')));
        QCOMPARE(tpu.filter(QStringLiteral("tdp_watts")).size(), 1);
        // A datasheet value is no estimate.
        QVERIFY(notes.filter(QStringLiteral("intel-gaudi3")).isEmpty());
        QVERIFY(run.out.contains("estimates (TDP or price)"));
    }

    void validateReportsEveryChipWithoutATdpOrAPrice() {
        const QString db = dir_.filePath(QStringLiteral("unpriced.sqlite"));
        QCOMPARE(cli({QStringLiteral("list")}, db).exitCode, 0);
        execOn(db, QStringLiteral("UPDATE chips SET price_usd = NULL, price_usd_low = NULL,"
                                  " price_usd_high = NULL WHERE id = 'nvidia-h100-sxm5-80gb'"));
        execOn(db, QStringLiteral("UPDATE chips SET tdp_watts = NULL, tdp_watts_low = NULL,"
                                  " tdp_watts_high = NULL WHERE id = 'amd-mi300x'"));
        // A range alone is a price.
        execOn(db, QStringLiteral("UPDATE chips SET price_usd = NULL WHERE id = 'intel-gaudi3'"
                                  " AND price_usd_low IS NULL"));
        execOn(db, QStringLiteral("UPDATE chips SET price_usd_low = 15000, price_usd_high = 16000"
                                  " WHERE id = 'intel-gaudi3'"));
        const auto run = cli({QStringLiteral("validate")}, db);
        QCOMPARE(run.exitCode, 1);
        const QStringList problems = lines(run.err);
        const QStringList price = problems.filter(QStringLiteral("no purchase price"));
        QCOMPARE(price.size(), 1);
        QVERIFY2(price.first().contains(QStringLiteral("nvidia-h100-sxm5-80gb")) &&
                     price.first().contains(QStringLiteral(".price_usd")),
                 qPrintable(price.first()));
        const QStringList tdp = problems.filter(QStringLiteral("no TDP"));
        QCOMPARE(tdp.size(), 1);
        QVERIFY(tdp.first().contains(QStringLiteral("amd-mi300x")));
        QVERIFY(problems.last().contains(QStringLiteral("2 problems")));
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
        QStringList ids;
        for (const QJsonValue &chip : doc.value(QStringLiteral("chips")).toArray()) {
            ids << chip[QStringLiteral("id")].toString();
            QVERIFY2(!chip[QStringLiteral("sources")].toArray().isEmpty(), qPrintable(ids.last()));
        }
        // The chip ids the contract says the shipped catalog must contain.
        const QStringList required =
            QStringLiteral(
                "nvidia-v100-sxm2-32gb nvidia-a100-sxm4-40gb nvidia-a100-sxm4-80gb "
                "nvidia-h100-sxm5-80gb nvidia-h100-pcie-80gb nvidia-h800-sxm5-80gb "
                "nvidia-h200-sxm-141gb nvidia-b200 nvidia-gb200 nvidia-l4 nvidia-l40s nvidia-t4 "
                "nvidia-a10g amd-mi250x amd-mi300x amd-mi325x amd-mi355x google-tpu-v4 "
                "google-tpu-v5e "
                "google-tpu-v5p google-tpu-v6e google-tpu-v7 huawei-ascend-910 huawei-ascend-910b "
                "huawei-ascend-910c huawei-ascend-310p huawei-ascend-310 intel-gaudi2 intel-gaudi3 "
                "aws-trainium aws-trainium2 aws-inferentia2 intel-xeon-8480plus amd-epyc-9654 "
                "apple-m4")
                .split(u' ');
        for (const QString &id : required)
            QVERIFY2(ids.contains(id), qPrintable(id));
    }

    void exportThenImportGivesTheSameCatalog() {
        const QString db = dir_.filePath(QStringLiteral("roundtrip.sqlite"));
        const QString first = dir_.filePath(QStringLiteral("first.json"));
        const QString second = dir_.filePath(QStringLiteral("second.json"));
        QCOMPARE(cli({QStringLiteral("export"), first}).exitCode, 0);
        // Into a catalog holding something else entirely, replacing it.
        QCOMPARE(cli({QStringLiteral("list")}, db).exitCode, 0);
        execOn(db, QStringLiteral("DELETE FROM chips WHERE kind = 'gpu'"));
        const auto imported =
            cli({QStringLiteral("import"), first, QStringLiteral("--replace")}, db);
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY2(imported.out.contains("added"), imported.out.constData());
        QCOMPARE(cli({QStringLiteral("export"), second}, db).exitCode, 0);
        QCOMPARE(test::readFile(second), test::readFile(first));
    }

    void csvExportThenImportGivesTheSameCatalog() {
        const QString db = dir_.filePath(QStringLiteral("csv-roundtrip.sqlite"));
        const QString csv = dir_.filePath(QStringLiteral("catalog.csv"));
        const QString json = dir_.filePath(QStringLiteral("from-csv.json"));
        const QString reference = dir_.filePath(QStringLiteral("reference.json"));
        QCOMPARE(cli({QStringLiteral("export"), csv}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("export"), reference}).exitCode, 0);
        QVERIFY(test::readFile(csv).startsWith("format,accelplan.catalog/1\n"));
        QCOMPARE(cli({QStringLiteral("list")}, db).exitCode, 0);
        execOn(db, QStringLiteral("DELETE FROM chips WHERE kind <> 'tpu'"));
        execOn(db, QStringLiteral("UPDATE chips SET notes = 'changed'"));
        const auto imported = cli({QStringLiteral("import"), csv, QStringLiteral("--replace")}, db);
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QCOMPARE(cli({QStringLiteral("export"), json}, db).exitCode, 0);
        QCOMPARE(test::readFile(json), test::readFile(reference));
    }

    void aBadCsvImportIsLocatedByLineAndColumnAndChangesNothing() {
        const QString db = dir_.filePath(QStringLiteral("csv-unchanged.sqlite"));
        QCOMPARE(cli({QStringLiteral("list")}, db).exitCode, 0);
        const QString csv = dir_.filePath(QStringLiteral("bad.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("format,accelplan.catalog/1\n"
                "[chips]\n"
                "id,vendor,name,kind,tdp_watts\n"
                "example-a,Example,A,npu,75\n"
                "example-b,Example,B,npu,seventy\n"  // line 5: not a power
                "example-a,Example,A again,npu,80\n" // line 6: the id again
                "[offerings]\n"
                "chip,provider,instance,chips_per_instance,usd_per_hour.on-demand\n"
                "nvidia-h900,example-cloud,x1,1,2.5\n"); // line 9: no such chip
        f.close();
        const QByteArray before = test::readFile(db);
        const auto typeErrors = cli({QStringLiteral("import"), csv}, db);
        QCOMPARE(typeErrors.exitCode, 1);
        QVERIFY2(
            typeErrors.err.contains((csv + QStringLiteral(":5:25: tdp_watts: 'seventy'")).toUtf8()),
            typeErrors.err.constData());
        QCOMPARE(test::readFile(db), before);

        // With the type fixed, the rules find the duplicate id and the unknown chip.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("format,accelplan.catalog/1\n"
                "[chips]\n"
                "id,vendor,name,kind,tdp_watts\n"
                "example-a,Example,A,npu,75\n"
                "example-b,Example,B,npu,70 W\n"
                "example-a,Example,A again,npu,80\n"
                "[offerings]\n"
                "chip,provider,instance,chips_per_instance,usd_per_hour.on-demand\n"
                "nvidia-h900,example-cloud,x1,1,2.5\n");
        f.close();
        const auto ruleErrors = cli({QStringLiteral("import"), csv}, db);
        QCOMPARE(ruleErrors.exitCode, 1);
        QVERIFY2(
            ruleErrors.err.contains(
                (csv + QStringLiteral(":6:1: id: 'example-a' is used by another chip")).toUtf8()),
            ruleErrors.err.constData());
        QVERIFY2(ruleErrors.err.contains(
                     (csv + QStringLiteral(":9:1: chip: 'nvidia-h900' is not a chip")).toUtf8()),
                 ruleErrors.err.constData());
        QCOMPARE(test::readFile(db), before);
    }

    void importMergesByDefaultAndReplacesOnRequest() {
        const QString db = dir_.filePath(QStringLiteral("merge.sqlite"));
        QCOMPARE(cli({QStringLiteral("list")}, db).exitCode, 0);
        const QString file = dir_.filePath(QStringLiteral("one-chip.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "accelplan.catalog/1", "catalog_version": "mine",
                   "chips": [{"id": "example-npu", "vendor": "Example", "name": "NPU 1",
                              "kind": "npu", "memory_bytes": "64 GB",
                              "memory_bandwidth_bytes_per_s": "2 TB/s",
                              "peak_flops": {"bf16": "400 TFLOP/s"}}],
                   "offerings": [{"chip": "nvidia-h100-sxm5-80gb", "provider": "example-cloud",
                                  "instance": "h100-1x", "chips_per_instance": 1,
                                  "usd_per_hour": {"on-demand": "$2.10/h"}}]})");
        f.close();
        const auto merged = cli({QStringLiteral("import"), file}, db);
        QVERIFY2(merged.exitCode == 0, merged.err.constData());
        const auto show = cli({QStringLiteral("show"), QStringLiteral("example-npu"),
                               QStringLiteral("--format"), QStringLiteral("json")},
                              db);
        QCOMPARE(show.exitCode, 0);
        const QJsonObject chip =
            QJsonDocument::fromJson(show.out).object()[QStringLiteral("chips")][0].toObject();
        QCOMPARE(chip[QStringLiteral("memory_bandwidth_bytes_per_s")].toDouble(), 2e12);
        QCOMPARE(chip[QStringLiteral("provenance")].toString(), QStringLiteral("user-added"));
        QCOMPARE(cli({QStringLiteral("show"), QStringLiteral("google-tpu-v6e")}, db).exitCode, 0);

        // --replace: an offering of a chip the file lacks is refused, and nothing changes.
        const QByteArray before = test::readFile(db);
        const auto refused = cli({QStringLiteral("import"), file, QStringLiteral("--replace")}, db);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("offerings[0].chip: 'nvidia-h100-sxm5-80gb' is not a chip"),
                 refused.err.constData());
        QCOMPARE(test::readFile(db), before);
    }

    void aBadImportNamesEveryProblemAndChangesNothing_data() {
        QTest::addColumn<QString>("edit");    // what is done to the exported document
        QTest::addColumn<QString>("message"); // a line stderr must hold
        QTest::newRow("wrong type") << QStringLiteral("chips[3].memory_bytes=true")
                                    << QStringLiteral(": chips[3].memory_bytes: must be a number");
        QTest::newRow("unknown chip")
            << QStringLiteral("offerings[5].chip=nvidia-h900")
            << QStringLiteral(": offerings[5].chip: 'nvidia-h900' is not a chip of the catalog");
        QTest::newRow("duplicate id")
            << QStringLiteral("chips[4].id=google-tpu-v6e")
            << QStringLiteral("'google-tpu-v6e' is used by another chip: ids must be unique");
        QTest::newRow("implausible value")
            << QStringLiteral("chips[2].memory_bandwidth_bytes_per_s=3.35e18")
            << QStringLiteral(": chips[2].memory_bandwidth_bytes_per_s: ");
    }

    void aBadImportNamesEveryProblemAndChangesNothing() {
        QFETCH(QString, edit);
        QFETCH(QString, message);
        const QString db = dir_.filePath(QStringLiteral("unchanged.sqlite"));
        if (!QFileInfo::exists(db))
            QCOMPARE(cli({QStringLiteral("list")}, db).exitCode, 0);
        const QString file = dir_.filePath(QStringLiteral("bad.json"));
        QCOMPARE(cli({QStringLiteral("export"), file}, db).exitCode, 0);

        // "chips[3].memory_bytes=true": set one member of one record.
        const QRegularExpression pattern(QStringLiteral("^(\\w+)\\[(\\d+)\\]\\.(\\w+)=(.*)$"));
        const auto m = pattern.match(edit);
        QVERIFY(m.hasMatch());
        QJsonObject doc = QJsonDocument::fromJson(test::readFile(file)).object();
        QJsonArray list = doc.value(m.captured(1)).toArray();
        QJsonObject record = list[m.captured(2).toInt()].toObject();
        bool isNumber = false;
        const double number = m.captured(4).toDouble(&isNumber);
        record.insert(m.captured(3), m.captured(4) == QLatin1String("true") ? QJsonValue(true)
                                     : isNumber                             ? QJsonValue(number)
                                                : QJsonValue(m.captured(4)));
        list[m.captured(2).toInt()] = record;
        doc.insert(m.captured(1), list);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(doc).toJson());
        f.close();

        const QByteArray before = test::readFile(db);
        const auto run = cli({QStringLiteral("import"), file, QStringLiteral("--replace")}, db);
        QCOMPARE(run.exitCode, 1);
        const QStringList problems = lines(run.err);
        QVERIFY2(!problems.filter(message).isEmpty(), run.err.constData());
        for (const QString &line : problems)
            QVERIFY2(line.startsWith(file + QStringLiteral(": ")), qPrintable(line));
        QVERIFY(problems.last().contains(QStringLiteral("nothing was imported")));
        QCOMPARE(test::readFile(db), before);
    }

    void importOfANonCatalogFileIsBadInput() {
        const QString file = dir_.filePath(QStringLiteral("scenario.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "accelplan.scenario/1"})");
        f.close();
        const auto run = cli({QStringLiteral("import"), file});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("format"), run.err.constData());
        const auto missing =
            cli({QStringLiteral("import"), dir_.filePath(QStringLiteral("no.json"))});
        QCOMPARE(missing.exitCode, 1);
    }

    void aNewerShippedSeedIsMergedKeepingTheUsersEdit() {
        const QString db = dir_.filePath(QStringLiteral("merge-seed.sqlite"));
        const QString mine = dir_.filePath(QStringLiteral("my-edit.json"));
        QCOMPARE(cli({QStringLiteral("export"), mine}, db).exitCode, 0);
        // The user sets the H100's TDP.
        QJsonObject doc = QJsonDocument::fromJson(test::readFile(mine)).object();
        auto setTdp = [](QJsonObject &d, double watts) {
            QJsonArray chips = d.value(QStringLiteral("chips")).toArray();
            for (qsizetype i = 0; i < chips.size(); ++i) {
                QJsonObject chip = chips[i].toObject();
                if (chip[QStringLiteral("id")] == QLatin1String("nvidia-h100-sxm5-80gb"))
                    chip.insert(QStringLiteral("tdp_watts"), watts);
                chips[i] = chip;
            }
            d.insert(QStringLiteral("chips"), chips);
        };
        QJsonObject edited = doc;
        setTdp(edited, 650);
        QFile f(mine);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(edited).toJson());
        f.close();
        QCOMPARE(cli({QStringLiteral("import"), mine}, db).exitCode, 0);

        // A newer AccelPlan ships a newer seed, with another TDP and a new chip.
        QTemporaryDir shipped;
        QVERIFY(QDir(shipped.path()).mkpath(QStringLiteral("catalog")));
        QJsonObject newer = doc;
        newer.insert(QStringLiteral("catalog_version"), QStringLiteral("2027.02-1"));
        setTdp(newer, 720);
        QJsonArray chips = newer.value(QStringLiteral("chips")).toArray();
        QJsonObject added = chips[0].toObject();
        added.insert(QStringLiteral("id"), QStringLiteral("example-next-chip"));
        chips.append(added);
        newer.insert(QStringLiteral("chips"), chips);
        QFile seed(shipped.filePath(QStringLiteral("catalog/seed.json")));
        QVERIFY(seed.open(QIODevice::WriteOnly));
        seed.write(QJsonDocument(newer).toJson());
        seed.close();
        const QByteArray previous = qgetenv("ACCELPLAN_DATA_DIR");
        qputenv("ACCELPLAN_DATA_DIR", shipped.path().toUtf8());
        const auto run = cli({QStringLiteral("show"), QStringLiteral("nvidia-h100-sxm5-80gb"),
                              QStringLiteral("--format"), QStringLiteral("json")},
                             db);
        const auto list = cli({QStringLiteral("list"), QStringLiteral("--format=json")}, db);
        qputenv("ACCELPLAN_DATA_DIR", previous);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("merged the newer shipped catalog 2027.02-1"),
                 run.err.constData());
        QVERIFY(QFileInfo::exists(db + QStringLiteral(".data-%1.backup").arg(shippedVersion())));
        const QJsonObject h100 =
            QJsonDocument::fromJson(run.out).object()[QStringLiteral("chips")][0].toObject();
        QCOMPARE(h100[QStringLiteral("tdp_watts")].toDouble(), 650.0);
        QCOMPARE(h100[QStringLiteral("provenance")].toString(), QStringLiteral("user-modified"));
        QVERIFY(list.out.contains("example-next-chip"));
        QVERIFY2(list.err.isEmpty(), list.err.constData()); // merged once only
    }

    void aDamagedCatalogIsRefusedAndNotOverwritten_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated") << QStringLiteral("truncated") << QStringLiteral("cut short");
        QTest::newRow("garbage") << QStringLiteral("garbage")
                                 << QStringLiteral("not an SQLite database");
        QTest::newRow("not accelplan")
            << QStringLiteral("other") << QStringLiteral("not an AccelPlan catalog");
    }
    void aDamagedCatalogIsRefusedAndNotOverwritten() {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("damaged.sqlite"));
        if (kind == QLatin1String("truncated")) {
            QCOMPARE(cli({QStringLiteral("list")}, db).exitCode, 0);
            const QByteArray whole = test::readFile(db);
            test::writeFile(dir, QStringLiteral("damaged.sqlite"), whole.left(whole.size() / 3));
        } else if (kind == QLatin1String("garbage")) {
            test::writeFile(dir, QStringLiteral("damaged.sqlite"), QByteArray(10000, '\x5a'));
        } else {
            execOn(db, QStringLiteral("CREATE TABLE notes (text TEXT)"));
        }
        const QString file = dir.filePath(QStringLiteral("in.json"));
        QCOMPARE(cli({QStringLiteral("export"), file}).exitCode, 0);
        const QByteArray before = test::readFile(db);
        for (const QStringList &args :
             {QStringList{QStringLiteral("list")}, QStringList{QStringLiteral("validate")},
              QStringList{QStringLiteral("import"), file}}) {
            const auto run = cli(args, db);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(message.toUtf8()) && run.err.contains(db.toUtf8()),
                     run.err.constData());
            QCOMPARE(test::readFile(db), before);
        }
    }

    void aCatalogLockedByAnotherProgramIsNotImportedInto() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("locked.sqlite"));
        const QString file = dir.filePath(QStringLiteral("in.json"));
        QCOMPARE(cli({QStringLiteral("export"), file}, db).exitCode, 0);
        QByteArray doc = test::readFile(file);
        doc.replace("\"provenance\": \"shipped\"", "\"notes\": \"x\", \"provenance\": \"shipped\"");
        test::writeFile(dir, QStringLiteral("in.json"), doc);
        {
            QSqlDatabase other =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
            other.setDatabaseName(db);
            QVERIFY(other.open());
            QSqlQuery lock(other);
            QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
            const auto run = cli({QStringLiteral("import"), file}, db);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains("locked by another program"), run.err.constData());
            // Reading is not blocked.
            QCOMPARE(cli({QStringLiteral("list")}, db).exitCode, 0);
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        const auto run = cli({QStringLiteral("import"), file}, db);
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    // A trigger planted in a catalog ran during an import, deleting every offering, while the
    // summary reported one chip changed. Such a catalog is refused before anything runs.
    void aCatalogWithATriggerIsNotImportedInto() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("planted.sqlite"));
        const QString file = dir.filePath(QStringLiteral("in.json"));
        QCOMPARE(cli({QStringLiteral("export"), file}, db).exitCode, 0);
        QByteArray doc = test::readFile(file);
        const qsizetype first = doc.indexOf("\"provenance\": \"shipped\"");
        QVERIFY(first > 0);
        doc.insert(first, "\"notes\": \"changed\", ");
        test::writeFile(dir, QStringLiteral("in.json"), doc);
        execOn(db, QStringLiteral("CREATE TRIGGER wipe AFTER UPDATE ON chips BEGIN DELETE FROM "
                                  "offerings; END"));
        execOn(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        const QByteArray before = test::readFile(db);
        const auto run = cli({QStringLiteral("import"), file}, db);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("it has a trigger 'wipe' on 'chips'"), run.err.constData());
        QVERIFY2(run.out.isEmpty(), run.out.constData());
        QCOMPARE(test::readFile(db), before);
    }

    void aReadOnlyCatalogIsListedButNeverWritten() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("ro.sqlite"));
        const QString file = dir.filePath(QStringLiteral("edit.json"));
        QCOMPARE(cli({QStringLiteral("export"), file}, db).exitCode, 0);
        QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                              QFileDevice::ReadOther));
        QVERIFY(QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                                QFileDevice::ReadOther));
        test::openToEveryone(dir.path(), false);
        const QByteArray before = test::readFile(db);
        // Root ignores permissions: the CLI then runs as an unprivileged user.
        auto run = [&](const QStringList &args) {
            QProcess p;
            QStringList command = QStringList{QStringLiteral("catalog")} + args +
                                  QStringList{QStringLiteral("--catalog"), db};
            if (geteuid() == 0) {
                command.prepend(test::requiredEnv("ACCELPLAN_CLI"));
                command = QStringList{QStringLiteral("--reuid=%1").arg(test::kUnprivilegedId),
                                      QStringLiteral("--regid=%1").arg(test::kUnprivilegedId),
                                      QStringLiteral("--clear-groups")} +
                          command;
                p.start(QStringLiteral("setpriv"), command);
            } else {
                p.start(test::requiredEnv("ACCELPLAN_CLI"), command);
            }
            p.waitForFinished(60000);
            return test::CliRun{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                                p.readAllStandardOutput(), p.readAllStandardError()};
        };
        const auto list = run({QStringLiteral("list")});
        if (list.exitCode == -1 || list.err.contains("setpriv"))
            QSKIP("cannot run the CLI as an unprivileged user here");
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QVERIFY(list.out.contains("nvidia-h100-sxm5-80gb"));
        const auto imported = run({QStringLiteral("import"), file});
        QCOMPARE(imported.exitCode, 1);
        QVERIFY2(imported.err.contains("read-only"), imported.err.constData());
        QCOMPARE(test::readFile(db), before);
        test::openToEveryone(dir.path(), true);
    }

    void exportToAnUnwritablePlaceIsBadInput() {
        const auto run = cli({QStringLiteral("export"), QStringLiteral("/nonexistent-dir/x.json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("/nonexistent-dir/x.json"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCatalogCli)
#include "test_catalog_cli.moc"
