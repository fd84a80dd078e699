// SPDX-License-Identifier: GPL-3.0-or-later
// accelplan-cli evaluate: the result document for a scenario, in each format; bad input gives
// exit 1 with one located line per problem, a usage error exit 2.

#include "helpers/test_env.h"

#include "catalog/catalog_store.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cmath>
#include <tuple>

using namespace accelplan::test;

namespace {

QByteArray scenario(const QByteArray &workload, const QByteArray &training,
                    const QByteArray &candidates) {
    return "{ \"format\": \"accelplan.scenario/1\", \"name\": \"test\", \"workload\": " + workload +
           ", \"training\": " + training + ", \"candidates\": " + candidates + " }";
}

QByteArray contractExample() {
    return R"({
  "format": "accelplan.scenario/1",
  "name": "Llama 3.1 70B: fine-tune and serve",
  "workload": { "model": "llama-3.1-70b" },
  "training": { "tokens": 2.0e10, "seq_len": 8192, "global_batch": 512, "precision": "bf16",
                "method": "full", "optimizer": "adamw" },
  "inference": { "precision": "fp8", "input_tokens": 2048, "output_tokens": 256,
                 "mode": "offline", "slo": { "ttft_s": 2.0, "tpot_s": 0.1 } },
  "candidates": [
    { "chip": "nvidia-h100-sxm5-80gb", "count": 64 },
    { "chip": "google-tpu-v6e", "count": 64, "offering": "gcp/ct6e-standard-8t" },
    { "chip": "huawei-ascend-910b", "count": 64,
      "parallelism": { "tp": 8, "pp": 2, "dp": 4 } }
  ],
  "costs": { "pricing": "on-demand", "electricity_usd_per_kwh": 0.10, "pue": 1.3,
             "grid_kgco2_per_kwh": 0.40, "amortization_years": 4 }
})";
}

QJsonObject parsed(const CliRun &run) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("stdout is not JSON (%s): %s\nstderr: %s", qPrintable(error.errorString()),
                 run.out.left(2000).constData(), run.err.constData());
    return doc.object();
}

bool positiveNumber(const QJsonValue &v) {
    return v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() > 0;
}

// Llama 3.1 8B trained on 8 and on 256 H100s under `goal`: the many chips finish sooner, the
// few cost less (no communication to pay for), so the objective decides the winner.
QByteArray rankingScenario(const QByteArray &extra) {
    return R"({ "format": "accelplan.scenario/1", "name": "ranking",
  "workload": { "model": "llama-3.1-8b" },
  "training": { "tokens": 2.0e9, "seq_len": 4096, "global_batch": 256 },
  "candidates": [ { "chip": "nvidia-h100-sxm5-80gb", "count": 8 },
                  { "chip": "nvidia-h100-sxm5-80gb", "count": 256 },
                  { "chip": "google-tpu-v6e", "count": 8 },
                  { "chip": "aws-trainium", "count": 16 } ],
  "costs": { "pricing": "on-demand" })" +
           extra + " }";
}

// Positions in the results, best first, as the recommendation ranks them.
QList<int> rankingOf(const QJsonObject &doc) {
    QList<int> out;
    for (const QJsonValue &v : doc.value(u"recommendation").toObject().value(u"ranking").toArray())
        out << v.toObject().value(u"result").toInt();
    return out;
}

QStringList exclusionsOf(const QJsonObject &doc, int result) {
    for (const QJsonValue &v :
         doc.value(u"recommendation").toObject().value(u"ranking").toArray()) {
        const QJsonObject s = v.toObject();
        if (s.value(u"result").toInt() != result)
            continue;
        QStringList out;
        for (const QJsonValue &e : s.value(u"exclusions").toArray())
            out << e.toString();
        return out;
    }
    return {QStringLiteral("BUG: result %1 is not ranked").arg(result)};
}

} // namespace

