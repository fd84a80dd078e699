// SPDX-License-Identifier: GPL-3.0-or-later
// Extreme but valid scenarios, read from files as a user would write them and evaluated on every
// chip of the shipped catalog: one chip and 100,000 chips, 1e15 tokens, a two-trillion-parameter
// model, a one-layer toy, sequences of one token and of a million, impossible service levels,
// free electricity. Every number of every result is finite and not negative, a candidate that
// runs has a positive time, and one that cannot run says why in words. No NaN, no infinity, no
// negative time reaches a result (and from there a chart or a report).

#include "evaluation/evaluate.h"
#include "helpers/test_env.h"
#include "io/catalog_json.h"
#include "io/scenario_json.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>

#include <cmath>

using namespace accelplan;
using namespace accelplan::data;

namespace {

Catalog shippedCatalog() {
    const QString seed =
        QDir(test::requiredEnv("ACCELPLAN_DATA_DIR")).filePath(QStringLiteral("catalog/seed.json"));
    CatalogReadResult read = readCatalogJsonFile(seed);
    if (!read.catalog)
        qFatal("cannot read the seed: %s", qPrintable(read.problems.join(u'\n')));
    return std::move(*read.catalog);
}

// A scenario document with `sections` (the JSON members after "format"), whose candidates are
// every chip of `catalog` at `count` chips.
QByteArray scenarioOnEveryChip(const Catalog &catalog, const QByteArray &sections, int count) {
    QByteArray candidates;
    for (const Chip &chip : catalog.chips) {
        if (!candidates.isEmpty())
            candidates += ",\n";
        candidates += "{\"chip\": \"" + QByteArray::fromStdString(chip.id) +
                      "\", \"count\": " + QByteArray::number(count) + "}";
    }
    return "{\"format\": \"accelplan.scenario/1\", " + sections + ",\n\"candidates\": [" +
           candidates + "]}";
}

// Collects what is wrong with the numbers of one candidate's result.
class NumberCheck {
public:
    explicit NumberCheck(QString where) : where_(std::move(where)) {}

