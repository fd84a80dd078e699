// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A scenario as core sees it: the contract's `accelplan.scenario/1` document as plain values.
// data/io reads and writes the JSON; everything here is already validated.

#include "hardware/offering.h"
#include "hardware/precision.h"
#include "units/quantities.h"
#include "workload/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accelplan {

enum class TrainingMethod { full, lora };
enum class Optimizer { adamw, sgd };
enum class Recompute { automatic, none, selective, full }; // "auto", "none", ...
enum class InferenceMode { offline, latency, server };
enum class InferencePhase { both, prefill, decode };

std::string_view toString(TrainingMethod v);
std::string_view toString(Optimizer v);
std::string_view toString(Recompute v);
std::string_view toString(InferenceMode v);
std::string_view toString(InferencePhase v);
std::optional<TrainingMethod> trainingMethodFromString(std::string_view s);
std::optional<Optimizer> optimizerFromString(std::string_view s);
std::optional<Recompute> recomputeFromString(std::string_view s);
std::optional<InferenceMode> inferenceModeFromString(std::string_view s);
std::optional<InferencePhase> inferencePhaseFromString(std::string_view s);

struct TrainingSettings {
    std::optional<double> tokens;  // transformers
    std::optional<double> samples; // generic networks
    double epochs = 1;
    int seqLen = 2048;
    int globalBatch = 512; // sequences (or samples) per step
    Precision precision = Precision::bf16;
    TrainingMethod method = TrainingMethod::full;
    int loraRank = 16;
    Optimizer optimizer = Optimizer::adamw;
    Recompute recompute = Recompute::automatic;
    bool operator==(const TrainingSettings &) const = default;
};

struct Slo {
    std::optional<units::Seconds> ttft; // time to first token
    std::optional<units::Seconds> tpot; // time per output token
    // A request's whole latency (for networks that generate no tokens: one batch's latency).
    std::optional<units::Seconds> latency = std::nullopt;
    bool operator==(const Slo &) const = default;
};

// The widest beam search a scenario may ask for (serving runtimes cap it lower still).
constexpr int kMaxBeams = 64;
constexpr int kMaxDraftTokens = 16; // speculative tokens proposed per decode step

// The most chips a candidate (or one parallel dimension) may have: far beyond any cluster
// built so far, and small enough that products of counts stay well inside 64 bits.
constexpr int kMaxChips = 1 << 20;

// Speculative decoding or multi-token prediction (`inference.speculative`): a draft proposes
// `draftTokens` tokens a step, the model checks them in one pass, and each is kept with
// probability `acceptance` (the first rejected one and those after it are dropped).
struct Speculative {
    int draftTokens = 1;
    double acceptance = 0.7;
    bool operator==(const Speculative &) const = default;
};

struct InferenceSettings {
    Precision precision = Precision::bf16;
    std::optional<Precision> kvPrecision; // default: same as precision (at least 8 bits)
    // The matrix math's format when it is wider than the stored weights' (weight-only
    // quantization: int8 or int4 weights widened to bf16 for each product); default: the weights'.
    std::optional<Precision> computePrecision;
    Precision mathPrecision() const { return computePrecision.value_or(precision); }
    // The problem with a math format narrower than the weights' (nothing when there is none).
    std::optional<std::string> mathPrecisionProblem() const;
    int inputTokens = 1024;
    int outputTokens = 256;
    InferenceMode mode = InferenceMode::offline;
    std::optional<int> batch; // requests in flight on the whole candidate
    Slo slo;
    std::optional<double> requestsPerSecond;
    InferencePhase phase = InferencePhase::both;
    // Beam search: sequences each request decodes side by side, of which one is returned.
    // Empty: the workload's default decoding (workload/presets.h, presetDecoding), else 1.
    std::optional<int> beams;
    // Speech models: seconds of audio in one request (empty: one encoder window).
    std::optional<double> audioSeconds = std::nullopt;
    // The serving runtime's id (hardware/serving_runtime.h); empty: the usual one for the
    // chip's software stack.
    std::optional<std::string> runtime = std::nullopt;
    std::optional<Speculative> speculative = std::nullopt; // empty: plain decoding
    bool operator==(const InferenceSettings &) const = default;
};

// A parallel layout as the user may pin it; anything left empty is searched.
struct ParallelismRequest {
    std::optional<int> dp, tp, pp, cp, ep, zero, microbatch;
    std::optional<Recompute> recompute;
    bool operator==(const ParallelismRequest &) const = default;
};

// What a candidate is for: both halves of the scenario (the default), or only one of them, so
// that a plan can train on one chip and serve on another.
enum class Role { both, training, serving };
std::string_view toString(Role v); // "both", "training", "serving"
std::optional<Role> roleFromString(std::string_view s);

// A count of kBestCount ("count": "best" in a file, or no count) is the count the goal
// prefers, found by the count search when the scenario is analysed (plan/analysis.h): for
// serving at a request rate, the fewest chips that carry it within the SLO.
inline constexpr int kBestCount = 0;

