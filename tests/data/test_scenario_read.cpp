// SPDX-License-Identifier: GPL-3.0-or-later
// Reading accelplan.scenario/1: valid documents give the scenario they say; every kind of bad
// input gives one located problem per mistake (file, JSON path or line:column, reason).

#include "helpers/test_env.h"
#include "io/scenario_json.h"
#include "workload/presets.h"

#include <QDir>

using namespace accelplan;
using namespace accelplan::data;

namespace {

const QString kFile = QStringLiteral("s.json");

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

// A valid document with `patch` merged into its root, one level deep per section.
QByteArray withPatch(const QByteArray &patchJson) {
    QJsonObject root = QJsonDocument::fromJson(contractExample()).object();
    const QJsonObject patch = QJsonDocument::fromJson(patchJson).object();
    if (patch.isEmpty() && patchJson != "{}")
        qFatal("bad patch in test: %s", patchJson.constData());
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isObject() && root.value(it.key()).isObject()) {
            QJsonObject section = root.value(it.key()).toObject();
            const QJsonObject p = it.value().toObject();
            for (auto f = p.begin(); f != p.end(); ++f)
                section.insert(f.key(), f.value());
            root.insert(it.key(), section);
        } else {
            root.insert(it.key(), it.value());
        }
    }
    return QJsonDocument(root).toJson();
}

QStringList errorLines(const QByteArray &json) {
    const ScenarioReadResult r = readScenarioJson(json, kFile);
    QStringList lines;
    for (const IoError &e : r.errors)
        lines << e.toString();
    if (r.scenario.has_value() == !r.errors.isEmpty())
        lines << QStringLiteral("BUG: a scenario and errors at once, or neither");
    return lines;
}

} // namespace

class TestScenarioRead : public QObject {
    Q_OBJECT

private slots:
    void readsTheContractExample() {
        const ScenarioReadResult r = readScenarioJson(contractExample(), kFile);
        QVERIFY2(r.errors.isEmpty(), qPrintable(toString(r.errors)));
        const Scenario &s = *r.scenario;
        QCOMPARE(s.name, std::string("Llama 3.1 70B: fine-tune and serve"));
        QVERIFY(s.workload == *findPreset("llama-3.1-70b"));
        QCOMPARE(s.workload.transformer()->layers, 80);
        QVERIFY(s.training.has_value());
        QCOMPARE(*s.training->tokens, 2.0e10);
        QVERIFY(!s.training->samples.has_value());
        QCOMPARE(s.training->seqLen, 8192);
        QCOMPARE(s.training->globalBatch, 512);
        QVERIFY(s.training->precision == Precision::bf16);
        QVERIFY(s.training->method == TrainingMethod::full);
        QVERIFY(s.training->optimizer == Optimizer::adamw);
        QVERIFY(s.inference.has_value());
        QVERIFY(s.inference->precision == Precision::fp8);
        QCOMPARE(s.inference->inputTokens, 2048);
        QCOMPARE(s.inference->outputTokens, 256);
        QVERIFY(s.inference->mode == InferenceMode::offline);
        QCOMPARE(s.inference->slo.ttft->value(), 2.0);
        QCOMPARE(s.inference->slo.tpot->value(), 0.1);
        QCOMPARE(s.candidates.size(), std::size_t(3));
        QCOMPARE(s.candidates[0].chipId, std::string("nvidia-h100-sxm5-80gb"));
        QCOMPARE(s.candidates[0].count, 64);
        QVERIFY(!s.candidates[0].offering.has_value());
        QCOMPARE(*s.candidates[1].offering, std::string("gcp/ct6e-standard-8t"));
        const ParallelismRequest &p = s.candidates[2].parallelism;
        QCOMPARE(*p.tp, 8);
        QCOMPARE(*p.pp, 2);
        QCOMPARE(*p.dp, 4);
        QVERIFY(!p.cp.has_value() && !p.zero.has_value());
        QVERIFY(s.costs.pricing == Pricing::onDemand);
        QCOMPARE(units::inDollarsPerKilowattHour(s.costs.electricity), 0.10);
        QCOMPARE(s.costs.pue, 1.3);
        QCOMPARE(s.costs.amortizationYears, 4.0);
    }

    void readsEveryCalibrationScenario() {
        const QDir dir(test::requiredEnv("ACCELPLAN_CALIBRATION_DIR") +
                       QStringLiteral("/scenarios"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY2(files.size() >= 100, qPrintable(dir.path()));
        for (const QString &name : files) {
            const ScenarioReadResult r = readScenarioFile(dir.filePath(name));
            QVERIFY2(r.errors.isEmpty(), qPrintable(toString(r.errors)));
            QVERIFY(!r.scenario->candidates.empty());
        }
    }

    void readsAGenericModelAndACustomTransformer() {
        const auto r = readScenarioJson(withPatch(R"({"workload": {"model": {
            "kind": "generic", "params": 2.56e7, "forward_flops_per_sample": 8.2e9,
            "activation_bytes_per_sample": 1.0e8, "embedding_bytes": 0 }},
            "training": {"samples": 1.28e6}})"),
                                        kFile);
        QVERIFY2(r.errors.isEmpty(), qPrintable(toString(r.errors)));
        const GenericShape *g = r.scenario->workload.generic();
        QVERIFY(g);
        QCOMPARE(g->params, 2.56e7);
        QCOMPARE(g->forwardFlopsPerSample.value(), 8.2e9);
        QCOMPARE(g->activationBytesPerSample.value(), 1.0e8);

