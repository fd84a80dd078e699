// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/scenario_json.h"

#include "hardware/serving_runtime.h"
#include "inference/decoding.h"
#include "io/json_fields.h"
#include "io/json_file.h"
#include "io/lossless_number.h"
#include "io/save_file.h"
#include "io/scenario_json_plan.h"
#include "support/qt_text.h"
#include "workload/presets.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <cmath>
#include <limits>
#include <tuple>

namespace accelplan::data {
namespace {

constexpr std::array kTrainingPrecisions{Precision::fp32, Precision::tf32, Precision::bf16,
                                         Precision::fp16, Precision::fp8,  Precision::int8,
                                         Precision::fp4};
// fp32 goes beyond the contract's list: CPUs serve in it.
constexpr std::array kInferencePrecisions{Precision::fp32, Precision::bf16, Precision::fp16,
                                          Precision::fp8,  Precision::int8, Precision::fp4,
                                          Precision::int4};
constexpr std::array kMethods{TrainingMethod::full, TrainingMethod::lora};
constexpr std::array kOptimizers{Optimizer::adamw, Optimizer::sgd};
constexpr std::array kRecomputes{Recompute::automatic, Recompute::none, Recompute::selective,
                                 Recompute::full};
constexpr std::array kModes{InferenceMode::offline, InferenceMode::latency, InferenceMode::server};
constexpr std::array kPhases{InferencePhase::both, InferencePhase::prefill, InferencePhase::decode};
constexpr std::array kRoles{Role::both, Role::training, Role::serving};
constexpr std::array kPricings{Pricing::onDemand, Pricing::spot, Pricing::reserved1y,
                               Pricing::reserved3y, Pricing::owned};

constexpr int kMaxZeroStage = 3;

// The largest counts a file may give. Each lies far beyond any model or run built so far (and
// at or above what the app's form offers), and bounds what the model multiplies: a count near
// 2^31 overflowed and crashed the evaluation, or turned memory negative.
constexpr int kMaxLayers = 100'000;
constexpr int kMaxWidth = 1 << 22;          // hidden, FFN and latent widths
constexpr int kMaxHeads = 1 << 16;          // heads, head widths, experts, LoRA rank
constexpr int kMaxRows = 1 << 24;           // vocabulary and position embeddings
constexpr int kMaxTokens = 1 << 24;         // a sequence, a prompt or an answer
constexpr int kMaxBatch = 1'000'000'000;    // sequences per step, requests in flight, micro-batch
constexpr double kMaxAudioSeconds = 86'400; // a day of audio in one request

// Whether the workload's shape was read; after a rejected model there is nothing to check
// against.
bool knownShape(const Workload &w) {
    const TransformerShape *t = w.transformer();
    return !t || t->layers > 0;
}

// Reads the document into a Scenario, recording every problem in the log; the scenario is
// only handed out when the log stays empty.
class ScenarioReader {
public:
    explicit ScenarioReader(IoErrorLog &log) : log_(log) {}

