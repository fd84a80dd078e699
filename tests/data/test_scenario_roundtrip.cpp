// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a scenario and reading it back gives the very same scenario (the app saves through
// this writer), and a save that fails leaves the previous file as it was.

#include "helpers/test_env.h"
#include "io/scenario_json.h"
#include "workload/presets.h"

#include <QDir>
#include <QFileInfo>

#include <random>

using namespace accelplan;
using namespace accelplan::data;

namespace {

// Every field set to something other than its default.
Scenario everyFieldSet() {
    Scenario s;
    s.name = "Everything: ünïcödé, \"quotes\" and a \\ backslash";
    TransformerShape t;
    t.layers = 61;
    t.hidden = 7168;
    t.heads = 128;
    t.kvHeads = 128;
    t.headDim = 192;
    t.ffnHidden = 18432;
    t.vocab = 129280;
    t.gatedFfn = true;
    t.encoderOnly = false;
    t.tiedEmbeddings = true;
    t.experts = 256;
    t.expertsPerToken = 8;
    t.moeFfnHidden = 2048;
    t.sharedExperts = 1;
    t.denseLayers = 3;
    t.kvLoraRank = 512;
    t.qLoraRank = 1536;
    t.ropeHeadDim = 64;
    t.positionEmbeddings = 4096;
    s.workload.presetId = "deepseek-v3";
    s.workload.displayName = "DeepSeek-V3 (edited)";
    s.workload.shape = t;

    TrainingSettings tr;
    tr.tokens = 1.4803e13;
    tr.samples = 12345;
    tr.epochs = 1.5;
    tr.seqLen = 4096;
    tr.globalBatch = 15360;
    tr.precision = Precision::fp8;
    tr.method = TrainingMethod::lora;
    tr.loraRank = 64;
    tr.optimizer = Optimizer::sgd;
    tr.recompute = Recompute::selective;
    s.training = tr;

    InferenceSettings in;
    in.precision = Precision::int4;
    in.kvPrecision = Precision::fp8;
    in.computePrecision = Precision::bf16;
    in.inputTokens = 3000;
    in.outputTokens = 700;
    in.mode = InferenceMode::server;
    in.batch = 96;
    in.slo.ttft = units::seconds(0.45);
    in.slo.tpot = units::seconds(0.035);
    in.slo.latency = units::seconds(2.5);
    in.requestsPerSecond = 12.5;
    in.audioSeconds = 45.5;
    in.phase = InferencePhase::decode;
    in.beams = 4;
    in.runtime = "sglang";
    in.speculative = accelplan::Speculative{3, 0.8125};
    s.inference = in;

    Candidate a;
    a.chipId = "nvidia-h800-sxm5-80gb";
    a.count = 2048;
    a.offering = "lambda/8x-h800";
    a.parallelism = {16, 1, 16, 8, 64, 1, 2, Recompute::full};
    Candidate b;
    b.chipId = "google-tpu-v5p";
    b.count = 1;
    b.role = Role::serving;
    Candidate c;
    c.chipId = "nvidia-jetson-orin-nano-8gb";
    c.role = Role::training;
    s.candidates = {a, b, c};

    s.costs.pricing = Pricing::reserved3y;
    s.costs.electricity = units::dollarsPerKilowattHour(0.137);
    s.costs.pue = 1.17;
    s.costs.gridIntensity = units::kilogramsPerKilowattHour(0.379);
    s.costs.amortizationYears = 3.5;
    s.costs.utilization = 0.85;

    s.goal = Goal{Objective::lowestLatencyWithinBudget, Focus::inference, units::seconds(1.5),
                  units::dollars(125000.5), 24.0};
    s.constraints =
        Constraints{{"aws", "gcp"},   true,         {Ecosystem::xla, Ecosystem::cann},
                    units::watts(15), {"eu", "us"}, {Framework::pytorch, Framework::mindspore}};
    s.growth =
        GrowthPlan{DemandUnit::requestsPerDay, 2.5e5, 4.0e7, 18, GrowthCurve::sCurve, 2.25, 512};
    return s;
}

Scenario readBack(const Scenario &s) {
    const ScenarioReadResult r = readScenarioJson(scenarioToJson(s), QStringLiteral("mem.json"));
    if (!r.errors.isEmpty())
        qWarning("%s", qPrintable(toString(r.errors)));
    return r.scenario.value_or(Scenario{});
}

} // namespace

class TestScenarioRoundTrip : public QObject {
    Q_OBJECT

private slots:
    void everyFieldSurvives() {
        const Scenario s = everyFieldSet();
        QVERIFY(readBack(s) == s);
    }

