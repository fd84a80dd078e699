// SPDX-License-Identifier: GPL-3.0-or-later
// accelplan-cli compare: every chip of the catalog at its best count, in the result document,
// ranked; consistent with evaluate at the same count; usage errors exit 2, bad input 1.

#include "helpers/test_env.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

using namespace accelplan::test;

namespace {

QByteArray fineTune() {
    return R"({
  "format": "accelplan.scenario/1",
  "name": "Llama 3.1 8B fine-tune",
  "workload": { "model": "llama-3.1-8b" },
  "training": { "tokens": 5e9, "seq_len": 4096, "global_batch": 256, "precision": "bf16" },
  "candidates": [
    { "chip": "nvidia-h100-sxm5-80gb", "count": 8 },
    { "chip": "google-tpu-v6e", "count": 8, "offering": "gcp/ct6e-standard-8t" }
  ]
})";
}

QJsonObject parsed(const CliRun &run) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("stdout is not JSON (%s); stderr: %s", qPrintable(error.errorString()),
                 run.err.constData());
    return doc.object();
}

} // namespace

class TestCliCompare : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString catalog_;
    QString scenario_;

    CliRun compare(const QStringList &options) {
        return runCli(QStringList{QStringLiteral("compare"), scenario_, QStringLiteral("--catalog"),
                                  catalog_, QStringLiteral("--format"), QStringLiteral("json")} +
                      options);
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        catalog_ = dir_.filePath(QStringLiteral("catalog.sqlite"));
        scenario_ = writeFile(dir_, QStringLiteral("fine-tune.json"), fineTune());
    }

    void everyChipAtItsBestCount() {
        const CliRun run = compare({QStringLiteral("--all-chips")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = parsed(run);
        QCOMPARE(doc.value(u"format").toString(), QStringLiteral("accelplan.result/1"));
        QCOMPARE(doc.value(u"max_chips").toInt(), 4096);
        const QJsonArray results = doc.value(u"results").toArray();
        QSet<QString> chips;
        for (const QJsonValue &v : results) {
            const QJsonObject r = v.toObject();
            chips.insert(r.value(u"chip").toString());
            QVERIFY(r.value(u"count").toInt() >= 1);
            QVERIFY(r.value(u"count").toInt() <= 4096);
            QVERIFY(r.value(u"training").toObject().value(u"fits").isBool());
            QVERIFY(r.value(u"problems").isArray());
        }
        QCOMPARE(chips.size(), results.size()); // each chip once
        for (const char16_t *id :
             {u"nvidia-h100-sxm5-80gb", u"amd-mi300x", u"google-tpu-v6e", u"huawei-ascend-910b",
              u"intel-gaudi3", u"aws-trainium2", u"apple-m4"})
            QVERIFY2(chips.contains(QString::fromUtf16(id)), qPrintable(QString::fromUtf16(id)));
        const QJsonObject rec = doc.value(u"recommendation").toObject();
        QCOMPARE(rec.value(u"ranking").toArray().size(), results.size());
        QVERIFY(rec.value(u"winner").isDouble());
        QVERIFY(rec.value(u"why").toString().contains(u" is the cheapest"));
    }

    void theLimitHolds() {
        const CliRun run = compare(
            {QStringLiteral("--all-chips"), QStringLiteral("--max-chips"), QStringLiteral("24")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = parsed(run);
        QCOMPARE(doc.value(u"max_chips").toInt(), 24);
        for (const QJsonValue &v : doc.value(u"results").toArray())
            QVERIFY(v.toObject().value(u"count").toInt() <= 24);
    }

    // The winner's numbers are what evaluate gives for that chip at that count.
    void sameNumbersAsEvaluate() {
        const QJsonObject doc = parsed(compare({QStringLiteral("--all-chips")}));
        const QJsonArray results = doc.value(u"results").toArray();
        const QJsonObject winner =
            results.at(doc.value(u"recommendation").toObject().value(u"winner").toInt()).toObject();
        QByteArray single = fineTune();
        const qsizetype from = single.indexOf("\"candidates\"");
        single = single.left(from) + "\"candidates\": [ { \"chip\": \"" +
                 winner.value(u"chip").toString().toUtf8() +
                 "\", \"count\": " + QByteArray::number(winner.value(u"count").toInt()) + " } ] }";
        const QString path = writeFile(dir_, QStringLiteral("winner.json"), single);
        const CliRun run = runCli({QStringLiteral("evaluate"), path, QStringLiteral("--catalog"),
                                   catalog_, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject evaluated = parsed(run).value(u"results").toArray().at(0).toObject();
        QCOMPARE(evaluated.value(u"offering"), winner.value(u"offering"));
        const QJsonObject a = evaluated.value(u"training").toObject();
        const QJsonObject b = winner.value(u"training").toObject();
        for (const char16_t *key : {u"time_to_train_s", u"cost_usd", u"mfu"})
            QCOMPARE(a.value(key).toDouble(), b.value(key).toDouble());
    }

    void withoutAllChipsTheScenariosChips() {
        const CliRun run = compare({QStringLiteral("--max-chips=64")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray results = parsed(run).value(u"results").toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(u"chip").toString(),
                 QStringLiteral("nvidia-h100-sxm5-80gb"));
        QCOMPARE(results.at(1).toObject().value(u"offering").toString(),
                 QStringLiteral("gcp/ct6e-standard-8t"));
    }

    // The filters pick among every chip; each result passes all of them.
    void filtersNarrowTheChips() {
        const auto chipsOf = [this](const QStringList &filters) {
            const CliRun run = compare(
                QStringList{QStringLiteral("--all-chips"), QStringLiteral("--max-chips=64")} +
                filters);
            QStringList ids;
            if (run.exitCode != 0)
                qWarning("exit %d: %s", run.exitCode, run.err.constData());
            for (const QJsonValue &v : parsed(run).value(u"results").toArray())
                ids << v.toObject().value(u"chip").toString();
            return ids;
        };
        const QStringList tpus = chipsOf({QStringLiteral("--kind"), QStringLiteral("tpu")});
        QVERIFY(tpus.size() >= 3);
        for (const QString &id : tpus)
            QVERIFY2(id.startsWith(u"google-tpu"), qPrintable(id));
        const QStringList huawei = chipsOf({QStringLiteral("--vendor=huawei")});
        QVERIFY(!huawei.isEmpty());
        QCOMPARE(chipsOf({QStringLiteral("--ecosystem"), QStringLiteral("CANN")}), huawei);
        const QStringList gcpGpus = chipsOf({QStringLiteral("--provider"), QStringLiteral("gcp"),
                                             QStringLiteral("--kind"), QStringLiteral("gpu")});
        QVERIFY(gcpGpus.contains(QStringLiteral("nvidia-h100-sxm5-80gb")));
        for (const QString &id : gcpGpus)
            QVERIFY2(!id.contains(u"tpu") && !id.startsWith(u"huawei"), qPrintable(id));
        const QStringList edge = chipsOf({QStringLiteral("--class"), QStringLiteral("edge")});
        QVERIFY(!edge.isEmpty());
        QVERIFY(!edge.contains(QStringLiteral("nvidia-h100-sxm5-80gb")));

        const CliRun none = compare(
            {QStringLiteral("--all-chips"), QStringLiteral("--vendor"), QStringLiteral("Acme")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains("fine-tune.json: no chip of the catalog passes the filters"),
                 none.err.constData());
    }

    void tableAndCsv() {
        const CliRun table =
            runCli({QStringLiteral("compare"), scenario_, QStringLiteral("--all-chips"),
                    QStringLiteral("--catalog"), catalog_, QStringLiteral("--format"),
                    QStringLiteral("table")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("Recommendation (cheapest, training)"));
        const CliRun csv = runCli({QStringLiteral("compare"), scenario_,
                                   QStringLiteral("--all-chips"), QStringLiteral("--catalog"),
                                   catalog_, QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY(csv.out.startsWith("chip,count,offering,training_fits"));
    }

    void badInput() {
        QByteArray unknown = fineTune();
        unknown.replace("\"google-tpu-v6e\"", "\"foo\"");
        const QString path = writeFile(dir_, QStringLiteral("unknown.json"), unknown);
        const CliRun run =
            runCli({QStringLiteral("compare"), path, QStringLiteral("--catalog"), catalog_});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("unknown.json: candidates[1].chip: unknown chip 'foo'"),
                 run.err.constData());
        // With --all-chips the scenario's own candidates are not used, so not checked.
        const CliRun all = runCli({QStringLiteral("compare"), path, QStringLiteral("--all-chips"),
                                   QStringLiteral("--catalog"), catalog_,
                                   QStringLiteral("--max-chips"), QStringLiteral("8")});
        QCOMPARE(all.exitCode, 0);
        const QString broken = writeFile(dir_, QStringLiteral("broken.json"), "{ \"format\": 3 }");
        const CliRun bad = runCli({QStringLiteral("compare"), broken, QStringLiteral("--all-chips"),
                                   QStringLiteral("--catalog"), catalog_});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains("broken.json: format: "));
    }

    void usageErrors() {
        const QList<QStringList> cases{
            {QStringLiteral("compare")},
            {QStringLiteral("compare"), QStringLiteral("--all-chips")},
            {QStringLiteral("compare"), scenario_, QStringLiteral("--all-chips"),
             QStringLiteral("--max-chips"), QStringLiteral("0")},
            {QStringLiteral("compare"), scenario_, QStringLiteral("--all-chips"),
             QStringLiteral("--max-chips"), QStringLiteral("many")},
            {QStringLiteral("compare"), scenario_, QStringLiteral("--all-chips"),
             QStringLiteral("--max-chips")},
            {QStringLiteral("compare"), scenario_, QStringLiteral("--every-chip")},
            {QStringLiteral("compare"), scenario_, QStringLiteral("--all-chips=yes")},
            {QStringLiteral("compare"), scenario_, QStringLiteral("--all-chips"),
             QStringLiteral("--kind"), QStringLiteral("fpga")},
            {QStringLiteral("compare"), scenario_, QStringLiteral("--all-chips"),
             QStringLiteral("--class=cloud")},
            {QStringLiteral("compare"), scenario_, QStringLiteral("--kind"), QStringLiteral("gpu")},
        };
        for (const QStringList &args : cases) {
            const CliRun run = runCli(args);
            QVERIFY2(run.exitCode == 2, qPrintable(args.join(u' ')));
            QVERIFY(run.out.isEmpty());
            QVERIFY(run.err.contains("usage: accelplan-cli compare"));
        }
        const CliRun help = runCli({QStringLiteral("compare"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--max-chips N"));
        QVERIFY(help.out.contains("--provider P"));
        const CliRun fpga = runCli({QStringLiteral("compare"), scenario_,
                                    QStringLiteral("--all-chips"), QStringLiteral("--kind=fpga")});
        QVERIFY2(fpga.err.contains("--kind does not take 'fpga'"), fpga.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCompare)
#include "test_compare.moc"