    Scenario read(const QJsonObject &root) {
        Scenario s;
        JsonFields doc(root, {}, log_);
        if (!readFormat(doc))
            return s; // another kind of document: its contents would only bury that one problem
        doc.allowOnly({"format", "name", "workload", "training", "inference", "candidates", "costs",
                       "goal", "constraints", "growth"});
        if (auto name = doc.string(key("name")))
            s.name = name->toStdString();
        if (doc.require(key("workload"))) {
            if (auto w = doc.object(key("workload")))
                readWorkload(JsonFields(*w, doc.pathOf(key("workload")), log_), s.workload);
        }
        if (auto t = doc.object(key("training")))
            s.training =
                readTraining(JsonFields(*t, doc.pathOf(key("training")), log_), s.workload);
        if (auto i = doc.object(key("inference")))
            s.inference =
                readInference(JsonFields(*i, doc.pathOf(key("inference")), log_), s.workload);
        if (!doc.has(key("training")) && !doc.has(key("inference")))
            log_.atPath({}, QStringLiteral("nothing to evaluate: give \"training\", \"inference\" "
                                           "or both"));
        if (auto c = doc.array(key("candidates")))
            s.candidates = readCandidates(*c, doc.pathOf(key("candidates")));
        if (auto c = doc.object(key("costs")))
            s.costs = readCosts(JsonFields(*c, doc.pathOf(key("costs")), log_));
        if (auto g = doc.object(key("goal")))
            s.goal = readGoal(JsonFields(*g, doc.pathOf(key("goal")), log_));
        if (auto c = doc.object(key("constraints")))
            s.constraints = readConstraints(JsonFields(*c, doc.pathOf(key("constraints")), log_));
        if (auto g = doc.object(key("growth"))) {
            s.growth = readGrowth(JsonFields(*g, doc.pathOf(key("growth")), log_));
            if (!doc.has(key("inference")))
                doc.problem(key("growth"), QStringLiteral("a growth plan grows a serving fleet: "
                                                          "give \"inference\" too"));
        }
        return s;
    }

private:
    bool readFormat(JsonFields &doc) {
        const QString expected = QString::fromLatin1(kScenarioFormat);
        if (!doc.require(key("format"), QStringLiteral("expected \"%1\"").arg(expected)))
            return false;
        const auto format = doc.string(key("format"));
        if (!format)
            return false;
        if (*format != expected) {
            doc.problem(key("format"),
                        QStringLiteral("unsupported format '%1'; this version reads \"%2\"")
                            .arg(*format, expected));
            return false;
        }
        return true;
    }

    void readWorkload(JsonFields w, Workload &out) {
        const QString model = key("model");
        w.allowOnly({"model"});
        if (!w.require(model, QStringLiteral("a preset id (\"llama-3.1-70b\") or a model object")))
            return;
        const QJsonValue v = *w.value(model);
        if (v.isString()) {
            if (auto id = w.string(model))
                readPreset(w, *id, out);
            return;
        }
        if (!v.isObject()) {
            w.problem(model, QStringLiteral("must be a preset id (a string) or a model object, "
                                            "got %1")
                                 .arg(describeJsonValue(v)));
            return;
        }
        JsonFields m(v.toObject(), w.pathOf(model), log_);
        if (auto preset = m.string(key("preset")))
            out.presetId = preset->toStdString();
        if (auto name = m.string(key("name")))
            out.displayName = name->toStdString();
        if (!m.require(key("kind"), QStringLiteral("\"transformer\" or \"generic\"")))
            return;
        const auto kind = m.string(key("kind"));
        if (kind == QStringLiteral("transformer"))
            out.shape = readTransformer(m);
        else if (kind == QStringLiteral("generic"))
            out.shape = readGeneric(m);
        else if (kind)
            m.problem(key("kind"), QStringLiteral("unknown model kind '%1'; expected transformer "
                                                  "or generic")
                                       .arg(*kind));
    }

    static void readPreset(JsonFields &w, const QString &id, Workload &out) {
        if (auto preset = findPreset(id.toStdString())) {
            out = *preset;
            return;
        }
        QStringList ids;
        for (std::string_view known : presetIds())
            ids << qs(known);
        w.problem(key("model"), QStringLiteral("unknown model preset '%1'; expected one of %2, or "
                                               "a model object")
                                    .arg(id, ids.join(QStringLiteral(", "))));
    }