    void defaultsAndAbsentOptionalsSurvive() {
        Scenario s;
        s.workload = *findPreset("llama-3.1-8b");
        s.inference = InferenceSettings{};
        QVERIFY(readBack(s) == s);
        s.training = TrainingSettings{};
        s.training->tokens = 1e9;
        s.inference.reset();
        QVERIFY(readBack(s) == s);
    }

    void beamsAreWrittenOnlyWhenSet() {
        Scenario s;
        s.workload = *findPreset("gpt-j-6b");
        s.inference = InferenceSettings{};
        // Unset stays unset: the preset's default decoding still applies after a save.
        QVERIFY(!scenarioToJson(s).contains("beams"));
        QVERIFY(readBack(s) == s);
        s.inference->beams = 1; // greedy asked for explicitly survives as such
        QVERIFY(scenarioToJson(s).contains("\"beams\": 1"));
        QVERIFY(readBack(s) == s);
    }

    void theRuntimeIsWrittenOnlyWhenChosen() {
        Scenario s;
        s.workload = *findPreset("llama-3.1-8b");
        s.inference = InferenceSettings{};
        // Unset stays unset: each chip keeps its usual runtime after a save.
        QVERIFY(!scenarioToJson(s).contains("runtime"));
        QVERIFY(readBack(s) == s);
        s.inference->runtime = "llama.cpp";
        QVERIFY(scenarioToJson(s).contains("\"runtime\": \"llama.cpp\""));
        QVERIFY(readBack(s) == s);
    }

    void anUnchangedPresetIsWrittenAsItsId() {
        Scenario s = everyFieldSet();
        for (std::string_view id : presetIds()) {
            s.workload = *findPreset(id);
            const TransformerShape *t = s.workload.transformer();
            const bool generates = t && !t->encoderOnly;
            s.inference->outputTokens = generates || !t ? 700 : 0;
            s.inference->speculative =
                generates ? std::optional(Speculative{3, 0.8125}) : std::nullopt;
            const QJsonObject written = scenarioToJsonObject(s);
            QCOMPARE(written[QStringLiteral("workload")][QStringLiteral("model")].toString(),
                     QString::fromUtf8(id.data(), static_cast<qsizetype>(id.size())));
            QVERIFY(readBack(s) == s);
        }
        // An edited preset keeps its shape and where it came from.
        s.workload = *findPreset("llama-3.1-70b");
        std::get<TransformerShape>(s.workload.shape).layers = 40;
        const QJsonValue model =
            scenarioToJsonObject(s)[QStringLiteral("workload")][QStringLiteral("model")];
        QCOMPARE(model[QStringLiteral("preset")].toString(), QStringLiteral("llama-3.1-70b"));
        QCOMPARE(model[QStringLiteral("layers")].toInt(), 40);
        QVERIFY(readBack(s) == s);
    }

    // The planning sections are optional: each may be absent, or present with its defaults.
    void planningSectionsSurviveAloneAndAtTheirDefaults() {
        Scenario s = everyFieldSet();
        s.goal.reset();
        s.constraints.reset();
        s.growth.reset();
        s.costs.utilization.reset();
        QVERIFY(readBack(s) == s);
        const QJsonObject bare = scenarioToJsonObject(s);
        for (const char *section : {"goal", "constraints", "growth"})
            QVERIFY2(!bare.contains(QLatin1String(section)), section);
        s.goal = Goal{};
        s.constraints = Constraints{};
        s.growth = GrowthPlan{};
        QVERIFY(readBack(s) == s);
        for (Objective o :
             {Objective::fastest, Objective::cheapest, Objective::cheapestWithinDeadline,
              Objective::lowestLatencyWithinBudget, Objective::lowestEnergy}) {
            s.goal->objective = o;
            QVERIFY(readBack(s) == s);
        }
        for (GrowthCurve c : {GrowthCurve::linear, GrowthCurve::exponential, GrowthCurve::sCurve}) {
            s.growth->curve = c;
            s.growth->unit = DemandUnit::tokensPerDay;
            QVERIFY(readBack(s) == s);
        }
        s.constraints->ecosystems = {Ecosystem::cuda, Ecosystem::rocm,   Ecosystem::xla,
                                     Ecosystem::cann, Ecosystem::neuron, Ecosystem::synapseAi};
        QVERIFY(readBack(s) == s);
        // The keys as the README documents them.
        const QJsonObject written = scenarioToJsonObject(everyFieldSet());
        QCOMPARE(written[QStringLiteral("goal")][QStringLiteral("objective")].toString(),
                 QStringLiteral("lowest-latency-within-budget"));
        QCOMPARE(written[QStringLiteral("goal")][QStringLiteral("deadline_s")].toDouble(), 1.5);
        QCOMPARE(written[QStringLiteral("constraints")][QStringLiteral("max_power_w")].toDouble(),
                 15.0);
        QCOMPARE(
            written[QStringLiteral("inference")][QStringLiteral("slo")][QStringLiteral("latency_s")]
                .toDouble(),
            2.5);
        QCOMPARE(written[QStringLiteral("inference")][QStringLiteral("audio_s")].toDouble(), 45.5);
        QCOMPARE(written[QStringLiteral("constraints")][QStringLiteral("ecosystems")][0].toString(),
                 QStringLiteral("JAX/XLA"));
        QCOMPARE(written[QStringLiteral("growth")][QStringLiteral("curve")].toString(),
                 QStringLiteral("s-curve"));
        QCOMPARE(written[QStringLiteral("growth")][QStringLiteral("max_chips")].toInt(), 512);
    }

