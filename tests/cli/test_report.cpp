// SPDX-License-Identifier: GPL-3.0-or-later
// `accelplan-cli report`: the PDF exists, has its pages, and says what `evaluate` computes.
// Checked with poppler's pdfinfo and pdftotext, as a reader's tools would see the file.

#include "helpers/test_env.h"

#include "catalog/catalog_store.h"
#include "evaluation/evaluate.h"
#include "hardware/serving_runtime.h"
#include "inference/decoding.h"
#include "io/scenario_json.h"
#include "plan/analysis.h"
#include "report/report_text.h"
#include "support/qt_text.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

using namespace accelplan;
using accelplan::test::runCli;

namespace {

const QByteArray kContractScenario = R"({
  "format": "accelplan.scenario/1",
  "name": "Llama 3.1 70B: fine-tune and serve",
  "workload": { "model": "llama-3.1-70b" },
  "training": { "tokens": 2.0e10, "seq_len": 8192, "global_batch": 512, "precision": "bf16",
                "method": "full", "optimizer": "adamw" },
  "inference": { "precision": "fp8", "input_tokens": 2048, "output_tokens": 256,
                 "mode": "offline", "slo": { "ttft_s": 2.0, "tpot_s": 0.1 } },
  "candidates": [
    { "chip": "nvidia-h100-sxm5-80gb", "count": 64 },
    { "chip": "google-tpu-v6e", "count": 64 },
    { "chip": "huawei-ascend-910b", "count": 64, "parallelism": { "tp": 8, "pp": 2, "dp": 4 } }
  ],
  "costs": { "pricing": "on-demand", "electricity_usd_per_kwh": 0.10, "pue": 1.3,
             "grid_kgco2_per_kwh": 0.40, "amortization_years": 4 }
})";

// A preset whose benchmark decodes with beam search: the assumptions say so.
const QByteArray kGptJScenario = R"({
  "format": "accelplan.scenario/1",
  "name": "GPT-J 6B summaries",
  "workload": { "model": "gpt-j-6b" },
  "inference": { "precision": "fp8", "input_tokens": 780, "output_tokens": 69, "mode": "offline" },
  "candidates": [ { "chip": "nvidia-h100-sxm5-80gb", "count": 1 } ]
})";

struct Ran {
    int exitCode = -1;
    QString out, err;
};

Ran runTool(const QString &program, const QStringList &args) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        qFatal("%s did not finish", qPrintable(program));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString run(const QString &program, const QStringList &args) { return runTool(program, args).out; }

// The file as two readers see it: qpdf's structure check, and poppler drawing every page
// (which says what it cannot draw, such as a path closed with no current point).
void checkPdfSyntax(const QString &pdf, const QString &folder) {
    if (!QStandardPaths::findExecutable(QStringLiteral("qpdf")).isEmpty()) {
        const Ran qpdf = runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), pdf});
        QVERIFY2(qpdf.exitCode == 0, qPrintable(qpdf.out + qpdf.err));
    }
    const Ran drawn = runTool(QStringLiteral("pdftoppm"),
                              {QStringLiteral("-r"), QStringLiteral("8"), QStringLiteral("-png"),
                               pdf, QDir(folder).filePath(QStringLiteral("page"))});
    QCOMPARE(drawn.exitCode, 0);
    QVERIFY2(drawn.err.isEmpty(), qPrintable(drawn.err));
}

// pdftotext breaks table cells over lines; compare without any white space.
QString squeezed(QString text) { return text.remove(QRegularExpression(QStringLiteral("\\s+"))); }

int pageCount(const QString &pdf) {
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                                          .match(run(QStringLiteral("pdfinfo"), {pdf}));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

} // namespace