    TransformerShape readTransformer(JsonFields &m) {
        TransformerShape t;
        m.allowOnly({"kind",
                     "preset",
                     "name",
                     "layers",
                     "hidden",
                     "heads",
                     "kv_heads",
                     "head_dim",
                     "ffn_hidden",
                     "vocab",
                     "gated_ffn",
                     "encoder_only",
                     "tied_embeddings",
                     "experts",
                     "experts_per_token",
                     "moe_ffn_hidden",
                     "shared_experts",
                     "dense_layers",
                     "kv_lora_rank",
                     "q_lora_rank",
                     "rope_head_dim",
                     "position_embeddings"});
        auto required = [&](const char *name, int &field, int most) {
            if (m.require(key(name)))
                assign(field, m.integer(key(name), 1, most));
        };
        required("layers", t.layers, kMaxLayers);
        required("hidden", t.hidden, kMaxWidth);
        required("heads", t.heads, kMaxHeads);
        required("ffn_hidden", t.ffnHidden, kMaxWidth);
        required("vocab", t.vocab, kMaxRows);
        t.kvHeads = m.integer(key("kv_heads"), 1, kMaxHeads).value_or(t.heads);
        for (auto [name, field, most] : {std::tuple{"head_dim", &t.headDim, kMaxHeads},
                                         {"experts", &t.experts, kMaxHeads},
                                         {"experts_per_token", &t.expertsPerToken, kMaxHeads},
                                         {"moe_ffn_hidden", &t.moeFfnHidden, kMaxWidth},
                                         {"shared_experts", &t.sharedExperts, kMaxHeads},
                                         {"dense_layers", &t.denseLayers, kMaxLayers},
                                         {"kv_lora_rank", &t.kvLoraRank, kMaxWidth},
                                         {"q_lora_rank", &t.qLoraRank, kMaxWidth},
                                         {"rope_head_dim", &t.ropeHeadDim, kMaxHeads},
                                         {"position_embeddings", &t.positionEmbeddings, kMaxRows}})
            assign(*field, m.integer(key(name), 0, most));
        assign(t.gatedFfn, m.boolean(key("gated_ffn")));
        assign(t.encoderOnly, m.boolean(key("encoder_only")));
        assign(t.tiedEmbeddings, m.boolean(key("tied_embeddings")));
        checkShape(m, t);
        return t;
    }

    // A shape no model can have; reported where the user would fix it.
    static void checkShape(JsonFields &m, const TransformerShape &t) {
        if (t.heads > 0 && t.hidden > 0 && t.headDim == 0 && t.hidden % t.heads != 0)
            m.problem(key("heads"), QStringLiteral("%1 heads do not divide hidden %2 (give "
                                                   "head_dim when heads are not hidden / heads "
                                                   "wide)")
                                        .arg(t.heads)
                                        .arg(t.hidden));
        if (t.heads > 0 && t.kvHeads > 0 && t.heads % t.kvHeads != 0)
            m.problem(
                key("kv_heads"),
                QStringLiteral("%1 kv_heads do not divide %2 heads").arg(t.kvHeads).arg(t.heads));
        if (t.experts == 0 && t.expertsPerToken > 0)
            m.problem(key("experts_per_token"),
                      QStringLiteral("is %1 but the model has no experts").arg(t.expertsPerToken));
        if (t.experts > 0 && (t.expertsPerToken < 1 || t.expertsPerToken > t.experts))
            m.problem(key("experts_per_token"),
                      QStringLiteral("must be between 1 and experts (%1), got %2")
                          .arg(t.experts)
                          .arg(t.expertsPerToken));
        if (t.layers > 0 && t.denseLayers > t.layers)
            m.problem(key("dense_layers"), QStringLiteral("%1 dense layers but only %2 layers")
                                               .arg(t.denseLayers)
                                               .arg(t.layers));
    }

    GenericShape readGeneric(JsonFields &m) {
        GenericShape g;
        m.allowOnly({"kind", "preset", "name", "params", "forward_flops_per_sample",
                     "activation_bytes_per_sample", "embedding_bytes",
                     "inference_flops_per_sample"});
        if (m.require(key("params")))
            assign(g.params, m.number(key("params"), NumberRange::positive()));
        if (m.require(key("forward_flops_per_sample")))
            if (auto v = m.number(key("forward_flops_per_sample"), NumberRange::positive()))
                g.forwardFlopsPerSample = units::flops(*v);
        if (auto v = m.number(key("activation_bytes_per_sample"), NumberRange::atLeast(0)))
            g.activationBytesPerSample = units::bytes(*v);
        if (auto v = m.number(key("embedding_bytes"), NumberRange::atLeast(0)))
            g.embeddingBytes = units::bytes(*v);
        if (auto v = m.number(key("inference_flops_per_sample"), NumberRange::atLeast(0)))
            g.inferenceFlopsPerSample = units::flops(*v);
        return g;
    }