    void genericModelSurvives() {
        Scenario s = everyFieldSet();
        s.workload = {};
        s.workload.shape =
            GenericShape{2.56e7, units::flops(8.2e9), units::bytes(1.0e8), units::bytes(3.3e9)};
        s.inference->speculative.reset(); // modelled for language models only (read refuses it)
        QVERIFY(readBack(s) == s);
    }

    // Prices per kWh are held per joule; any value must come back bit for bit.
    void energyPricesSurviveBitForBit() {
        std::mt19937_64 random(20261101);
        std::uniform_real_distribution<double> price(0.0, 1.0);
        std::uniform_real_distribution<double> exponent(-6, 3);
        Scenario s = everyFieldSet();
        for (int i = 0; i < 2000; ++i) {
            s.costs.electricity = units::DollarsPerJoule::from_value(price(random) / 3.6e6);
            s.costs.gridIntensity =
                units::KilogramsPerJoule::from_value(std::pow(10.0, exponent(random)) / 3.6e6);
            const Scenario back = readBack(s);
            QCOMPARE(back.costs.electricity.value(), s.costs.electricity.value());
            QCOMPARE(back.costs.gridIntensity.value(), s.costs.gridIntensity.value());
        }
        // People's numbers stay people's numbers in the file.
        s.costs.electricity = units::dollarsPerKilowattHour(0.1);
        QVERIFY(scenarioToJson(s).contains("\"electricity_usd_per_kwh\": 0.1,"));
    }

    void calibrationScenariosSurviveReadWriteRead() {
        const QDir dir(test::requiredEnv("ACCELPLAN_CALIBRATION_DIR") +
                       QStringLiteral("/scenarios"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY2(files.size() >= 100, qPrintable(dir.path()));
        for (const QString &name : files) {
            const auto first = readScenarioFile(dir.filePath(name));
            QVERIFY2(first.scenario, qPrintable(name));
            QVERIFY2(readBack(*first.scenario) == *first.scenario, qPrintable(name));
        }
    }

    void savesAtomicallyAndKeepsTheOldFileOnFailure() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.json"));
        QString error;
        Scenario s = everyFieldSet();
        QVERIFY2(writeScenarioFile(s, path, &error), qPrintable(error));
        QVERIFY(readScenarioFile(path).scenario == s);

        s.name = "second save";
        QVERIFY2(writeScenarioFile(s, path, &error), qPrintable(error));
        QVERIFY(readScenarioFile(path).scenario == s);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("plan.json")});

        // A save into a folder that does not exist fails with a message and writes nothing.
        const QString nowhere = dir.filePath(QStringLiteral("missing/plan.json"));
        QVERIFY(!writeScenarioFile(s, nowhere, &error));
        QVERIFY2(error.startsWith(nowhere + QStringLiteral(": cannot save")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(nowhere));

        // A save over something that is not a file fails and leaves it alone.
        const QString folder = dir.filePath(QStringLiteral("afolder"));
        QVERIFY(QDir().mkdir(folder));
        QVERIFY(!writeScenarioFile(s, folder, &error));
        QVERIFY(QFileInfo(folder).isDir());
        QVERIFY(readScenarioFile(path).scenario == s);
    }
};

QTEST_GUILESS_MAIN(TestScenarioRoundTrip)
#include "test_scenario_roundtrip.moc"