    void value(const char *name, double v) {
        if (!std::isfinite(v) || v < 0)
            wrong_ << QStringLiteral("%1: %2 = %3").arg(where_, QLatin1String(name)).arg(v);
    }
    template <class Q> void quantity(const char *name, Q q) { value(name, q.value()); }
    template <class Q> void optional(const char *name, const std::optional<Q> &q) {
        if (q)
            quantity(name, *q);
    }
    void positive(const char *name, double v) {
        value(name, v);
        if (v == 0)
            wrong_ << QStringLiteral("%1: %2 is 0 for a candidate that runs")
                          .arg(where_, QLatin1String(name));
    }
    void fact(bool holds, const QString &what) {
        if (!holds)
            wrong_ << where_ + QStringLiteral(": ") + what;
    }
    const QStringList &wrong() const { return wrong_; }

private:
    QString where_;
    QStringList wrong_;
};

void checkMemory(NumberCheck &c, const MemoryBreakdown &m) {
    c.quantity("memory.weights", m.weights);
    c.quantity("memory.gradients", m.gradients);
    c.quantity("memory.optimizer", m.optimizer);
    c.quantity("memory.activations", m.activations);
    c.quantity("memory.kv_cache", m.kvCache);
    c.quantity("memory.other", m.other);
}

void checkTraining(NumberCheck &c, const TrainingResult &t) {
    checkMemory(c, t.memory);
    c.quantity("step_time_s", t.stepTime);
    c.value("tokens_per_s", t.tokensPerSecond);
    c.value("samples_per_s", t.samplesPerSecond);
    c.value("mfu", t.mfu);
    c.fact(t.mfu <= 1.0, QStringLiteral("mfu %1 above 1").arg(t.mfu));
    c.quantity("time_to_train_s", t.timeToTrain.nominal);
    c.quantity("time_to_train_s_range.low", t.timeToTrain.low);
    c.quantity("time_to_train_s_range.high", t.timeToTrain.high);
    c.value("chip_hours", t.chipHours);
    c.quantity("cost_usd", t.cost);
    c.quantity("energy", t.energy);
    c.quantity("co2", t.co2);
    c.quantity("step_parts.total", t.stepParts.total());
    for (const LayoutOption &o : t.runnerUps) {
        c.quantity("runner_up.step_time", o.stepTime);
        c.quantity("runner_up.memory", o.memoryPerChip);
    }
    if (t.fits) {
        c.positive("step_time_s", t.stepTime.value());
        c.positive("time_to_train_s", t.timeToTrain.nominal.value());
        c.fact(t.timeToTrain.low <= t.timeToTrain.nominal &&
                   t.timeToTrain.nominal <= t.timeToTrain.high,
               QStringLiteral("time to train outside its own range"));
    }
}

void checkInference(NumberCheck &c, const InferenceResult &i) {
    checkMemory(c, i.memory);
    c.value("batch", i.batch);
    c.quantity("ttft_s", i.ttft);
    c.quantity("tpot_s", i.tpot);
    c.value("throughput_tokens_per_s", i.throughputTokensPerSecond);
    c.value("throughput_samples_per_s", i.throughputSamplesPerSecond);
    c.quantity("latency_s", i.latency);
    c.quantity("cost_per_million_tokens_usd", i.costPerMillionTokens);
    if (i.fits) {
        c.positive("latency_s", i.latency.value());
        c.positive("throughput_samples_per_s", i.throughputSamplesPerSecond);
    }
}

void checkSpend(NumberCheck &c, const Spend &s) {
    c.value("instances", s.instances);
    c.value("billed_chips", s.billedChips);
    c.optional("fleet_rate", s.fleetRate);
    c.optional("monthly_cost", s.monthlyCost);
    c.optional("capex", s.capex);
    c.optional("break_even", s.breakEven);
    c.optional("power", s.power);
    if (s.trainingCost) {
        c.quantity("training_cost.low", s.trainingCost->low);
        c.quantity("training_cost.nominal", s.trainingCost->nominal);
        c.quantity("training_cost.high", s.trainingCost->high);
    }
    c.optional("cost_per_million_samples", s.costPerMillionSamples);
    c.optional("energy_per_million_tokens", s.energyPerMillionTokens);
    c.optional("co2_per_million_tokens", s.co2PerMillionTokens);
}

QStringList problemsWithNumbers(const Evaluation &evaluation) {
    QStringList wrong;
    for (const CandidateResult &r : evaluation.results) {
        NumberCheck c(QStringLiteral("%1 x%2").arg(QString::fromStdString(r.chipId)).arg(r.count));
        if (r.training)
            checkTraining(c, *r.training);
        if (r.inference)
            checkInference(c, *r.inference);
        if (r.spend)
            checkSpend(c, *r.spend);
        const bool cannotRun =
            (r.training && !r.training->fits) || (r.inference && !r.inference->fits);
        c.fact(!cannotRun || !r.problems.empty(),
               QStringLiteral("cannot run, but no problem says why"));
        for (const std::string &p : r.problems) {
            const QString text = QString::fromStdString(p);
            c.fact(!text.trimmed().isEmpty(), QStringLiteral("an empty problem"));
            // "nan" as a word: chip ids may hold it ("nvidia-jetson-orin-nano-8gb").
            static const QRegularExpression notANumber(QStringLiteral("\\bnan\\b"));
            c.fact(!text.contains(notANumber) && !text.contains(QLatin1String("inf ")) &&
                       !text.endsWith(QLatin1String("inf")),
                   QStringLiteral("a problem shows a broken number: ") + text);
        }
        wrong += c.wrong();
    }
    return wrong;
}

} // namespace

class TestReliabilityNumeric : public QObject {
    Q_OBJECT

    Catalog catalog_;

private slots:
    void initTestCase() { catalog_ = shippedCatalog(); }