class TestCliEvaluate : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString catalog_;

    CliRun evaluate(const QByteArray &scenarioJson,
                    const QStringList &options = {QStringLiteral("--format"),
                                                  QStringLiteral("json")}) {
        const QString path = writeFile(dir_, QStringLiteral("scenario.json"), scenarioJson);
        return runCli(
            QStringList{QStringLiteral("evaluate"), path, QStringLiteral("--catalog"), catalog_} +
            options);
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        catalog_ = dir_.filePath(QStringLiteral("catalog.sqlite"));
    }

    void contractExampleGivesTheResultDocument() {
        const CliRun run = evaluate(contractExample());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QJsonObject doc = parsed(run);
        QCOMPARE(doc.value(u"format").toString(), QStringLiteral("accelplan.result/1"));
        QCOMPARE(doc.value(u"scenario").toString(),
                 QStringLiteral("Llama 3.1 70B: fine-tune and serve"));
        QVERIFY(!doc.value(u"catalog_version").toString().isEmpty());
        const QJsonArray results = doc.value(u"results").toArray();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0).toObject().value(u"chip").toString(),
                 QStringLiteral("nvidia-h100-sxm5-80gb"));
        QCOMPARE(results.at(1).toObject().value(u"offering").toString(),
                 QStringLiteral("gcp/ct6e-standard-8t"));
        for (const QJsonValue &v : results) {
            const QJsonObject r = v.toObject();
            QCOMPARE(r.value(u"count").toInt(), 64);
            QVERIFY(r.value(u"problems").isArray());
            const QJsonObject t = r.value(u"training").toObject();
            QVERIFY(t.value(u"fits").isBool());
            if (!t.value(u"fits").toBool())
                continue;
            for (const char16_t *key :
                 {u"memory_per_chip_bytes", u"step_time_s", u"tokens_per_s", u"samples_per_s",
                  u"mfu", u"time_to_train_s", u"chip_hours"})
                QVERIFY2(positiveNumber(t.value(key)), qPrintable(QString::fromUtf16(key)));
            QVERIFY(t.value(u"mfu").toDouble() < 1);
            const QJsonArray range = t.value(u"time_to_train_s_range").toArray();
            QCOMPARE(range.size(), 2);
            QVERIFY(range.at(0).toDouble() <= t.value(u"time_to_train_s").toDouble());
            QVERIFY(range.at(1).toDouble() >= t.value(u"time_to_train_s").toDouble());
            const QJsonObject p = t.value(u"parallelism").toObject();
            QCOMPARE(p.value(u"dp").toInt() * p.value(u"tp").toInt() * p.value(u"pp").toInt() *
                         p.value(u"cp").toInt(),
                     64);
            const QJsonObject i = r.value(u"inference").toObject();
            QVERIFY(i.value(u"fits").isBool());
        }
        // The pinned layout is kept.
        const QJsonObject pinned =
            results.at(2).toObject().value(u"training").toObject().value(u"parallelism").toObject();
        QCOMPARE(pinned.value(u"tp").toInt(), 8);
        QCOMPARE(pinned.value(u"pp").toInt(), 2);
        QCOMPARE(pinned.value(u"dp").toInt(), 4);
        // A rented candidate has its cost, consistent with its rate and time.
        const QJsonObject h100 = results.at(0).toObject();
        const double cost = h100.value(u"training").toObject().value(u"cost_usd").toDouble();
        const double hours =
            h100.value(u"training").toObject().value(u"time_to_train_s").toDouble() / 3600;
        const double rate = h100.value(u"spend").toObject().value(u"usd_per_hour").toDouble();
        QVERIFY(cost > 0);
        QVERIFY(std::fabs(cost - rate * hours) < 1e-6 * cost);
        QVERIFY(doc.value(u"recommendation").toObject().value(u"why").toString().size() > 10);
    }

    // Every shipped example evaluates to a document that matches its scenario, with numbers
    // that make sense wherever a candidate fits, and prints as a table and as CSV.
    void everyShippedExampleEvaluates() {
        const QDir examples(requiredEnv("ACCELPLAN_DATA_DIR") + QStringLiteral("/examples"));
        const QStringList files =
            examples.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 5, qPrintable(examples.path()));
        QVERIFY(files.contains(QStringLiteral("llama-3.1-70b-fine-tune-and-serve.accelplan.json")));
        for (const QString &file : files) {
            const QString path = examples.filePath(file);
            const QJsonObject scenario = QJsonDocument::fromJson(readFile(path)).object();
            const CliRun run =
                runCli({QStringLiteral("evaluate"), path, QStringLiteral("--catalog"), catalog_,
                        QStringLiteral("--format"), QStringLiteral("json")});
            QVERIFY2(run.exitCode == 0,
                     qPrintable(file + QStringLiteral(": ") + QString::fromUtf8(run.err)));
            const QJsonObject doc = parsed(run);
            QCOMPARE(doc.value(u"format").toString(), QStringLiteral("accelplan.result/1"));
            QCOMPARE(doc.value(u"scenario").toString(), scenario.value(u"name").toString());
            const QJsonArray candidates = scenario.value(u"candidates").toArray();
            const QJsonArray results = doc.value(u"results").toArray();
            QCOMPARE(results.size(), candidates.size());
            int fitting = 0;
            for (qsizetype k = 0; k < results.size(); ++k) {
                const QJsonObject r = results.at(k).toObject();
                const QJsonObject c = candidates.at(k).toObject();
                QCOMPARE(r.value(u"chip").toString(), c.value(u"chip").toString());
                QCOMPARE(r.value(u"count").toInt(), c.value(u"count").toInt());
                // A candidate's role keeps the other half away ("training": no inference).
                const QString role = c.value(u"role").toString(QStringLiteral("both"));
                QCOMPARE(r.value(u"role").toString(QStringLiteral("both")), role);
                for (const char16_t *part : {u"training", u"inference"}) {
                    const bool trainingPart = QStringView(part) == u"training";
                    const bool ruledOut = role == (trainingPart ? QStringLiteral("serving")
                                                                : QStringLiteral("training"));
                    QCOMPARE(r.contains(part), scenario.contains(part) && !ruledOut);
                    if (!r.contains(part))
                        continue;
                    const QJsonObject p = r.value(part).toObject();
                    if (!p.value(u"fits").toBool()) {
                        QVERIFY2(!r.value(u"problems").toArray().isEmpty(), qPrintable(file));
                        continue;
                    }
                    ++fitting;
                    const bool training = QStringView(part) == u"training";
                    const QStringList keys =
                        training ? QStringList{QStringLiteral("memory_per_chip_bytes"),
                                               QStringLiteral("step_time_s"),
                                               QStringLiteral("samples_per_s"),
                                               QStringLiteral("mfu"),
                                               QStringLiteral("time_to_train_s"),
                                               QStringLiteral("chip_hours")}
                                 : QStringList{QStringLiteral("memory_per_chip_bytes"),
                                               QStringLiteral("throughput_samples_per_s"),
                                               QStringLiteral("latency_s")};
                    for (const QString &key : keys)
                        QVERIFY2(positiveNumber(p.value(key)),
                                 qPrintable(file + QStringLiteral(": ") +
                                            r.value(u"chip").toString() + QLatin1Char(' ') + key));
                    // No run beats the chips' peak.
                    if (training)
                        QVERIFY(p.value(u"mfu").toDouble() < 1);
                    for (const char16_t *money : {u"cost_usd", u"cost_per_million_tokens_usd"})
                        QVERIFY(!p.contains(money) || p.value(money).isNull() ||
                                positiveNumber(p.value(money)));
                }
            }
            QVERIFY2(fitting > 0, qPrintable(file + QStringLiteral(": no candidate fits")));
#ifdef ACCELPLAN_SANITIZED_BUILD
            // Under the sanitizers the other formats for every third example only (each run
            // costs seconds there); the optimised build prints every example in every format.
            if (files.indexOf(file) % 3 != 0)
                continue;
#endif
            for (const char *format : {"table", "csv"}) {
                const CliRun other =
                    runCli({QStringLiteral("evaluate"), path, QStringLiteral("--catalog"), catalog_,
                            QStringLiteral("--format"), QString::fromLatin1(format)});
                QCOMPARE(other.exitCode, 0);
                QVERIFY(!other.out.isEmpty());
            }
        }
    }

    // The scenario's goal decides the ranking: the fastest candidate is not the cheapest here,
    // and each objective puts its own first.
    void theObjectiveChangesTheRanking() {
        const QJsonObject cheapest =
            parsed(evaluate(rankingScenario(R"(, "goal": { "objective": "cheapest" })")));
        const QJsonObject fastest =
            parsed(evaluate(rankingScenario(R"(, "goal": { "objective": "fastest" })")));
        const QJsonObject byDefault = parsed(evaluate(rankingScenario("")));
        const QJsonArray results = cheapest.value(u"results").toArray();
        QCOMPARE(results.size(), 4);
        const auto training = [&](int i, const char16_t *key) {
            return results.at(i).toObject().value(u"training").toObject().value(key).toDouble();
        };
        // Both H100 candidates run and have a price; the larger is faster and dearer.
        QVERIFY2(training(1, u"time_to_train_s") < training(0, u"time_to_train_s") &&
                     training(1, u"cost_usd") > training(0, u"cost_usd"),
                 "the scenario no longer sets speed against cost");
        // Each winner is the best of the eligible candidates by its own measure.
        const auto best = [&](const char16_t *key) {
            int at = -1;
            for (int i = 0; i < results.size(); ++i) {
                const QJsonValue v =
                    results.at(i).toObject().value(u"training").toObject().value(key);
                if (v.isDouble() && (at < 0 || v.toDouble() < training(at, key)))
                    at = i;
            }
            return at;
        };
        const QJsonObject recCheapest = cheapest.value(u"recommendation").toObject();
        const QJsonObject recFastest = fastest.value(u"recommendation").toObject();
        QCOMPARE(recCheapest.value(u"objective").toString(), QStringLiteral("cheapest"));
        QCOMPARE(recFastest.value(u"objective").toString(), QStringLiteral("fastest"));
        QCOMPARE(recCheapest.value(u"winner").toInt(), best(u"cost_usd"));
        QCOMPARE(recFastest.value(u"winner").toInt(), best(u"time_to_train_s"));
        QVERIFY(recCheapest.value(u"winner").toInt() != recFastest.value(u"winner").toInt());
        QVERIFY(rankingOf(cheapest) != rankingOf(fastest));
        // Without a goal the ranking is the cheapest one; the measurements never change.
        QCOMPARE(rankingOf(byDefault), rankingOf(cheapest));
        QCOMPARE(fastest.value(u"results"), cheapest.value(u"results"));

        // A deadline between the two runs leaves only the faster one eligible among the H100s.
        const double deadline =
            std::sqrt(training(0, u"time_to_train_s") * training(1, u"time_to_train_s"));
        const QJsonObject withinDeadline = parsed(evaluate(rankingScenario(
            R"(, "goal": { "objective": "cheapest-within-deadline", "deadline_s": )" +
            QByteArray::number(deadline, 'g', 17) + " }")));
        QVERIFY2(exclusionsOf(withinDeadline, 0).join(QLatin1Char(' ')).contains(u"deadline"),
                 qPrintable(exclusionsOf(withinDeadline, 0).join(QLatin1Char('|'))));
        QCOMPARE(exclusionsOf(withinDeadline, 1), QStringList());
    }

    // Constraints exclude candidates, and each excluded one says why in words; the results
    // themselves stay.
    void constraintsExcludeCandidatesWithTheReason() {
        const QJsonObject doc = parsed(evaluate(rankingScenario(
            R"(, "constraints": { "providers": ["gcp", "aws"], "ecosystems": ["JAX/XLA"] })")));
        QCOMPARE(doc.value(u"results").toArray().size(), 4);
        for (int h100 : {0, 1})
            QVERIFY2(exclusionsOf(doc, h100).contains(
                         QStringLiteral("needs CUDA; the team works in JAX/XLA")),
                     qPrintable(exclusionsOf(doc, h100).join(QLatin1Char('|'))));
        QCOMPARE(exclusionsOf(doc, 2), QStringList());
        QCOMPARE(doc.value(u"recommendation").toObject().value(u"winner").toInt(), 2);
        QCOMPARE(rankingOf(doc).first(), 2);

        const QJsonObject gcpOnly =
            parsed(evaluate(rankingScenario(R"(, "constraints": { "providers": ["gcp"] })")));
        const QString trainium = exclusionsOf(gcpOnly, 3).join(QLatin1Char('|'));
        QVERIFY2(trainium.contains(u"no allowed provider (gcp) rents aws-trainium"),
                 qPrintable(trainium));
        // Excluded candidates come after every eligible one.
        QCOMPARE(rankingOf(gcpOnly).last(), 3);
    }

    // A growth plan gives each candidate its fleet month by month; the winner gets tornado
    // data. Both are extra keys beside the contract's.
    void growthAndSensitivityInTheDocument() {
        const CliRun run = evaluate(R"({ "format": "accelplan.scenario/1", "name": "growth",
  "workload": { "model": "llama-3.1-8b" },
  "inference": { "precision": "fp8", "input_tokens": 1024, "output_tokens": 256,
                 "mode": "server", "slo": { "ttft_s": 0.5, "tpot_s": 0.05 } },
  "candidates": [ { "chip": "nvidia-h100-sxm5-80gb", "count": 1 },
                  { "chip": "nvidia-l4", "count": 1 } ],
  "costs": { "pricing": "on-demand" },
  "growth": { "unit": "requests-per-day", "start": 1.0e5, "end": 1.0e7, "months": 6,
              "curve": "linear", "peak_factor": 2, "max_chips": 16 } })");
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = parsed(run);
        for (const QJsonValue &v : doc.value(u"results").toArray()) {
            const QJsonObject r = v.toObject();
            QVERIFY(r.contains(u"inference") && r.contains(u"problems"));
            const QJsonObject g = r.value(u"growth").toObject();
            const QJsonArray months = g.value(u"months").toArray();
            if (months.isEmpty()) {
                QVERIFY(!g.value(u"problem").toString().isEmpty());
                continue;
            }
            QCOMPARE(months.size(), 6);
            // Demand grows; so do the chips, a whole number of replicas each month.
            const int perReplica = g.value(u"chips_per_replica").toInt();
            QVERIFY(perReplica >= 1);
            int previous = 0;
            for (const QJsonValue &m : months) {
                const int chips = m.toObject().value(u"chips").toInt();
                QCOMPARE(chips % perReplica, 0);
                QVERIFY(chips >= previous);
                QCOMPARE(m.toObject().value(u"enough").toBool(), chips <= 16);
                previous = chips;
            }
            const QJsonValue shortMonth = g.value(u"first_short_month");
            QCOMPARE(shortMonth.isNull(), previous <= 16);
        }
        const QJsonObject sensitivity = doc.value(u"sensitivity").toObject();
        QCOMPARE(sensitivity.value(u"result").toInt(),
                 doc.value(u"recommendation").toObject().value(u"winner").toInt());
        QCOMPARE(sensitivity.value(u"focus").toString(), QStringLiteral("inference"));
        const QJsonArray bars = sensitivity.value(u"bars").toArray();
        QVERIFY(bars.size() >= 4);
        for (qsizetype i = 1; i < bars.size(); ++i)
            QVERIFY(bars.at(i - 1).toObject().value(u"swing").toDouble() >=
                    bars.at(i).toObject().value(u"swing").toDouble());

        // Without a plan there is no growth key; the table shows both sections.
        QVERIFY(!parsed(evaluate(rankingScenario("")))
                     .value(u"results")
                     .toArray()
                     .at(0)
                     .toObject()
                     .contains(u"growth"));
    }

    void tableForPeople() {
        const CliRun run =
            evaluate(contractExample(), {QStringLiteral("--format"), QStringLiteral("table")});
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        QVERIFY(text.contains(u"Training\n"));
        QVERIFY(text.contains(u"Serving\n"));
        QVERIFY(text.contains(u" GiB"));
        QVERIFY(text.contains(u" days"));
        QVERIFY(text.contains(u" %"));
        QVERIFY(text.contains(u"$"));
        QVERIFY(text.contains(u"Recommendation"));
    }

    void csvForSpreadsheets() {
        const CliRun run = evaluate(contractExample(), {QStringLiteral("--format=csv")});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = QString::fromUtf8(run.out).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].startsWith(u"chip,count,offering,training_fits,"));
        QVERIFY(lines[0].contains(u"training_time_to_train_s"));
        QVERIFY(lines[1].startsWith(u"nvidia-h100-sxm5-80gb,64,"));
    }

    void jsonWhenPipedWithoutFormat() {
        const CliRun run = evaluate(contractExample(), {});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(parsed(run).value(u"format").toString(), QStringLiteral("accelplan.result/1"));
    }

    void modelTooLargeForTheChipDoesNotFit() {
        const CliRun run =
            evaluate(scenario(R"({ "model": "llama-3.1-405b" })",
                              R"({ "tokens": 1e9, "seq_len": 4096, "global_batch": 64 })",
                              R"([ { "chip": "nvidia-l4", "count": 1 } ])"));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject r = parsed(run).value(u"results").toArray().at(0).toObject();
        QCOMPARE(r.value(u"chip").toString(), QStringLiteral("nvidia-l4"));
        const QJsonObject t = r.value(u"training").toObject();
        QCOMPARE(t.value(u"fits").toBool(), false);
        QVERIFY(t.value(u"time_to_train_s").isNull());
        QVERIFY(t.value(u"memory_per_chip_bytes").toDouble() > 24e9); // more than the L4 has
        bool said = false;
        for (const QJsonValue &p : r.value(u"problems").toArray())
            said = said || p.toString().startsWith(u"does not fit");
        QVERIFY2(said, run.out.constData());
    }

    void moreChipsAreNotSlower() {
        QByteArray candidates = "[";
        const QList<int> counts{8, 16, 32, 64, 128, 256};
        for (int n : counts)
            candidates += (n == 8 ? "" : ",") +
                          QByteArray(R"({ "chip": "nvidia-h100-sxm5-80gb", "count": )") +
                          QByteArray::number(n) + "}";
        candidates += "]";
        const CliRun run = evaluate(
            scenario(R"({ "model": "llama-3.1-8b" })",
                     R"({ "tokens": 1e11, "seq_len": 8192, "global_batch": 1024 })", candidates));
        QCOMPARE(run.exitCode, 0);
        const QJsonArray results = parsed(run).value(u"results").toArray();
        QCOMPARE(results.size(), counts.size());
        double previous = INFINITY;
        for (const QJsonValue &v : results) {
            const QJsonObject t = v.toObject().value(u"training").toObject();
            QVERIFY(t.value(u"fits").toBool());
            const double time = t.value(u"time_to_train_s").toDouble();
            QVERIFY2(time <= previous * (1 + 1e-9),
                     qPrintable(QStringLiteral("%1 chips: %2 s, fewer chips took %3 s")
                                    .arg(v.toObject().value(u"count").toInt())
                                    .arg(time)
                                    .arg(previous)));
            previous = time;
        }
    }

    void unknownChipsAndOfferingsAreLocated() {
        QByteArray json = contractExample();
        json.replace(R"("chip": "google-tpu-v6e")", R"("chip": "foo")");
        json.replace(
            R"({ "chip": "nvidia-h100-sxm5-80gb", "count": 64 })",
            R"({ "chip": "nvidia-h100-sxm5-80gb", "count": 64, "offering": "gcp/ct6e-standard-8t" })");
        json.replace(R"("parallelism")", R"("offering": "nowhere/none", "parallelism")");
        const CliRun run = evaluate(json);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        const QStringList lines = QString::fromUtf8(run.err).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].contains(u"scenario.json: candidates[0].offering: offering "
                                   u"'gcp/ct6e-standard-8t' rents google-tpu-v6e, not "
                                   u"nvidia-h100-sxm5-80gb"),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].contains(u"scenario.json: candidates[1].chip: unknown chip 'foo'"),
                 qPrintable(lines[1]));
        QVERIFY2(lines[2].contains(u"scenario.json: candidates[2].offering: unknown offering "
                                   u"'nowhere/none'"),
                 qPrintable(lines[2]));
    }

    void unknownProvidersInConstraintsAreLocated() {
        QByteArray json = contractExample();
        json.replace(R"("candidates")", R"("constraints": { "providers": ["aws", "amazon"] },
                                          "candidates")");
        const CliRun run = evaluate(json);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        const QString err = QString::fromUtf8(run.err).trimmed();
        QVERIFY2(err.contains(u"scenario.json: constraints.providers: unknown provider 'amazon'; "
                              u"the catalog's providers are: "),
                 qPrintable(err));
        QVERIFY2(err.contains(u"aws, "), qPrintable(err));
        QVERIFY2(!err.contains(u"'aws'"), qPrintable(err));
    }

    // Regions are the catalog's offerings' own: a team bound to the EU gets EU offerings, and
    // a region no offering is sold in is located with the regions there are.
    void regionsInConstraints() {
        QByteArray json = contractExample();
        json.replace(R"("candidates")", R"("constraints": { "regions": ["EU", "mars"] },
                                          "candidates")");
        CliRun run = evaluate(json);
        QCOMPARE(run.exitCode, 1);
        const QString err = QString::fromUtf8(run.err).trimmed();
        QVERIFY2(err.contains(u"scenario.json: constraints.regions: no offering of the catalog "
                              u"is sold in 'mars'; its regions are: "),
                 qPrintable(err));
        QVERIFY2(!err.contains(u"'eu'"), qPrintable(err));
        json.replace(R"(, "mars")", "");
        run = evaluate(json, {QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QString error;
        const auto catalog = accelplan::data::loadCatalog(catalog_, &error);
        QVERIFY2(catalog, qPrintable(error));
        for (const QJsonValue &r : parsed(run).value(u"results").toArray()) {
            const QString offering = r.toObject().value(u"offering").toString();
            if (offering.isEmpty())
                continue;
            const accelplan::Offering *o = catalog->findOffering(offering.toStdString());
            QVERIFY(o);
            const bool inEu =
                std::find(o->regions.begin(), o->regions.end(), "eu") != o->regions.end() ||
                std::find(o->regions.begin(), o->regions.end(), "global") != o->regions.end();
            QVERIFY2(inEu, qPrintable(offering));
        }
    }

    void badValuesAreLocated() {
        QByteArray json = contractExample();
        json.replace(R"("count": 64 })", R"("count": 0 })");
        json.replace(R"("precision": "bf16")", R"("precision": "bf17")");
        const CliRun run = evaluate(json);
        QCOMPARE(run.exitCode, 1);
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(u"scenario.json: candidates[0].count: "), qPrintable(err));
        QVERIFY2(err.contains(u"scenario.json: training.precision: "), qPrintable(err));
        for (const QString &line : err.trimmed().split(QLatin1Char('\n')))
            QVERIFY2(line.contains(u"scenario.json: "), qPrintable(line));
    }

    // A misspelled key would otherwise leave its default in place and answer another question.
    void misspelledKeysAreBadInputWithTheirPath() {
        for (const auto &[from, to, expected] :
             {std::tuple{"\"global_batch\"", "\"global_bach\"",
                         "scenario.json: training.global_bach: unknown key; did you mean "
                         "training.global_batch?"},
              std::tuple{"\"training\"", "\"traning\"",
                         "scenario.json: traning: unknown key; did you mean training?"},
              std::tuple{"\"mode\": \"offline\"", "\"mode\": \"offline\", \"request_rate\": 5",
                         "scenario.json: inference.request_rate: unknown key; did you mean "
                         "inference.requests_per_s?"}}) {
            QByteArray json = contractExample();
            json.replace(from, to);
            const CliRun run = evaluate(json);
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(QString::fromUtf8(run.err).contains(QString::fromUtf8(expected)),
                     run.err.constData());
            QVERIFY(run.out.isEmpty());
        }
    }

    void brokenOrMissingFilesAreBadInput() {
        const CliRun broken = evaluate("{ \"format\": \"accelplan.scenario/1\", ");
        QCOMPARE(broken.exitCode, 1);
        QVERIFY(broken.err.contains("scenario.json:"));
        const CliRun missing =
            runCli({QStringLiteral("evaluate"), dir_.filePath(QStringLiteral("nothing-here.json")),
                    QStringLiteral("--catalog"), catalog_});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("nothing-here.json"));
    }

    // The catalog's values were used unchecked: a memory of -1 B, a peak rate of 'abc' (read
    // as 0). The evaluation refuses such a catalog and names the chip and the field.
    void aCatalogThatBreaksItsRulesIsNotEvaluated() {
        const QString bad = dir_.filePath(QStringLiteral("bad.sqlite"));
        QCOMPARE(runCli({QStringLiteral("catalog"), QStringLiteral("list"),
                         QStringLiteral("--catalog"), bad})
                     .exitCode,
                 0);
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(bad);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "UPDATE chips SET memory_bytes = -1 WHERE id = 'nvidia-h100-sxm5-80gb'")));
            QVERIFY(q.exec(
                QStringLiteral("UPDATE chips SET peak_bf16 = 'abc' WHERE id = 'amd-mi300x'")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        const QString path = writeFile(dir_, QStringLiteral("scenario.json"), contractExample());
        for (const QString &command : {QStringLiteral("evaluate"), QStringLiteral("compare")}) {
            const CliRun run = runCli({command, path, QStringLiteral("--catalog"), bad});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.out.isEmpty(), run.out.left(200).constData());
            const QString err = QString::fromUtf8(run.err);
            QVERIFY2(err.contains(QRegularExpression(
                         QStringLiteral("chips\\[\\d+\\]\\.memory_bytes: must be positive, is -1 "
                                        "\\(chip nvidia-h100-sxm5-80gb\\)"))),
                     qPrintable(err));
            QVERIFY2(err.contains(QRegularExpression(
                         QStringLiteral("chips\\[\\d+\\]\\.peak_flops\\.bf16: must be positive, "
                                        "is 0 \\(chip amd-mi300x\\)"))),
                     qPrintable(err));
            QVERIFY2(err.contains(u"problems in the catalog; nothing was evaluated"),
                     qPrintable(err));
        }
    }

    // 1e300 epochs overflow the time to train: the candidate states the problem instead of
    // running with null times, and the recommendation shows no "inf" or "nan".
    void numbersPastTheirRangeAreAStatedProblem() {
        QByteArray json = contractExample();
        json.replace(R"("tokens": 2.0e10,)", R"("tokens": 2.0e10, "epochs": 1e300,)");
        const CliRun run = evaluate(json);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject doc = parsed(run);
        for (const QJsonValue &v : doc.value(u"results").toArray()) {
            const QJsonObject r = v.toObject();
            const QJsonObject training = r.value(u"training").toObject();
            QVERIFY2(training.value(u"fits") == QJsonValue(false),
                     qPrintable(r.value(u"chip").toString()));
            bool stated = false;
            for (const QJsonValue &p : r.value(u"problems").toArray())
                stated = stated || p.toString().contains(u"time to train is too large");
            QVERIFY2(stated, QJsonDocument(r.value(u"problems").toArray()).toJson().constData());
        }
        const QJsonObject rec = doc.value(u"recommendation").toObject();
        const QString words = rec.value(u"why").toString() + rec.value(u"trade_off").toString();
        const QRegularExpression broken(QStringLiteral("\\b(inf|nan)\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(!words.contains(broken), qPrintable(words));
        const CliRun table = evaluate(json, {QStringLiteral("--format"), QStringLiteral("table")});
        QVERIFY2(table.exitCode == 0, table.err.constData());
        QVERIFY2(!QString::fromUtf8(table.out).contains(broken), table.out.constData());
    }

    void noCandidatesIsBadInput() {
        const CliRun run =
            evaluate(scenario(R"({ "model": "llama-3.1-8b" })", R"({ "tokens": 1e9 })", "[]"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("scenario.json: candidates: no candidates"));
    }

    void usageErrors() {
        const QString path = writeFile(dir_, QStringLiteral("ok.json"), contractExample());
        const QList<QStringList> cases{
            {QStringLiteral("evaluate")},
            {QStringLiteral("evaluate"), path, QStringLiteral("--format"), QStringLiteral("xml")},
            {QStringLiteral("evaluate"), path, QStringLiteral("--format")},
            {QStringLiteral("evaluate"), path, QStringLiteral("--frobnicate")},
            {QStringLiteral("evaluate"), path, path},
        };
        for (const QStringList &args : cases) {
            const CliRun run = runCli(args);
            QVERIFY2(run.exitCode == 2, qPrintable(args.join(u' ')));
            QVERIFY(run.out.isEmpty());
            QVERIFY(run.err.contains("usage: accelplan-cli evaluate"));
        }
        const CliRun help = runCli({QStringLiteral("evaluate"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--format json"));
    }
};

QTEST_GUILESS_MAIN(TestCliEvaluate)
#include "test_evaluate.moc"