struct Candidate {
    std::string chipId;
    int count = 1;                       // or kBestCount
    std::optional<std::string> offering; // "provider/instance"
    ParallelismRequest parallelism;
    Role role = Role::both;
    bool trains() const { return role != Role::serving; }
    bool serves() const { return role != Role::training; }
    bool operator==(const Candidate &) const = default;
};

struct Costs {
    Pricing pricing = Pricing::onDemand;
    units::DollarsPerJoule electricity = units::dollarsPerKilowattHour(0.10);
    double pue = 1.3;
    units::KilogramsPerJoule gridIntensity = units::kilogramsPerKilowattHour(0.40);
    double amortizationYears = 4;
    // Average power draw as a fraction of TDP while the chips work (empty: cost/'s default).
    std::optional<double> utilization;
    bool operator==(const Costs &) const = default;
};

// The software stack a team writes for; a chip is usable only in its own.
enum class Ecosystem { cuda, rocm, xla, cann, neuron, synapseAi };
std::string_view toString(Ecosystem v); // "CUDA", "ROCm", "JAX/XLA", "CANN/MindSpore", ...
// Accepts the names above, case-insensitively, and the halves of the compound ones ("JAX").
std::optional<Ecosystem> ecosystemFromString(std::string_view s);

// The framework a team writes its models in; plan/frameworks.h says which stacks run each.
enum class Framework { pytorch, jax, tensorflow, mindspore, paddlepaddle };
inline constexpr std::size_t kFrameworkCount = 5;
std::string_view toString(Framework v); // "PyTorch", "JAX", "TensorFlow", ...
// Accepts the names above case-insensitively, and "torch", "tf", "paddle".
std::optional<Framework> frameworkFromString(std::string_view s);

// What "best" means when candidates are ranked.
enum class Objective {
    fastest,
    cheapest,
    cheapestWithinDeadline,
    lowestLatencyWithinBudget,
    lowestEnergy // serving: energy per request within the targets
};
std::string_view toString(Objective v); // "fastest", "cheapest", "cheapest-within-deadline", ...
std::optional<Objective> objectiveFromString(std::string_view s);

// Which half of the scenario a ranking judges when it has both training and inference.
enum class Focus { training, inference };
std::string_view toString(Focus v);
std::optional<Focus> focusFromString(std::string_view s);

struct Goal {
    Objective objective = Objective::cheapest;
    std::optional<Focus> focus;             // default: training when the scenario trains
    std::optional<units::Seconds> deadline; // time to train, or request latency
    // Training: the run's cost; inference: the serving fleet's cost per month.
    std::optional<units::Dollars> budget;
    // A plan (training and serving) costs the run plus this many months of serving (default 12).
    std::optional<double> servingMonths = std::nullopt;
    bool operator==(const Goal &) const = default;
};

// Limits a recommendation must respect; empty lists allow everything.
struct Constraints {
    std::vector<std::string> providers; // offering providers, as in the catalog ("aws")
    bool onPremisesOnly = false;        // buy the chips: costs become `owned`
    std::vector<Ecosystem> ecosystems;
    // The most one chip of a candidate may draw (TDP).
    std::optional<units::Watts> maxPower = std::nullopt;
    // Where offerings may be rented: jurisdictions as the catalog's offerings list them ("cn",
    // "eu", "us"); an offering sold "global"ly is in every one.
    std::vector<std::string> regions = {};
    // The frameworks the team works in: a chip qualifies when its stack runs one of them.
    std::vector<Framework> frameworks = {};
    bool operator==(const Constraints &) const = default;
};

enum class DemandUnit { tokensPerDay, requestsPerDay };
enum class GrowthCurve { linear, exponential, sCurve };
std::string_view toString(DemandUnit v);  // "tokens-per-day", "requests-per-day"
std::string_view toString(GrowthCurve v); // "linear", "exponential", "s-curve"
std::optional<DemandUnit> demandUnitFromString(std::string_view s);
std::optional<GrowthCurve> growthCurveFromString(std::string_view s);

// Serving demand that grows from `start` (month 0) to `end` (the last month).
struct GrowthPlan {
    DemandUnit unit = DemandUnit::tokensPerDay; // tokens are output tokens
    double start = 0;
    double end = 0;
    int months = 12;
    GrowthCurve curve = GrowthCurve::linear;
    double peakFactor = 1;       // peak over daily-average demand the fleet must hold
    std::optional<int> maxChips; // the most chips of one kind the team could get
    bool operator==(const GrowthPlan &) const = default;
};

struct Scenario {
    std::string name;
    Workload workload;
    std::optional<TrainingSettings> training;
    std::optional<InferenceSettings> inference;
    std::vector<Candidate> candidates;
    Costs costs;
    std::optional<Goal> goal;               // default: cheapest
    std::optional<Constraints> constraints; // default: none
    std::optional<GrowthPlan> growth;
    bool operator==(const Scenario &) const = default;
};

} // namespace accelplan