    TrainingSettings readTraining(JsonFields t, const Workload &workload) {
        TrainingSettings s;
        t.allowOnly({"tokens", "samples", "epochs", "seq_len", "global_batch", "precision",
                     "method", "lora_rank", "optimizer", "activation_recompute"});
        s.tokens = t.number(key("tokens"), NumberRange::positive());
        s.samples = t.number(key("samples"), NumberRange::positive());
        if (!t.has(key("tokens")) && !t.has(key("samples")))
            log_.atPath(t.path(), QStringLiteral("missing the work to do: \"tokens\" "
                                                 "(transformers) or \"samples\" (other networks)"));
        else if (workload.isTransformer() && !t.has(key("tokens")) && knownShape(workload))
            t.problem(key("tokens"), QStringLiteral("missing: a transformer trains on a number of "
                                                    "tokens"));
        else if (!workload.isTransformer() && !t.has(key("samples")))
            t.problem(key("samples"), QStringLiteral("missing: a network that is not a "
                                                     "transformer trains on a number of samples"));
        assign(s.epochs, t.number(key("epochs"), NumberRange::positive()));
        assign(s.seqLen, t.integer(key("seq_len"), 1, kMaxTokens));
        assign(s.globalBatch, t.integer(key("global_batch"), 1, kMaxBatch));
        assign(s.precision, t.choice<Precision>(key("precision"), kTrainingPrecisions,
                                                QStringLiteral("training precision")));
        assign(s.method, t.choice<TrainingMethod>(key("method"), kMethods,
                                                  QStringLiteral("training method")));
        assign(s.loraRank, t.integer(key("lora_rank"), 1, kMaxHeads));
        assign(s.optimizer,
               t.choice<Optimizer>(key("optimizer"), kOptimizers, QStringLiteral("optimizer")));
        assign(s.recompute, t.choice<Recompute>(key("activation_recompute"), kRecomputes,
                                                QStringLiteral("activation recompute")));
        return s;
    }

    InferenceSettings readInference(JsonFields i, const Workload &workload) {
        InferenceSettings s;
        i.allowOnly({"precision", "kv_precision", "compute_precision", "input_tokens",
                     "output_tokens", "mode", "batch", "slo", "requests_per_s", "phase", "beams",
                     "audio_s", "runtime", "speculative"});
        const TransformerShape *shape = workload.transformer();
        const bool encoderOnly = shape && shape->encoderOnly;
        if (encoderOnly)
            s.outputTokens = 0; // a request is one sequence read, nothing generated
        const QString what = QStringLiteral("inference precision");
        assign(s.precision, i.choice<Precision>(key("precision"), kInferencePrecisions, what));
        s.kvPrecision = i.choice<Precision>(key("kv_precision"), kInferencePrecisions,
                                            QStringLiteral("KV-cache precision"));
        s.computePrecision = i.choice<Precision>(key("compute_precision"), kInferencePrecisions,
                                                 QStringLiteral("compute precision"));
        if (const auto problem = s.mathPrecisionProblem())
            i.problem(key("compute_precision"), qs(*problem));
        assign(s.inputTokens, i.integer(key("input_tokens"), 1, kMaxTokens));
        assign(s.outputTokens, i.integer(key("output_tokens"), 0, kMaxTokens));
        if (encoderOnly && s.outputTokens != 0)
            i.problem(key("output_tokens"), QStringLiteral("must be 0 for an encoder-only model "
                                                           "(it generates no tokens), got %1")
                                                .arg(s.outputTokens));
        assign(s.mode, i.choice<InferenceMode>(key("mode"), kModes, QStringLiteral("mode")));
        s.batch = i.integer(key("batch"), 1, kMaxBatch);
        bool sloGiven = false;
        if (auto slo = i.object(key("slo"))) {
            JsonFields o(*slo, i.pathOf(key("slo")), log_);
            o.allowOnly({"ttft_s", "tpot_s", "latency_s"});
            // A null target is no target (JsonFields reads null as absent).
            sloGiven = o.has(key("ttft_s")) || o.has(key("tpot_s")) || o.has(key("latency_s"));
            if (auto v = o.number(key("ttft_s"), NumberRange::positive()))
                s.slo.ttft = units::seconds(*v);
            if (auto v = o.number(key("tpot_s"), NumberRange::positive()))
                s.slo.tpot = units::seconds(*v);
            if (auto v = o.number(key("latency_s"), NumberRange::positive()))
                s.slo.latency = units::seconds(*v);
        }
        s.requestsPerSecond = i.number(key("requests_per_s"), NumberRange::positive());
        assign(s.phase, i.choice<InferencePhase>(key("phase"), kPhases, QStringLiteral("phase")));
        s.beams = i.integer(key("beams"), 1, kMaxBeams);
        s.audioSeconds = i.number(key("audio_s"), NumberRange{0, kMaxAudioSeconds, true});
        s.runtime = readRuntime(i);
        s.speculative = readSpeculative(i, generatesTokens(workload));
        // An slo without ttft_s or tpot_s sets nothing (and would not be written back).
        const bool hasSlo = sloGiven || i.has(key("requests_per_s"));
        if (s.mode == InferenceMode::server && !hasSlo)
            i.problem(key("slo"), QStringLiteral("missing: server mode needs an slo (ttft_s, "
                                                 "tpot_s, latency_s) or requests_per_s"));
        return s;
    }