        const auto t = readScenarioJson(withPatch(R"({"workload": {"model": {
            "kind": "transformer", "layers": 61, "hidden": 7168, "heads": 128, "ffn_hidden": 18432,
            "vocab": 129280, "gated_ffn": true, "experts": 256, "experts_per_token": 8,
            "moe_ffn_hidden": 2048, "shared_experts": 1, "dense_layers": 3, "kv_lora_rank": 512,
            "name": "my MoE" }}})"),
                                        kFile);
        QVERIFY2(t.errors.isEmpty(), qPrintable(toString(t.errors)));
        const TransformerShape *shape = t.scenario->workload.transformer();
        QVERIFY(shape);
        QCOMPARE(shape->layers, 61);
        QCOMPARE(shape->kvHeads, 128); // absent: multi-head attention
        QCOMPARE(shape->experts, 256);
        QCOMPARE(shape->denseLayers, 3);
        QCOMPARE(shape->kvLoraRank, 512);
        QVERIFY(shape->gatedFfn);
        QCOMPARE(t.scenario->workload.displayName, std::string("my MoE"));
        QVERIFY(t.scenario->workload.presetId.empty());
    }

    void presetsAndTheWorkTheyTrainOn() {
        const QStringList unknown =
            errorLines(withPatch(R"({"workload": {"model": "llama-9-1t"}})"));
        QCOMPARE(unknown.size(), 1);
        QVERIFY2(
            unknown[0].startsWith(QStringLiteral("s.json: workload.model: unknown model preset "
                                                 "'llama-9-1t'; expected one of ")),
            qPrintable(unknown[0]));
        QVERIFY(unknown[0].contains(QStringLiteral("llama-3.1-405b")));
        // A transformer trains on tokens, other networks on samples.
        QCOMPARE(
            errorLines(withPatch(R"({"training": {"tokens": null, "samples": 1000}})")),
            QStringList{QStringLiteral(
                "s.json: training.tokens: missing: a transformer trains on a number of tokens")});
        QCOMPARE(errorLines(withPatch(R"({"workload": {"model": "resnet-50"}})")),
                 QStringList{QStringLiteral("s.json: training.samples: missing: a network that is "
                                            "not a transformer trains on a number of samples")});
        // An encoder-only model generates nothing: no output tokens unless wrongly given.
        const auto bert = readScenarioJson(withPatch(R"({"workload": {"model": "bert-large"},
            "inference": {"output_tokens": null, "input_tokens": 384}})"),
                                           kFile);
        QVERIFY2(bert.errors.isEmpty(), qPrintable(toString(bert.errors)));
        QCOMPARE(bert.scenario->inference->outputTokens, 0);
        QCOMPARE(
            errorLines(withPatch(R"({"workload": {"model": "bert-large"}})")),
            QStringList{QStringLiteral("s.json: inference.output_tokens: must be 0 for an "
                                       "encoder-only model (it generates no tokens), got 256")});
    }

    // Strict reading (contract, Additions 2026-12): a key the format does not define is refused
    // at its path with the key it probably meant; "x-" keys are the users' notes, kept anywhere.
    void notesUnderXKeysAreAllowedEverywhere() {
        QByteArray json = contractExample();
        json.replace("\"name\":", "\"x-tool\": {\"deep\": [1, {\"a\": null}]}, \"name\":");
        json.replace("\"count\": 64 }", "\"count\": 64, \"x-note\": \"ours\" }");
        json.replace("\"tokens\":", "\"x-comment\": 5, \"tokens\":");
        json.replace("\"tp\": 8,", "\"tp\": 8, \"x-vp\": 2,");
        QCOMPARE(errorLines(json), QStringList());
        QCOMPARE(readScenarioJson(json, kFile).scenario,
                 readScenarioJson(contractExample(), kFile).scenario);
    }

    void misspelledKeysAreRefusedWithTheKeyMeant() {
        QByteArray json = contractExample();
        json.replace("\"training\":", "\"traning\":");
        json.replace("\"global_batch\":", "\"global_bach\":");
        json.replace("\"mode\": \"offline\"",
                     "\"mode\": \"offline\", \"request_rate\": 20, \"zzz\": 1");
        json.replace("\"tp\": 8,", "\"tp\": 8, \"tpp\": 2,");
        json.replace("\"pue\": 1.3,", "\"PUE\": 1.3,");
        const QStringList lines = errorLines(json);
        QVERIFY2(
            lines.contains(QStringLiteral("s.json: traning: unknown key; did you mean training?")),
            qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.contains(QStringLiteral("s.json: inference.request_rate: unknown key; did "
                                               "you mean inference.requests_per_s?")),
                 qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.contains(QStringLiteral("s.json: candidates[2].parallelism.tpp: unknown "
                                               "key; did you mean candidates[2].parallelism.tp?")),
                 qPrintable(lines.join(u'\n')));
        QVERIFY2(lines.contains(
                     QStringLiteral("s.json: costs.PUE: unknown key; did you mean costs.pue?")),
                 qPrintable(lines.join(u'\n')));
        // Nothing close: the keys the object may have are listed.
        const auto zzz =
            lines.filter(QStringLiteral("inference.zzz: unknown key; expected one of"));
        QCOMPARE(zzz.size(), 1);
        QVERIFY(zzz[0].contains(QStringLiteral("requests_per_s")));
        // traning was not read, so there is nothing to evaluate but inference: global_bach sits
        // in the unread section and is not reported on its own.
        QVERIFY(lines.filter(QStringLiteral("global_bach")).isEmpty());
        json.replace("\"traning\":", "\"training\":");
        QVERIFY(errorLines(json).contains(QStringLiteral(
            "s.json: training.global_bach: unknown key; did you mean training.global_batch?")));
    }

    void keysOfLaterVersionsSayTheyAreNotReadYet() {
        const QStringList lines = errorLines(withPatch(R"({"costs": {"device_usd": 500}})"));
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].startsWith(QStringLiteral("s.json: costs.device_usd: is not read by "
                                                    "this version of AccelPlan yet")),
                 qPrintable(lines[0]));
    }

    void speculativeDecodingIsReadAndChecked() {
        const ScenarioReadResult plain = readScenarioJson(contractExample(), kFile);
        QVERIFY(plain.scenario && !plain.scenario->inference->speculative.has_value());
        const ScenarioReadResult r = readScenarioJson(
            withPatch(R"({"inference": {"speculative": {"draft_tokens": 3, "acceptance": 0.75}}})"),
            kFile);
        QVERIFY2(r.errors.isEmpty(), qPrintable(toString(r.errors)));
        QVERIFY(r.scenario->inference->speculative == (Speculative{3, 0.75}));
        QVERIFY(errorLines(withPatch(R"({"workload": {"model": "resnet-50"},
                                         "inference": {"speculative": {"draft_tokens": 1,
                                                                       "acceptance": 0.7}}})"))
                    .contains(QStringLiteral("s.json: inference.speculative: is modelled for "
                                             "language models that generate text, not for this "
                                             "model")));
        QCOMPARE(errorLines(withPatch(R"({"inference": {"speculative": {"draft_tokens": 3}}})")),
                 QStringList{QStringLiteral("s.json: inference.speculative.acceptance: missing: "
                                            "the chance a draft is kept, 0 to 1")});
        QCOMPARE(errorLines(withPatch(
                     R"({"inference": {"speculative": {"draft_tokens": 0, "acceptance": 0.7}}})")),
                 QStringList{QStringLiteral(
                     "s.json: inference.speculative.draft_tokens: must be at least 1, got 0")});
        const QStringList overOne = errorLines(
            withPatch(R"({"inference": {"speculative": {"draft_tokens": 2, "acceptance": 1.5}}})"));
        QCOMPARE(overOne.size(), 1);
        QVERIFY2(
            overOne[0].startsWith(QStringLiteral("s.json: inference.speculative.acceptance: ")),
            qPrintable(overOne[0]));
        QCOMPARE(
            errorLines(
                withPatch(
                    R"({"inference": {"speculative": {"draft_tokens": 2, "acceptance": 0.7, "tree": true}}})"))
                .size(),
            1);
    }

    void weightOnlyQuantizationNamesTheMathsPrecision() {
        const ScenarioReadResult r = readScenarioJson(
            withPatch(R"({"inference": {"precision": "int4", "compute_precision": "bf16"}})"),
            kFile);
        QVERIFY2(r.errors.isEmpty(), qPrintable(toString(r.errors)));
        QVERIFY(r.scenario->inference->precision == Precision::int4);
        QVERIFY(r.scenario->inference->computePrecision == std::optional(Precision::bf16));
        QVERIFY(r.scenario->inference->mathPrecision() == Precision::bf16);
        const ScenarioReadResult plain = readScenarioJson(contractExample(), kFile);
        QVERIFY(plain.scenario && !plain.scenario->inference->computePrecision);
        QVERIFY(plain.scenario->inference->mathPrecision() == Precision::fp8);
        QCOMPARE(errorLines(withPatch(
                     R"({"inference": {"precision": "bf16", "compute_precision": "int8"}})")),
                 QStringList{QStringLiteral(
                     "s.json: inference.compute_precision: the math's precision (int8) is "
                     "narrower than the weights' (bf16): weights are widened for the math, "
                     "never narrowed")});
        const QStringList unknown =
            errorLines(withPatch(R"({"inference": {"compute_precision": "fp12"}})"));
        QCOMPARE(unknown.size(), 1);
        QVERIFY2(unknown[0].startsWith(QStringLiteral("s.json: inference.compute_precision: ")),
                 qPrintable(unknown[0]));
    }

    void theServingRuntimeIsOneAccelPlanKnows() {
        const ScenarioReadResult plain = readScenarioJson(contractExample(), kFile);
        QVERIFY(plain.scenario && !plain.scenario->inference->runtime.has_value());
        for (const char *id : {"vllm", "tensorrt-llm", "sglang", "jetstream", "mindie", "neuron",
                               "transformers-neuronx", "tgi", "llama.cpp", "onnxruntime"}) {
            const ScenarioReadResult r =
                readScenarioJson(withPatch(QStringLiteral(R"({"inference": {"runtime": "%1"}})")
                                               .arg(QLatin1String(id))
                                               .toUtf8()),
                                 kFile);
            QVERIFY2(r.errors.isEmpty(), qPrintable(toString(r.errors)));
            QCOMPARE(*r.scenario->inference->runtime, std::string(id));
        }
        // The case of an id does not matter: it is stored as AccelPlan spells it.
        const ScenarioReadResult mixed =
            readScenarioJson(withPatch(R"({"inference": {"runtime": "vLLM"}})"), kFile);
        QVERIFY2(mixed.errors.isEmpty(), qPrintable(toString(mixed.errors)));
        QCOMPARE(*mixed.scenario->inference->runtime, std::string("vllm"));
        const QStringList unknown =
            errorLines(withPatch(R"({"inference": {"runtime": "deepspeed-mii"}})"));
        QCOMPARE(unknown.size(), 1);
        QVERIFY2(unknown[0].startsWith(QStringLiteral(
                     "s.json: inference.runtime: unknown serving runtime \"deepspeed-mii\"; "
                     "expected one of vllm, tensorrt-llm, sglang,")),
                 qPrintable(unknown[0]));
        QCOMPARE(errorLines(withPatch(R"({"inference": {"runtime": ""}})")),
                 QStringList{QStringLiteral("s.json: inference.runtime: must not be empty")});
        QCOMPARE(errorLines(withPatch(R"({"inference": {"runtime": 3}})")).size(), 1);
    }

    void duplicateKeysAreRefusedWithBothLines() {
        QByteArray json = contractExample();
        json.replace("\"count\": 64 }", "\"count\": 64, \"count\": 8 }");
        json.replace("\"name\": \"Llama", "\"name\": \"a\",\n  \"name\": \"Llama");
        const QStringList lines = errorLines(json);
        QVERIFY2(lines.contains(QStringLiteral("s.json: name: appears twice in one object (lines "
                                               "3 and 4); a key may be given once")),
                 qPrintable(lines.join(u'\n')));
        QVERIFY2(
            lines.filter(QStringLiteral("s.json: candidates[0].count: appears twice")).size() == 1,
            qPrintable(lines.join(u'\n')));
    }

    void emptyWhitespaceAndBinaryFiles() {
        QCOMPARE(errorLines(""), QStringList{QStringLiteral(
                                     "s.json: the file is empty (expected a JSON document)")});
        QCOMPARE(
            errorLines(" \n\t\n"),
            QStringList{QStringLiteral("s.json: the file is empty (expected a JSON document)")});
        const QStringList binary = errorLines(QByteArray("{\n  \"format\"\x00\x01\x02", 15));
        QCOMPARE(binary.size(), 1);
        QVERIFY2(binary[0].startsWith(QStringLiteral("s.json:2:11: not a text file")),
                 qPrintable(binary[0]));
        const QStringList png = errorLines(QByteArray("\x89PNG\r\n\x1a\n", 8));
        QCOMPARE(png.size(), 1);
        QVERIFY2(png[0].startsWith(QStringLiteral("s.json:1:1: not a text file")),
                 qPrintable(png[0]));
        // A byte order mark is not binary: editors on Windows write it.
        QCOMPARE(errorLines(QByteArray("\xEF\xBB\xBF") + contractExample()), QStringList());
    }

    void syntaxErrorsSayLineAndColumn() {
        const QByteArray full = contractExample();
        const QStringList truncated = errorLines(full.left(full.indexOf("\"candidates\"") + 20));
        QCOMPARE(truncated.size(), 1);
        QVERIFY2(truncated[0].startsWith(QStringLiteral("s.json:10:")), qPrintable(truncated[0]));
        QVERIFY(truncated[0].contains(QStringLiteral("JSON syntax error")));

        const QStringList missingColon =
            errorLines("{\n  \"format\": \"accelplan.scenario/1\",\n  \"name\" \"x\"\n}\n");
        QCOMPARE(missingColon.size(), 1);
        QVERIFY2(missingColon[0].startsWith(QStringLiteral("s.json:3:")),
                 qPrintable(missingColon[0]));

        // Columns count characters: "é" is two bytes but one column.
        QCOMPARE(errorLines("{\"n\u00e9\": 1,,}"), errorLines("{\"ne\": 1,,}"));

        const QStringList infinite = errorLines(withPatch("{}").replace("8192", "1e999"));
        QCOMPARE(infinite.size(), 1);
        QVERIFY2(infinite[0].contains(QStringLiteral("illegal number")), qPrintable(infinite[0]));
    }

    void deeplyNestedDocumentsAreRefusedWithoutCrashing() {
        const QStringList deep = errorLines(QByteArray(200000, '['));
        QCOMPARE(deep.size(), 1);
        QVERIFY2(deep[0].contains(QStringLiteral("nested too deeply")), qPrintable(deep[0]));
        QByteArray objects;
        for (int i = 0; i < 100000; ++i)
            objects += "{\"a\":";
        QCOMPARE(errorLines(objects).size(), 1);
        // Deep but legal nesting under a note is kept like any note.
        QByteArray json = contractExample();
        const QByteArray nested =
            "\"x-deep\": " + QByteArray(500, '[') + QByteArray(500, ']') + ", \"name\":";
        json.replace("\"name\":", nested);
        QCOMPARE(errorLines(json), QStringList());
    }

    void rootAndFormat() {
        QCOMPARE(errorLines("[1, 2]"),
                 QStringList{QStringLiteral(
                     "s.json: the document must be a JSON object ({ ... }), found an array")});
        QCOMPARE(errorLines("{\"name\": \"x\"}"),
                 QStringList{
                     QStringLiteral("s.json: format: missing: expected \"accelplan.scenario/1\"")});
        // Another document kind: only the format is reported, not every key it lacks.
        QByteArray catalog = contractExample();
        catalog.replace("accelplan.scenario/1", "accelplan.catalog/1");
        QCOMPARE(
            errorLines(catalog),
            QStringList{QStringLiteral("s.json: format: unsupported format 'accelplan.catalog/1'; "
                                       "this version reads \"accelplan.scenario/1\"")});
        QByteArray future = contractExample();
        future.replace("accelplan.scenario/1", "accelplan.scenario/2");
        QCOMPARE(errorLines(future).size(), 1);
        QCOMPARE(errorLines(withPatch(R"({"format": 1})")),
                 QStringList{QStringLiteral("s.json: format: must be a string, got 1")});
    }

    void countsMustBePositiveWholeNumbers() {
        QByteArray json = withPatch(R"({"candidates": [
            {"chip": "a", "count": 8}, {"chip": "b", "count": 0}, {"chip": "c", "count": -4},
            {"chip": "d", "count": 2.5}, {"chip": "e", "count": "64"}, {"chip": "f"}, {"count": 1},
            {"chip": "", "count": 1}, 7]})");
        QCOMPARE(
            errorLines(json),
            (QStringList{
                QStringLiteral("s.json: candidates[1].count: must be at least 1, got 0"),
                QStringLiteral("s.json: candidates[2].count: must be at least 1, got -4"),
                QStringLiteral("s.json: candidates[3].count: must be a whole number, got 2.5"),
                QStringLiteral(
                    "s.json: candidates[4].count: must be a whole number, got a string (\"64\")"),
                QStringLiteral("s.json: candidates[6].chip: missing: a catalog chip id"),
                QStringLiteral("s.json: candidates[7].chip: must not be empty"),
                QStringLiteral("s.json: candidates[8]: must be a candidate object ({ \"chip\": "
                               "..., \"count\": ... }), got 7"),
            }));
        QCOMPARE(errorLines(withPatch(R"({"candidates": [{"chip": "a", "count": 1e12}]})")),
                 QStringList{QStringLiteral(
                     "s.json: candidates[0].count: must be at most 1048576, got 1e+12")});
    }

    // A candidate's role: training, serving or both (the default, not written back).
    void rolesAreReadAndRefusedInWords() {
        const ScenarioReadResult r = readScenarioJson(
            withPatch(R"({"candidates": [{"chip": "a", "count": 1, "role": "training"},
                                         {"chip": "b", "count": 1, "role": "serving"},
                                         {"chip": "c", "count": 1}]})"),
            kFile);
        QVERIFY(r.scenario);
        QVERIFY(r.scenario->candidates[0].role == Role::training);
        QVERIFY(r.scenario->candidates[1].role == Role::serving);
        QVERIFY(r.scenario->candidates[2].role == Role::both);
        const QJsonArray written = scenarioToJsonObject(*r.scenario).value(u"candidates").toArray();
        QCOMPARE(written.at(0).toObject().value(u"role").toString(), QStringLiteral("training"));
        QVERIFY(!written.at(2).toObject().contains(u"role"));
        QCOMPARE(errorLines(withPatch(R"({"candidates": [{"chip": "a", "role": "inference"}]})")),
                 QStringList{QStringLiteral("s.json: candidates[0].role: unknown role "
                                            "'inference'; expected one of both, training, "
                                            "serving")});
    }

    // No count, or "best": the count search's, written back as "best"; a pinned layout needs a
    // count of its own.
    void aBestCountIsTheWordBestOrNoCount() {
        const ScenarioReadResult r = readScenarioJson(
            withPatch(R"({"candidates": [{"chip": "a", "count": "best"}, {"chip": "b"},
                                         {"chip": "c", "count": 4}]})"),
            kFile);
        QVERIFY(r.scenario);
        QCOMPARE(r.scenario->candidates[0].count, kBestCount);
        QCOMPARE(r.scenario->candidates[1].count, kBestCount);
        QCOMPARE(r.scenario->candidates[2].count, 4);
        const QJsonObject written =
            scenarioToJsonObject(*r.scenario).value(u"candidates").toArray().at(0).toObject();
        QCOMPARE(written.value(u"count").toString(), QStringLiteral("best"));
        QCOMPARE(readScenarioJson(scenarioToJson(*r.scenario), kFile).scenario, r.scenario);
        QCOMPARE(errorLines(withPatch(R"({"candidates": [{"chip": "a", "count": "best",
                                          "parallelism": {"tp": 8}}]})")),
                 QStringList{QStringLiteral("s.json: candidates[0].parallelism: a pinned layout "
                                            "needs a chip count, not \"best\"")});
        QCOMPARE(errorLines(withPatch(R"({"candidates": [{"chip": "a", "count": "most"}]})")),
                 QStringList{QStringLiteral("s.json: candidates[0].count: must be a whole number, "
                                            "got a string (\"most\")")});
    }

    // A count near 2^31 crashed the evaluation (SIGFPE) or turned memory negative; every count
    // the format accepts is bounded where it is read.
    void absurdCountsAreRefusedWhereTheyAreRead() {
        const QStringList lines = errorLines(withPatch(R"({
            "workload": {"model": {"kind": "transformer", "layers": 2147483647, "hidden": 8192,
                                   "heads": 64, "ffn_hidden": 28672, "vocab": 2147483647}},
            "training": {"tokens": 1e12, "seq_len": 2147483647, "global_batch": 2147483647},
            "inference": {"input_tokens": 2147483647, "batch": 2147483647},
            "candidates": [{"chip": "a", "count": 2147483647,
                            "parallelism": {"tp": 2147483647, "microbatch": 2147483647}}],
            "growth": {"start": 1, "end": 2, "max_chips": 2147483647}})"));
        const QString most = QStringLiteral("must be at most %1, got 2147483647");
        QCOMPARE(lines,
                 (QStringList{
                     QStringLiteral("s.json: workload.model.layers: ") + most.arg(100000),
                     QStringLiteral("s.json: workload.model.vocab: ") + most.arg(16777216),
                     QStringLiteral("s.json: training.seq_len: ") + most.arg(16777216),
                     QStringLiteral("s.json: training.global_batch: ") + most.arg(1000000000),
                     QStringLiteral("s.json: inference.input_tokens: ") + most.arg(16777216),
                     QStringLiteral("s.json: inference.batch: ") + most.arg(1000000000),
                     QStringLiteral("s.json: candidates[0].count: ") + most.arg(1048576),
                     QStringLiteral("s.json: candidates[0].parallelism.tp: ") + most.arg(1048576),
                     QStringLiteral("s.json: candidates[0].parallelism.microbatch: ") +
                         most.arg(1000000000),
                     QStringLiteral("s.json: growth.max_chips: ") + most.arg(1048576),
                 }));
    }

    // Four factors of up to 2^20 multiply past 64 bits; the check still says they do not fit.
    void aLayoutProductBeyondSixtyFourBitsIsRefused() {
        const QStringList lines = errorLines(withPatch(R"({"candidates": [{"chip": "a",
            "count": 1048576, "parallelism": {"dp": 1048576, "tp": 1048576, "pp": 1048576,
                                              "cp": 1048576}}]})"));
        QCOMPARE(lines.size(), 1);
        QVERIFY2(
            lines.first().startsWith(QStringLiteral(
                "s.json: candidates[0].parallelism: dp × tp × pp × cp = 1.2089258196146292e+24 "
                "must equal count 1048576")),
            qPrintable(lines.first()));
    }

    void stringsForNumbersAndOtherWrongTypes() {
        const QStringList lines = errorLines(withPatch(R"({
            "training": {"tokens": "2e10", "seq_len": true, "precision": 16},
            "inference": {"input_tokens": [2048], "slo": 2},
            "costs": {"pue": "1.3"}, "candidates": {"chip": "a"}})"));
        QCOMPARE(
            lines,
            (QStringList{
                QStringLiteral(
                    "s.json: training.tokens: must be a number, got a string (\"2e10\")"),
                QStringLiteral("s.json: training.seq_len: must be a whole number, got true"),
                QStringLiteral("s.json: training.precision: must be a string, got 16"),
                QStringLiteral(
                    "s.json: inference.input_tokens: must be a whole number, got an array"),
                QStringLiteral("s.json: inference.slo: must be an object ({ ... }), got 2"),
                QStringLiteral("s.json: candidates: must be an array ([ ... ]), got an object"),
                QStringLiteral("s.json: costs.pue: must be a number, got a string (\"1.3\")"),
            }));
    }

    void unknownNamesListTheChoices() {
        const QStringList lines = errorLines(withPatch(R"({
            "training": {"precision": "fp9", "method": "qlora", "optimizer": "lion"},
            "inference": {"precision": "fp64", "mode": "turbo", "phase": "both-ish"},
            "costs": {"pricing": "free"}})"));
        QCOMPARE(lines.size(), 7);
        QVERIFY(lines.contains(QStringLiteral(
            "s.json: training.precision: unknown training precision 'fp9'; expected one of fp32, "
            "tf32, bf16, fp16, fp8, int8, fp4")));
        QVERIFY(lines.contains(QStringLiteral(
            "s.json: inference.precision: unknown inference precision 'fp64'; expected one of "
            "fp32, bf16, fp16, fp8, int8, fp4, int4")));
        QVERIFY(lines.contains(QStringLiteral("s.json: inference.mode: unknown mode 'turbo'; "
                                              "expected one of offline, latency, server")));
        QVERIFY(lines.contains(QStringLiteral(
            "s.json: costs.pricing: unknown pricing 'free'; expected one of on-demand, spot, "
            "reserved-1y, reserved-3y, owned")));
        QVERIFY(lines.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("training.method: unknown training method 'qlora'")));
        QVERIFY(lines.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("training.optimizer: unknown optimizer 'lion'")));
        QVERIFY(lines.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("inference.phase: unknown phase 'both-ish'")));
    }

    void impossibleModelShapes() {
        const QStringList lines = errorLines(withPatch(R"({"workload": {"model": {
            "kind": "transformer", "layers": 4, "hidden": 8100, "heads": 64, "kv_heads": 7,
            "ffn_hidden": 0, "vocab": 32000, "experts": 8, "experts_per_token": 9,
            "dense_layers": 5, "gated_ffn": "yes"}}})"));
        QCOMPARE(lines,
                 (QStringList{
                     QStringLiteral("s.json: workload.model.ffn_hidden: must be at least 1, got 0"),
                     QStringLiteral("s.json: workload.model.gated_ffn: must be true or false, got "
                                    "a string (\"yes\")"),
                     QStringLiteral("s.json: workload.model.heads: 64 heads do not divide hidden "
                                    "8100 (give head_dim when heads are not hidden / heads wide)"),
                     QStringLiteral(
                         "s.json: workload.model.kv_heads: 7 kv_heads do not divide 64 heads"),
                     QStringLiteral("s.json: workload.model.experts_per_token: must be between 1 "
                                    "and experts (8), got 9"),
                     QStringLiteral(
                         "s.json: workload.model.dense_layers: 5 dense layers but only 4 layers"),
                 }));
        // An explicit head width lifts the divisibility rule (Gemma-style heads).
        QCOMPARE(errorLines(withPatch(R"({"workload": {"model": {"kind": "transformer",
            "layers": 28, "hidden": 3072, "heads": 16, "head_dim": 256, "ffn_hidden": 24576,
            "vocab": 256000}}})")),
                 QStringList());
        QCOMPARE(errorLines(withPatch(R"({"workload": {"model": {"kind": "cnn"}}})")),
                 QStringList{QStringLiteral("s.json: workload.model.kind: unknown model kind "
                                            "'cnn'; expected transformer or generic")});
        QCOMPARE(errorLines(withPatch(R"({"workload": {"model": {"kind": "generic", "params": -1,
            "forward_flops_per_sample": 0}}, "training": {"samples": 5}})")),
                 (QStringList{QStringLiteral(
                                  "s.json: workload.model.params: must be greater than 0, got -1"),
                              QStringLiteral("s.json: workload.model.forward_flops_per_sample: "
                                             "must be greater than 0, got 0")}));
        QCOMPARE(errorLines(withPatch(R"({"workload": {"model": 70}})")),
                 QStringList{QStringLiteral("s.json: workload.model: must be a preset id (a "
                                            "string) or a model object, got 70")});
        QCOMPARE(errorLines(contractExample().replace(R"({ "model": "llama-3.1-70b" })", "{}")),
                 QStringList{QStringLiteral("s.json: workload.model: missing: a preset id "
                                            "(\"llama-3.1-70b\") or a model object")});
    }

    void layoutMustMultiplyToTheCount() {
        const QStringList lines = errorLines(withPatch(R"({"candidates": [
            {"chip": "a", "count": 64, "parallelism": {"dp": 4, "tp": 8, "pp": 2, "cp": 2}},
            {"chip": "a", "count": 64, "parallelism": {"dp": 4, "tp": 8, "pp": 2, "cp": 1}},
            {"chip": "a", "count": 64, "parallelism": {"tp": 3}},
            {"chip": "a", "count": 64, "parallelism": {"tp": 8, "zero": 4, "ep": 0}},
            {"chip": "a", "count": 8, "parallelism": {"tp": 4, "pp": 1}}]})"));
        QCOMPARE(
            lines,
            (QStringList{
                QStringLiteral("s.json: candidates[0].parallelism: dp × tp × pp × cp = 128 must "
                               "equal count 64"),
                QStringLiteral(
                    "s.json: candidates[2].parallelism: tp = 3 does not divide count 64"),
                QStringLiteral("s.json: candidates[3].parallelism.ep: must be at least 1, got 0"),
                QStringLiteral("s.json: candidates[3].parallelism.zero: must be at most 3, got 4"),
            }));
    }

    void workRangesAndModes() {
        QCOMPARE(errorLines(withPatch(R"({"training": {"tokens": null}})")),
                 QStringList{QStringLiteral("s.json: training: missing the work to do: \"tokens\" "
                                            "(transformers) or \"samples\" (other networks)")});
        QCOMPARE(errorLines(withPatch(R"({"training": {"tokens": -5, "epochs": 0}})")),
                 (QStringList{
                     QStringLiteral("s.json: training.tokens: must be greater than 0, got -5"),
                     QStringLiteral("s.json: training.epochs: must be greater than 0, got 0")}));
        QCOMPARE(errorLines(
                     withPatch(R"({"inference": {"audio_s": 0, "slo": {"latency_s": "30 ms"}}})")),
                 (QStringList{
                     QStringLiteral("s.json: inference.slo.latency_s: must be a number, got a "
                                    "string (\"30 ms\")"),
                     QStringLiteral("s.json: inference.audio_s: must be greater than 0, got 0")}));
        QCOMPARE(errorLines(withPatch(R"({"inference": {"mode": "server", "slo": null}})")),
                 QStringList{QStringLiteral("s.json: inference.slo: missing: server mode needs an "
                                            "slo (ttft_s, tpot_s, latency_s) or requests_per_s")});
        QCOMPARE(errorLines(withPatch(
                     R"({"inference": {"mode": "server", "slo": null, "requests_per_s": 4}})")),
                 QStringList());
        // Targets that are null are no targets (fuzzing found this slo accepted, then lost).
        QCOMPARE(errorLines(withPatch(R"({"inference": {"mode": "server", "slo": {"ttft_s": null,
                                                                          "tpot_s": null}}})")),
                 QStringList{QStringLiteral("s.json: inference.slo: missing: server mode needs an "
                                            "slo (ttft_s, tpot_s, latency_s) or requests_per_s")});
        QCOMPARE(
            errorLines(withPatch(R"({"inference": {"slo": {"ttft_s": 0, "tpot_s": -0.1}}})")),
            (QStringList{
                QStringLiteral("s.json: inference.slo.ttft_s: must be greater than 0, got 0"),
                QStringLiteral("s.json: inference.slo.tpot_s: must be greater than 0, got -0.1")}));
        QCOMPARE(
            errorLines(withPatch(R"({"costs": {"pue": 0.9, "electricity_usd_per_kwh": -1}})")),
            (QStringList{
                QStringLiteral("s.json: costs.electricity_usd_per_kwh: must be at least 0, got -1"),
                QStringLiteral("s.json: costs.pue: must be at least 1, got 0.9")}));
        QCOMPARE(errorLines(withPatch(R"({"training": null, "inference": null})")),
                 QStringList{QStringLiteral(
                     "s.json: nothing to evaluate: give \"training\", \"inference\" or both")});
    }

    void beamsAreReadAndChecked() {
        // Absent: empty, so the workload's default decoding applies (core decides).
        const ScenarioReadResult plain = readScenarioJson(contractExample(), kFile);
        QVERIFY(plain.scenario && !plain.scenario->inference->beams.has_value());
        for (int beams : {1, 4, 64}) {
            const ScenarioReadResult r = readScenarioJson(
                withPatch(QStringLiteral(R"({"inference": {"beams": %1}})").arg(beams).toUtf8()),
                kFile);
            QVERIFY2(r.errors.isEmpty(), qPrintable(toString(r.errors)));
            QCOMPARE(*r.scenario->inference->beams, beams);
        }
        QCOMPARE(errorLines(withPatch(R"({"inference": {"beams": 0}})")),
                 QStringList{QStringLiteral("s.json: inference.beams: must be at least 1, got 0")});
        QCOMPARE(
            errorLines(withPatch(R"({"inference": {"beams": 65}})")),
            QStringList{QStringLiteral("s.json: inference.beams: must be at most 64, got 65")});
        QCOMPARE(errorLines(withPatch(R"({"inference": {"beams": 2.5}})")),
                 QStringList{
                     QStringLiteral("s.json: inference.beams: must be a whole number, got 2.5")});
        QCOMPARE(errorLines(withPatch(R"({"inference": {"beams": "4"}})")),
                 QStringList{QStringLiteral(
                     "s.json: inference.beams: must be a whole number, got a string (\"4\")")});
    }

    void readsThePlanningSections() {
        const ScenarioReadResult r = readScenarioJson(withPatch(R"({
            "goal": {"objective": "cheapest-within-deadline", "focus": "training",
                     "deadline_s": 604800, "budget_usd": 2.5e5},
            "constraints": {"providers": ["aws", "gcp", "aws"], "on_premises_only": false,
                            "ecosystems": ["CUDA", "jax", "JAX/XLA", "rocm"],
                            "frameworks": ["PyTorch", "torch", "JAX"]},
            "growth": {"unit": "requests-per-day", "start": 1e5, "end": 4e6, "months": 24,
                       "curve": "exponential", "peak_factor": 2.5, "max_chips": 256},
            "costs": {"utilization": 0.7}})"),
                                                      kFile);
        QVERIFY2(r.errors.isEmpty(), qPrintable(toString(r.errors)));
        const Scenario &s = *r.scenario;
        QVERIFY(s.goal->objective == Objective::cheapestWithinDeadline);
        QVERIFY(s.goal->focus == Focus::training);
        QCOMPARE(s.goal->deadline->value(), 604800.0);
        QCOMPARE(s.goal->budget->value(), 2.5e5);
        // Duplicates and other spellings of one ecosystem count once.
        QCOMPARE(s.constraints->providers, (std::vector<std::string>{"aws", "gcp"}));
        QVERIFY(!s.constraints->onPremisesOnly);
        QVERIFY((s.constraints->ecosystems ==
                 std::vector<Ecosystem>{Ecosystem::cuda, Ecosystem::xla, Ecosystem::rocm}));
        QVERIFY((s.constraints->frameworks ==
                 std::vector<Framework>{Framework::pytorch, Framework::jax}));
        QVERIFY(s.growth->unit == DemandUnit::requestsPerDay);
        QCOMPARE(s.growth->start, 1e5);
        QCOMPARE(s.growth->end, 4e6);
        QCOMPARE(s.growth->months, 24);
        QVERIFY(s.growth->curve == GrowthCurve::exponential);
        QCOMPARE(s.growth->peakFactor, 2.5);
        QCOMPARE(*s.growth->maxChips, 256);
        QCOMPARE(*s.costs.utilization, 0.7);

        // Everything but the demand has a default; an empty goal means cheapest.
        const ScenarioReadResult minimal = readScenarioJson(
            withPatch(R"({"goal": {}, "constraints": {}, "growth": {"start": 0, "end": 1e9}})"),
            kFile);
        QVERIFY2(minimal.errors.isEmpty(), qPrintable(toString(minimal.errors)));
        QVERIFY(*minimal.scenario->goal == Goal{});
        QVERIFY(*minimal.scenario->constraints == Constraints{});
        QCOMPARE(minimal.scenario->growth->months, 12);
        QVERIFY(minimal.scenario->growth->unit == DemandUnit::tokensPerDay);
        QVERIFY(!minimal.scenario->growth->maxChips);
        // The contract's own example has none of them.
        const Scenario plain = *readScenarioJson(contractExample(), kFile).scenario;
        QVERIFY(!plain.goal && !plain.constraints && !plain.growth && !plain.costs.utilization);
    }

    void planningSectionsLocateEveryBadValue() {
        const QStringList lines = errorLines(withPatch(R"({
            "goal": {"objective": "best", "focus": "both", "deadline_s": 0, "budget_usd": "1k",
                     "serving_months": -1},
            "constraints": {"providers": ["aws", 3, ""], "on_premises_only": "yes",
                            "ecosystems": ["CUDA", "OpenCL", null], "max_power_w": -15,
                            "frameworks": ["Keras", 7]},
            "growth": {"unit": "users", "end": -1, "months": 0, "curve": "log",
                       "peak_factor": 0.5, "max_chips": 1.5},
            "costs": {"utilization": 1.2}})"));
        QCOMPARE(
            lines,
            (QStringList{
                QStringLiteral("s.json: costs.utilization: must be at most 1, got 1.2"),
                QStringLiteral("s.json: goal.objective: unknown objective 'best'; expected one of "
                               "fastest, cheapest, cheapest-within-deadline, "
                               "lowest-latency-within-budget, lowest-energy"),
                QStringLiteral("s.json: goal.focus: unknown focus 'both'; expected one of "
                               "training, inference"),
                QStringLiteral("s.json: goal.deadline_s: must be greater than 0, got 0"),
                QStringLiteral("s.json: goal.budget_usd: must be a number, got a string (\"1k\")"),
                QStringLiteral("s.json: goal.serving_months: must be at least 0, got -1"),
                QStringLiteral("s.json: constraints.providers[1]: must be a provider id "
                               "(\"aws\"), got 3"),
                QStringLiteral("s.json: constraints.providers[2]: must be a provider id "
                               "(\"aws\"), got a string (\"\")"),
                QStringLiteral("s.json: constraints.on_premises_only: must be true or false, got "
                               "a string (\"yes\")"),
                QStringLiteral("s.json: constraints.max_power_w: must be greater than 0, got -15"),
                QStringLiteral("s.json: constraints.ecosystems[1]: unknown ecosystem 'OpenCL'; "
                               "expected one of CUDA, ROCm, JAX/XLA, CANN/MindSpore, Neuron, "
                               "SynapseAI"),
                QStringLiteral("s.json: constraints.ecosystems[2]: must be an ecosystem name "
                               "(\"CUDA\"), got null"),
                QStringLiteral("s.json: constraints.frameworks[0]: unknown framework 'Keras'; "
                               "expected one of PyTorch, JAX, TensorFlow, MindSpore, "
                               "PaddlePaddle"),
                QStringLiteral("s.json: constraints.frameworks[1]: must be a framework name "
                               "(\"PyTorch\"), got 7"),
                QStringLiteral("s.json: growth.unit: unknown demand unit 'users'; expected one of "
                               "tokens-per-day, requests-per-day"),
                QStringLiteral("s.json: growth.start: missing: the demand per day in the plan's "
                               "unit"),
                QStringLiteral("s.json: growth.end: must be at least 0, got -1"),
                QStringLiteral("s.json: growth.months: must be at least 1, got 0"),
                QStringLiteral("s.json: growth.curve: unknown curve 'log'; expected one of "
                               "linear, exponential, s-curve"),
                QStringLiteral("s.json: growth.peak_factor: must be at least 1, got 0.5"),
                QStringLiteral("s.json: growth.max_chips: must be a whole number, got 1.5"),
            }));
        QCOMPARE(
            errorLines(withPatch(R"({"goal": "fastest", "constraints": [],
                                          "growth": {"start": 1, "end": 2, "months": 1e4}})")),
            (QStringList{
                QStringLiteral("s.json: goal: must be an object ({ ... }), got a string "
                               "(\"fastest\")"),
                QStringLiteral("s.json: constraints: must be an object ({ ... }), got an array"),
                QStringLiteral("s.json: growth.months: must be at most 240, got 10000"),
            }));
        // Demand grows a serving fleet: a plan without serving has nothing to grow.
        QCOMPARE(errorLines(withPatch(R"({"inference": null, "growth": {"start": 1, "end": 2}})")),
                 QStringList{QStringLiteral("s.json: growth: a growth plan grows a serving "
                                            "fleet: give \"inference\" too")});
    }

    void reportsEveryProblemAtOnce() {
        const QStringList lines = errorLines(withPatch(R"({
            "training": {"seq_len": 0, "precision": "fp5"},
            "inference": {"output_tokens": -1},
            "candidates": [{"chip": "a", "count": 0}, {"chip": 3, "count": 1}]})"));
        QCOMPARE(lines.size(), 5);
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(QStringLiteral("s.json: ")), qPrintable(line));
    }

    void filesThatCannotBeRead() {
        QTemporaryDir dir;
        const auto missing = readScenarioFile(dir.filePath(QStringLiteral("none.json")));
        QCOMPARE(missing.errors.size(), 1);
        QCOMPARE(missing.errors[0].toString(),
                 dir.filePath(QStringLiteral("none.json")) + QStringLiteral(": no such file"));
        const auto folder = readScenarioFile(dir.path());
        QCOMPARE(folder.errors.size(), 1);
        QVERIFY(folder.errors[0].reason.contains(QStringLiteral("folder")));
        const QString good = test::writeFile(dir, QStringLiteral("good.json"), contractExample());
        const auto ok = readScenarioFile(good);
        QVERIFY(ok.errors.isEmpty());
        QCOMPARE(ok.scenario, readScenarioJson(contractExample(), kFile).scenario);
    }
};

QTEST_GUILESS_MAIN(TestScenarioRead)
#include "test_scenario_read.moc"