    void extremeButValidScenarios_data() {
        QTest::addColumn<QByteArray>("sections");
        QTest::addColumn<int>("count");
        const QByteArray llama70 = R"("workload": {"model": "llama-3.1-70b"})";
        const QByteArray serve = R"("inference": {"precision": "fp8", "input_tokens": 2048,
            "output_tokens": 256, "mode": "offline"})";
        const QByteArray train = R"("training": {"tokens": 2e10, "seq_len": 8192,
            "global_batch": 512, "precision": "bf16"})";
        // About 2.1 trillion parameters.
        const QByteArray twoTrillion = R"("workload": {"model": {"kind": "transformer",
            "layers": 160, "hidden": 32768, "heads": 256, "kv_heads": 16, "ffn_hidden": 131072,
            "vocab": 256000, "gated_ffn": true}})";
        const QByteArray toy = R"("workload": {"model": {"kind": "transformer", "layers": 1,
            "hidden": 8, "heads": 1, "ffn_hidden": 8, "vocab": 2}})";

        auto row = [](const char *name, const QByteArray &sections, int count) {
            QTest::newRow(name) << sections << count;
        };
        row("1 chip", llama70 + "," + train + "," + serve, 1);
        row("100,000 chips", llama70 + "," + train + "," + serve, 100000);
        row("1e15 tokens", llama70 + R"(, "training": {"tokens": 1e15})", 1024);
        row("1e15 tokens on 1 chip", llama70 + R"(, "training": {"tokens": 1e15})", 1);
        row("2T parameters, 1 chip", twoTrillion + "," + train + "," + serve, 1);
        row("2T parameters, 100,000 chips", twoTrillion + "," + train + "," + serve, 100000);
        row("MoE, 100,000 chips", R"("workload": {"model": "deepseek-v3"},)" + train + "," + serve,
            100000);
        row("one-layer toy", toy + R"(, "training": {"tokens": 1, "seq_len": 1,
            "global_batch": 1}, "inference": {"input_tokens": 1, "output_tokens": 1,
            "mode": "latency"})",
            8);
        row("a million-token sequence", llama70 + R"(, "training": {"tokens": 1e12,
            "seq_len": 1000000, "global_batch": 1}, "inference": {"input_tokens": 1000000,
            "output_tokens": 1000000, "mode": "offline"})",
            64);
        row("no output tokens", llama70 + R"(, "inference": {"input_tokens": 2048,
            "output_tokens": 0, "mode": "offline"})",
            8);
        row("a huge batch", llama70 + R"(, "training": {"tokens": 1e12, "global_batch": 100000000},
            "inference": {"batch": 100000000, "mode": "offline"})",
            8);
        row("an impossible service level", llama70 + R"(, "inference": {"mode": "server",
            "slo": {"ttft_s": 1e-9, "tpot_s": 1e-9}})",
            8);
        row("a billion requests per second", llama70 + R"(, "inference": {"mode": "server",
            "requests_per_s": 1e9})",
            8);
        row("a trickle of requests", llama70 + R"(, "inference": {"mode": "server",
            "requests_per_s": 1e-9})",
            8);
        row("a tiny generic model", R"("workload": {"model": {"kind": "generic", "params": 1e-30,
            "forward_flops_per_sample": 1e-30}}, "training": {"samples": 1e-30},
            "inference": {"mode": "offline"})",
            1);
        row("a huge generic model", R"("workload": {"model": {"kind": "generic", "params": 1e13,
            "forward_flops_per_sample": 1e18, "activation_bytes_per_sample": 1e15}},
            "training": {"samples": 1e15}, "inference": {"mode": "offline"})",
            100000);
        // A millionth of a token: absurd but valid; it still takes some time. (Far below that,
        // 1e-300 tokens x 1e-300 epochs, the time underflows to 0 s, which is no NaN either.)
        row("a millionth of a token", llama70 + R"(, "training": {"tokens": 1e-3,
            "epochs": 1e-3})",
            8);
        row("owned, free power, amortized in an hour",
            llama70 + "," + train + "," + serve +
                R"(, "costs": {"pricing": "owned", "electricity_usd_per_kwh": 0, "pue": 1,
            "grid_kgco2_per_kwh": 0, "amortization_years": 0.0001})",
            8);
        row("spot pricing, 100,000 chips",
            llama70 + "," + train + R"(, "costs": {"pricing": "spot"})", 100000);
        // The largest counts a file may give (near 2^31 they gave negative memory and times).
        row("the most chips a candidate may have", llama70 + "," + train + "," + serve, 1 << 20);
        row("the longest sequences and largest batches", llama70 + R"(, "training": {
            "tokens": 1e12, "seq_len": 16777216, "global_batch": 1000000000},
            "inference": {"input_tokens": 16777216, "output_tokens": 16777216,
            "batch": 1000000000, "mode": "offline"})",
            64);
        row("the most layers and the widest model",
            R"("workload": {"model": {
            "kind": "transformer", "layers": 100000, "hidden": 4194304, "heads": 65536,
            "ffn_hidden": 4194304, "vocab": 16777216}},)" +
                train + "," + serve,
            1 << 20);
    }
    void extremeButValidScenarios() {
        QFETCH(QByteArray, sections);
        QFETCH(int, count);
        const QByteArray json = scenarioOnEveryChip(catalog_, sections, count);
        const ScenarioReadResult read = readScenarioJson(json, QStringLiteral("extreme.json"));
        QVERIFY2(read.scenario, qPrintable(toString(read.errors)));
        QElapsedTimer timer;
        timer.start();
        const Evaluation evaluation = evaluate(*read.scenario, catalog_);
        QCOMPARE(evaluation.results.size(), catalog_.chips.size());
        const QStringList wrong = problemsWithNumbers(evaluation);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 20).join(u'\n')));
        qInfo("%zu candidates in %lld ms", evaluation.results.size(),
              static_cast<long long>(timer.elapsed()));
    }
};

QTEST_GUILESS_MAIN(TestReliabilityNumeric)
#include "test_reliability_numeric.moc"