    // A runtime AccelPlan has no rows for would be served as some other one: refused instead.
    // Ids are matched whatever their case ("vLLM" is vllm).
    std::optional<std::string> readRuntime(JsonFields &i) {
        const std::optional<QString> id = i.string(key("runtime"));
        if (!id)
            return std::nullopt;
        if (const ServingRuntimeInfo *known =
                findServingRuntime(id->trimmed().toLower().toStdString()))
            return std::string(known->id);
        QStringList known;
        for (const ServingRuntimeInfo &r : servingRuntimes())
            known << qs(r.id);
        i.problem(key("runtime"),
                  QStringLiteral("unknown serving runtime \"%1\"; expected one of %2")
                      .arg(*id, known.join(QStringLiteral(", "))));
        return std::nullopt;
    }

    std::optional<Speculative> readSpeculative(JsonFields &i, bool generatesText) {
        const std::optional<QJsonObject> object = i.object(key("speculative"));
        if (!object)
            return std::nullopt;
        if (!generatesText) {
            i.problem(key("speculative"), QStringLiteral("is modelled for language models that "
                                                         "generate text, not for this model"));
            return std::nullopt;
        }
        JsonFields o(*object, i.pathOf(key("speculative")), log_);
        o.allowOnly({"draft_tokens", "acceptance"});
        // Both are asked for, so that one message names every missing key.
        const bool hasDrafts = o.require(key("draft_tokens"), QStringLiteral("drafts per step"));
        const bool hasAcceptance =
            o.require(key("acceptance"), QStringLiteral("the chance a draft is kept, 0 to 1"));
        const std::optional<int> drafts = o.integer(key("draft_tokens"), 1, kMaxDraftTokens);
        const std::optional<double> acceptance =
            o.number(key("acceptance"), NumberRange{0, 1, true});
        if (!hasDrafts || !hasAcceptance || !drafts || !acceptance)
            return std::nullopt;
        return Speculative{*drafts, *acceptance};
    }

    std::vector<Candidate> readCandidates(const QJsonArray &array, const QString &path) {
        std::vector<Candidate> out;
        for (qsizetype index = 0; index < array.size(); ++index) {
            const QString at = jsonIndexPath(path, index);
            const QJsonValue v = array.at(index);
            if (!v.isObject()) {
                log_.atPath(at, QStringLiteral("must be a candidate object ({ \"chip\": ..., "
                                               "\"count\": ... }), got %1")
                                    .arg(describeJsonValue(v)));
                continue;
            }
            out.push_back(readCandidate(JsonFields(v.toObject(), at, log_)));
        }
        return out;
    }

    Candidate readCandidate(JsonFields c) {
        Candidate out;
        c.allowOnly({"chip", "count", "offering", "parallelism", "role"});
        if (c.require(key("chip"), QStringLiteral("a catalog chip id")))
            if (auto chip = c.string(key("chip")))
                out.chipId = chip->toStdString();
        // No count, or "best": the count search's (kBestCount).
        if (const auto v = c.value(key("count")); !v || v->toString() == QLatin1String("best"))
            out.count = kBestCount;
        else
            assign(out.count, c.integer(key("count"), 1, kMaxChips));
        if (out.count == kBestCount && c.has(key("parallelism")))
            c.problem(key("parallelism"),
                      QStringLiteral("a pinned layout needs a chip count, not \"best\""));
        if (auto offering = c.string(key("offering"))) {
            const QStringList parts = offering->split(QLatin1Char('/'));
            if (parts.size() != 2 || parts[0].isEmpty() || parts[1].isEmpty())
                c.problem(key("offering"), QStringLiteral("must be provider/instance-type (e.g. "
                                                          "aws/p5.48xlarge), got '%1'")
                                               .arg(*offering));
            else
                out.offering = offering->toStdString();
        }
        if (auto p = c.object(key("parallelism")))
            out.parallelism = readParallelism(JsonFields(*p, c.pathOf(key("parallelism")), log_),
                                              c.has(key("count")) ? out.count : 0);
        assign(out.role, c.choice<Role>(key("role"), kRoles, QStringLiteral("role")));
        return out;
    }