class TestCliReport : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString catalog_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        catalog_ = dir_.filePath(QStringLiteral("catalog.sqlite"));
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("poppler-utils is not installed (scripts/dev deps installs it)");
    }

    // The contract's example, then every example scenario the app ships.
    void reportSaysWhatEvaluateComputes_data() {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("contract example")
            << test::writeFile(dir_, QStringLiteral("llama.json"), kContractScenario);
        QTest::newRow("gpt-j preset")
            << test::writeFile(dir_, QStringLiteral("gpt-j.json"), kGptJScenario);
        const QDir examples(test::requiredEnv("ACCELPLAN_DATA_DIR") + QStringLiteral("/examples"));
        const QStringList files =
            examples.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(),
                 qPrintable(examples.path() + QStringLiteral(" holds no examples")));
        for (qsizetype i = 0; i < files.size(); ++i) {
#ifdef ACCELPLAN_SANITIZED_BUILD
            // Under the sanitizers every third example: they all take the same rendering paths,
            // each costs some 20 s there, and the optimised build checks every one of them.
            if (i % 3 != 0)
                continue;
#endif
            QTest::newRow(qPrintable(files[i])) << examples.filePath(files[i]);
        }
    }

    void reportSaysWhatEvaluateComputes() {
        QFETCH(QString, scenario);
        const QString pdf =
            dir_.filePath(QFileInfo(scenario).completeBaseName() + QStringLiteral(".pdf"));
        const auto cli = runCli({QStringLiteral("report"), scenario, QStringLiteral("-o"), pdf,
                                 QStringLiteral("--catalog"), catalog_});
        QCOMPARE(cli.exitCode, 0);
        QVERIFY2(!cli.err.contains("accelplan-cli"), cli.err.constData());
        QVERIFY(pageCount(pdf) >= 8);

        const QString text = squeezed(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}));
        QString error;
        const auto catalog = data::loadCatalog(catalog_, &error);
        QVERIFY2(catalog, qPrintable(error));
        const auto read = data::readScenarioFile(scenario);
        QVERIFY(read.scenario);
        const Evaluation evaluation = evaluate(*read.scenario, *catalog);
        QVERIFY(text.contains(squeezed(QString::fromStdString(read.scenario->name))));
        QVERIFY(text.contains(squeezed(QString::fromStdString(catalog->dataVersion))));
        for (const CandidateResult &r : evaluation.results) {
            const QString label = ui::report::candidateLabel(*catalog, r);
            QVERIFY2(text.contains(squeezed(label)), qPrintable(label));
            if (r.training && r.training->fits) {
                const QString time = ui::report::fmt(r.training->timeToTrain.nominal);
                QVERIFY2(text.contains(squeezed(time)),
                         qPrintable(label + QStringLiteral(": ") + time));
                if (r.spend && r.spend->fleetRate) {
                    const QString cost = ui::report::fmt(r.training->cost);
                    QVERIFY2(text.contains(squeezed(cost)),
                             qPrintable(label + QStringLiteral(": ") + cost));
                }
            }
            if (r.inference && r.inference->fits) {
                const QString ttft = ui::report::fmt(r.inference->ttft);
                QVERIFY2(text.contains(squeezed(ttft)),
                         qPrintable(label + QStringLiteral(": ") + ttft));
                // Which software serves it, chosen or assumed (a label and its value are in
                // separate columns of the text).
                if (!r.inference->runtime.empty()) {
                    QVERIFY(text.contains(QStringLiteral("Servingruntime")));
                    const QString runtime =
                        squeezed(data::qs(servingRuntimeName(r.inference->runtime)));
                    QVERIFY2(text.contains(runtime),
                             qPrintable(label + QStringLiteral(": ") + runtime));
                }
            }
        }
        // The charts are drawn as vectors, so their axis titles are text: the time and cost
        // chart's, the sensitivity's, and the growth plan's when the scenario has one.
        if (read.scenario->training)
            QVERIFY(text.contains(QStringLiteral("Timetotrain(")));
        const bool anyRuns = std::any_of(
            evaluation.results.begin(), evaluation.results.end(), [](const CandidateResult &r) {
                return (r.training && r.training->fits) || (r.inference && r.inference->fits);
            });
        if (anyRuns)
            QVERIFY(text.contains(QRegularExpression(QStringLiteral("Changein(cost|time)from"))));
        if (read.scenario->growth) {
            QVERIFY(text.contains(QStringLiteral("Chipsneeded")));
            QVERIFY(text.contains(QStringLiteral("Monthlyspend(")));
        }
        if (const auto &inference = read.scenario->inference) {
            const QString decoding =
                QString::fromStdString(decodingAssumption(read.scenario->workload, *inference));
            // Networks that generate no tokens have no decoding to state.
            if (!decoding.isEmpty())
                QVERIFY2(text.contains(squeezed(decoding)), qPrintable(decoding));
        }
        for (const char *section : {"Contents", "Summary", "Assumptions", "Results",
                                    "Candidatedetails", "Catalogvaluesused", "Method"})
            QVERIFY2(text.contains(QLatin1String(section)), section);

        // A serving plan's summary says whether its targets are met and what it costs a month.
        const Analysis a = analyze(*read.scenario, std::make_shared<const Catalog>(*catalog));
        const Score *winner = a.recommendation.winner();
        if (winner && a.recommendation.focus == Focus::inference) {
            const CandidateResult &r = a.evaluation.results[winner->result];
            const std::vector<TargetCheck> checks = servingTargetChecks(r, *read.scenario);
            const bool allMet = std::all_of(checks.begin(), checks.end(),
                                            [](const TargetCheck &c) { return c.met; });
            if (!checks.empty())
                QVERIFY(text.contains(allMet ? QStringLiteral("Everyservingtargetismet")
                                             : QStringLiteral("Servingtargetsmissed")));
            if (r.spend && r.spend->monthlyCost)
                QVERIFY(text.contains(
                    squeezed(ui::report::fmt(*r.spend->monthlyCost) + QStringLiteral("amonth"))));
        }
        QTemporaryDir pages;
        checkPdfSyntax(pdf, pages.path());
    }

    void letterPaper() {
        const QString scenario =
            test::writeFile(dir_, QStringLiteral("letter.json"), kContractScenario);
        const QString pdf = dir_.filePath(QStringLiteral("letter.pdf"));
        const auto cli = runCli({QStringLiteral("report"), scenario, QStringLiteral("-o"), pdf,
                                 QStringLiteral("--paper"), QStringLiteral("letter"),
                                 QStringLiteral("--catalog"), catalog_});
        QCOMPARE(cli.exitCode, 0);
        QVERIFY(run(QStringLiteral("pdfinfo"), {pdf}).contains(QStringLiteral("(letter)")));
    }

    // A report whose numbers rest on a chip the user changed says so in its summary.
    void userChangedCatalogValuesAreNamed() {
#ifdef ACCELPLAN_SANITIZED_BUILD
        // A report costs some 20 s under the sanitizers, and this one takes the paths the
        // examples take; the optimised build checks what it says.
        QSKIP("the optimised build checks this report's words");
#endif
        const QString mine = dir_.filePath(QStringLiteral("mine.sqlite"));
        const QString exported = dir_.filePath(QStringLiteral("mine.json"));
        QCOMPARE(runCli({QStringLiteral("catalog"), QStringLiteral("export"), exported,
                         QStringLiteral("--catalog"), mine})
                     .exitCode,
                 0);
        QJsonObject root = QJsonDocument::fromJson(test::readFile(exported)).object();
        QJsonArray chips = root.value(QStringLiteral("chips")).toArray();
        for (qsizetype i = 0; i < chips.size(); ++i) {
            QJsonObject chip = chips[i].toObject();
            if (chip.value(QStringLiteral("id")).toString() == QLatin1String("google-tpu-v6e")) {
                chip.insert(QStringLiteral("notes"), QStringLiteral("our measured figures"));
                chips[i] = chip;
            }
        }
        root.insert(QStringLiteral("chips"), chips);
        const QString changed =
            test::writeFile(dir_, QStringLiteral("changed.json"), QJsonDocument(root).toJson());
        QCOMPARE(runCli({QStringLiteral("catalog"), QStringLiteral("import"), changed,
                         QStringLiteral("--catalog"), mine})
                     .exitCode,
                 0);
        const QString scenario =
            test::writeFile(dir_, QStringLiteral("mine-scenario.json"), kContractScenario);
        const QString pdf = dir_.filePath(QStringLiteral("mine.pdf"));
        const auto cli = runCli({QStringLiteral("report"), scenario, QStringLiteral("-o"), pdf,
                                 QStringLiteral("--catalog"), mine});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());
        const QString text = squeezed(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}));
        // The report names the record and the field the user changed.
        QVERIFY2(text.contains(QStringLiteral("TPUv6e(Trillium)(changedbyyou:notes)")),
                 qPrintable(text.left(3000)));
        QVERIFY(!text.contains(QStringLiteral("H100SXM580GB(changedbyyou")));
    }

    void badScenarioLeavesTheOldReport() {
        QByteArray broken = kContractScenario;
        broken.replace("\"count\": 64 },", "\"count\": -3 },");
        const QString scenario = test::writeFile(dir_, QStringLiteral("bad.json"), broken);
        const QString pdf = test::writeFile(dir_, QStringLiteral("old.pdf"), "an earlier report");
        const auto cli = runCli({QStringLiteral("report"), scenario, QStringLiteral("-o"), pdf,
                                 QStringLiteral("--catalog"), catalog_});
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.contains("bad.json: candidates[0].count"), cli.err.constData());
        QCOMPARE(test::readFile(pdf), QByteArray("an earlier report"));
    }

    void unwritableOutputIsBadInput() {
        const QString scenario =
            test::writeFile(dir_, QStringLiteral("ok.json"), kContractScenario);
        const QString pdf = dir_.filePath(QStringLiteral("no/such/folder/report.pdf"));
        const auto cli = runCli({QStringLiteral("report"), scenario, QStringLiteral("-o"), pdf,
                                 QStringLiteral("--catalog"), catalog_});
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.contains("report.pdf"), cli.err.constData());
    }

    void usageErrors() {
        QCOMPARE(runCli({QStringLiteral("report")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("report"), QStringLiteral("x.json")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("report"), QStringLiteral("x.json"), QStringLiteral("-o"),
                         QStringLiteral("y.pdf"), QStringLiteral("--paper"), QStringLiteral("a3")})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "test_report.moc"