    ParallelismRequest readParallelism(JsonFields p, int count) {
        ParallelismRequest r;
        p.allowOnly({"dp", "tp", "pp", "cp", "ep", "zero", "microbatch", "recompute"});
        r.dp = p.integer(key("dp"), 1, kMaxChips);
        r.tp = p.integer(key("tp"), 1, kMaxChips);
        r.pp = p.integer(key("pp"), 1, kMaxChips);
        r.cp = p.integer(key("cp"), 1, kMaxChips);
        r.ep = p.integer(key("ep"), 1, kMaxChips);
        r.zero = p.integer(key("zero"), 0, kMaxZeroStage);
        r.microbatch = p.integer(key("microbatch"), 1, kMaxBatch);
        r.recompute =
            p.choice<Recompute>(key("recompute"), kRecomputes, QStringLiteral("recompute"));
        if (count > 0)
            checkLayoutCount(p, r, count);
        return r;
    }

    // dp × tp × pp × cp is the chip count: all four must multiply to it, and the ones given must
    // leave a whole number for the ones searched. The product is a double: four factors of up
    // to kMaxChips overflow 64 bits, and one that large is wrong whatever its last digits.
    void checkLayoutCount(JsonFields &p, const ParallelismRequest &r, int count) {
        QStringList names;
        double product = 1;
        bool all = true;
        for (auto [name, value] :
             {std::pair{"dp", r.dp}, {"tp", r.tp}, {"pp", r.pp}, {"cp", r.cp}}) {
            if (p.has(key(name)) && !value)
                return; // a rejected value, reported already
            if (!value) {
                all = false;
                continue;
            }
            names << key(name);
            product *= *value;
        }
        if (names.isEmpty())
            return;
        const QString formula = names.join(QStringLiteral(" × ")) + QStringLiteral(" = ") +
                                QString::number(product, 'g', 17);
        if (all && product != count)
            log_.atPath(p.path(), QStringLiteral("%1 must equal count %2").arg(formula).arg(count));
        else if (!all && std::fmod(double(count), product) != 0)
            log_.atPath(p.path(),
                        QStringLiteral("%1 does not divide count %2").arg(formula).arg(count));
    }

    Costs readCosts(JsonFields c) {
        Costs out;
        c.allowOnly({"pricing", "electricity_usd_per_kwh", "pue", "grid_kgco2_per_kwh",
                     "amortization_years", "utilization"},
                    {"device_usd"});
        assign(out.pricing,
               c.choice<Pricing>(key("pricing"), kPricings, QStringLiteral("pricing")));
        if (auto v = c.number(key("electricity_usd_per_kwh"), NumberRange::atLeast(0)))
            out.electricity = units::dollarsPerKilowattHour(*v);
        assign(out.pue, c.number(key("pue"), NumberRange::atLeast(1)));
        if (auto v = c.number(key("grid_kgco2_per_kwh"), NumberRange::atLeast(0)))
            out.gridIntensity = units::kilogramsPerKilowattHour(*v);
        assign(out.amortizationYears, c.number(key("amortization_years"), NumberRange::positive()));
        out.utilization = c.number(key("utilization"), NumberRange{0, 1, true});
        return out;
    }

    IoErrorLog &log_;
};

// --- Writing -----------------------------------------------------------------------------------

QJsonObject transformerToJson(const TransformerShape &t) {
    return {{key("kind"), key("transformer")},
            {key("layers"), t.layers},
            {key("hidden"), t.hidden},
            {key("heads"), t.heads},
            {key("kv_heads"), t.kvHeads},
            {key("head_dim"), t.headDim},
            {key("ffn_hidden"), t.ffnHidden},
            {key("vocab"), t.vocab},
            {key("gated_ffn"), t.gatedFfn},
            {key("encoder_only"), t.encoderOnly},
            {key("tied_embeddings"), t.tiedEmbeddings},
            {key("experts"), t.experts},
            {key("experts_per_token"), t.expertsPerToken},
            {key("moe_ffn_hidden"), t.moeFfnHidden},
            {key("shared_experts"), t.sharedExperts},
            {key("dense_layers"), t.denseLayers},
            {key("kv_lora_rank"), t.kvLoraRank},
            {key("q_lora_rank"), t.qLoraRank},
            {key("rope_head_dim"), t.ropeHeadDim},
            {key("position_embeddings"), t.positionEmbeddings}};
}

QJsonObject genericToJson(const GenericShape &g) {
    return {{key("kind"), key("generic")},
            {key("params"), g.params},
            {key("forward_flops_per_sample"), g.forwardFlopsPerSample.value()},
            {key("activation_bytes_per_sample"), g.activationBytesPerSample.value()},
            {key("embedding_bytes"), g.embeddingBytes.value()},
            {key("inference_flops_per_sample"), g.inferenceFlopsPerSample.value()}};
}

// A preset id alone when the workload is the preset unchanged, the whole shape otherwise.
QJsonValue workloadModelToJson(const Workload &w) {
    if (!w.presetId.empty() && findPreset(w.presetId) == w)
        return qs(w.presetId);
    QJsonObject model =
        w.isTransformer() ? transformerToJson(*w.transformer()) : genericToJson(*w.generic());
    if (!w.presetId.empty())
        model.insert(key("preset"), qs(w.presetId));
    if (!w.displayName.empty())
        model.insert(key("name"), qs(w.displayName));
    return model;
}

QJsonObject trainingToJson(const TrainingSettings &t) {
    QJsonObject o{{key("epochs"), t.epochs},
                  {key("seq_len"), t.seqLen},
                  {key("global_batch"), t.globalBatch},
                  {key("precision"), qs(toString(t.precision))},
                  {key("method"), qs(toString(t.method))},
                  {key("lora_rank"), t.loraRank},
                  {key("optimizer"), qs(toString(t.optimizer))},
                  {key("activation_recompute"), qs(toString(t.recompute))}};
    if (t.tokens)
        o.insert(key("tokens"), *t.tokens);
    if (t.samples)
        o.insert(key("samples"), *t.samples);
    return o;
}

QJsonObject inferenceToJson(const InferenceSettings &i) {
    QJsonObject o{{key("precision"), qs(toString(i.precision))},
                  {key("input_tokens"), i.inputTokens},
                  {key("output_tokens"), i.outputTokens},
                  {key("mode"), qs(toString(i.mode))},
                  {key("phase"), qs(toString(i.phase))}};
    if (i.kvPrecision)
        o.insert(key("kv_precision"), qs(toString(*i.kvPrecision)));
    if (i.computePrecision)
        o.insert(key("compute_precision"), qs(toString(*i.computePrecision)));
    if (i.batch)
        o.insert(key("batch"), *i.batch);
    QJsonObject slo;
    if (i.slo.ttft)
        slo.insert(key("ttft_s"), i.slo.ttft->value());
    if (i.slo.tpot)
        slo.insert(key("tpot_s"), i.slo.tpot->value());
    if (i.slo.latency)
        slo.insert(key("latency_s"), i.slo.latency->value());
    if (!slo.isEmpty())
        o.insert(key("slo"), slo);
    if (i.requestsPerSecond)
        o.insert(key("requests_per_s"), *i.requestsPerSecond);
    if (i.beams)
        o.insert(key("beams"), *i.beams);
    if (i.audioSeconds)
        o.insert(key("audio_s"), *i.audioSeconds);
    if (i.runtime)
        o.insert(key("runtime"), qs(*i.runtime));
    if (i.speculative)
        o.insert(key("speculative"), QJsonObject{{key("draft_tokens"), i.speculative->draftTokens},
                                                 {key("acceptance"), i.speculative->acceptance}});
    return o;
}

QJsonObject candidateToJson(const Candidate &c) {
    QJsonObject o{{key("chip"), qs(c.chipId)}};
    o.insert(key("count"),
             c.count == kBestCount ? QJsonValue(QStringLiteral("best")) : QJsonValue(c.count));
    if (c.offering)
        o.insert(key("offering"), qs(*c.offering));
    QJsonObject p;
    const ParallelismRequest &r = c.parallelism;
    for (auto [name, value] : {std::pair{"dp", r.dp},
                               {"tp", r.tp},
                               {"pp", r.pp},
                               {"cp", r.cp},
                               {"ep", r.ep},
                               {"zero", r.zero},
                               {"microbatch", r.microbatch}}) {
        if (value)
            p.insert(key(name), *value);
    }
    if (r.recompute)
        p.insert(key("recompute"), qs(toString(*r.recompute)));
    if (!p.isEmpty())
        o.insert(key("parallelism"), p);
    if (c.role != Role::both)
        o.insert(key("role"), qs(toString(c.role)));
    return o;
}

QJsonObject costsToJson(const Costs &c) {
    const double electricity =
        losslessWritten(c.electricity.value(), units::inDollarsPerKilowattHour(c.electricity),
                        [](double w) { return units::dollarsPerKilowattHour(w).value(); });
    const double grid =
        losslessWritten(c.gridIntensity.value(), units::inKilogramsPerKilowattHour(c.gridIntensity),
                        [](double w) { return units::kilogramsPerKilowattHour(w).value(); });
    QJsonObject o{{key("pricing"), qs(toString(c.pricing))},
                  {key("electricity_usd_per_kwh"), electricity},
                  {key("pue"), c.pue},
                  {key("grid_kgco2_per_kwh"), grid},
                  {key("amortization_years"), c.amortizationYears}};
    if (c.utilization)
        o.insert(key("utilization"), *c.utilization);
    return o;
}

} // namespace

ScenarioReadResult readScenarioObject(const QJsonObject &root, const QString &fileName) {
    IoErrorLog log(fileName);
    Scenario scenario = ScenarioReader(log).read(root);
    if (!log.isEmpty())
        return {std::nullopt, log.errors()};
    return {std::move(scenario), {}};
}

ScenarioReadResult readScenarioJson(const QByteArray &json, const QString &fileName) {
    IoErrorLog log(fileName);
    const auto root = parseJsonObject(json, log);
    if (!root)
        return {std::nullopt, log.errors()};
    return readScenarioObject(*root, fileName);
}

ScenarioReadResult readScenarioFile(const QString &path) {
    IoErrorLog log(path);
    const auto root = readJsonObjectFile(path, log);
    if (!root)
        return {std::nullopt, log.errors()};
    return readScenarioObject(*root, path);
}

QJsonObject scenarioToJsonObject(const Scenario &s) {
    QJsonObject root{
        {key("format"), QString::fromLatin1(kScenarioFormat)},
        {key("workload"), QJsonObject{{key("model"), workloadModelToJson(s.workload)}}},
        {key("costs"), costsToJson(s.costs)}};
    if (!s.name.empty())
        root.insert(key("name"), qs(s.name));
    if (s.training)
        root.insert(key("training"), trainingToJson(*s.training));
    if (s.inference)
        root.insert(key("inference"), inferenceToJson(*s.inference));
    QJsonArray candidates;
    for (const Candidate &c : s.candidates)
        candidates.append(candidateToJson(c));
    root.insert(key("candidates"), candidates);
    if (s.goal)
        root.insert(key("goal"), goalToJson(*s.goal));
    if (s.constraints)
        root.insert(key("constraints"), constraintsToJson(*s.constraints));
    if (s.growth)
        root.insert(key("growth"), growthToJson(*s.growth));
    return root;
}

QByteArray scenarioToJson(const Scenario &scenario) {
    return QJsonDocument(scenarioToJsonObject(scenario)).toJson(QJsonDocument::Indented);
}

bool writeScenarioFile(const Scenario &scenario, const QString &path, QString *error) {
    QString reason;
    if (!writeFileWhole(path, scenarioToJson(scenario), &reason)) {
        if (error)
            *error = QStringLiteral("%1: cannot save: %2").arg(path, reason);
        return false;
    }
    return true;
}

} // namespace accelplan::data
