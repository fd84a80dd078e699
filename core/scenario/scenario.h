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
enum class Recompute { automatic, none, selective, full };  // "auto", "none", ...
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
    std::optional<double> tokens;   // transformers
    std::optional<double> samples;  // generic networks
    double epochs = 1;
    int seqLen = 2048;
    int globalBatch = 512;  // sequences (or samples) per step
    Precision precision = Precision::bf16;
    TrainingMethod method = TrainingMethod::full;
    int loraRank = 16;
    Optimizer optimizer = Optimizer::adamw;
    Recompute recompute = Recompute::automatic;
    bool operator==(const TrainingSettings &) const = default;
};

struct Slo {
    std::optional<units::Seconds> ttft;  // time to first token
    std::optional<units::Seconds> tpot;  // time per output token
    bool operator==(const Slo &) const = default;
};

struct InferenceSettings {
    Precision precision = Precision::bf16;
    std::optional<Precision> kvPrecision;  // default: same as precision (at least 8 bits)
    int inputTokens = 1024;
    int outputTokens = 256;
    InferenceMode mode = InferenceMode::offline;
    std::optional<int> batch;  // requests in flight on the whole candidate
    Slo slo;
    std::optional<double> requestsPerSecond;
    InferencePhase phase = InferencePhase::both;
    bool operator==(const InferenceSettings &) const = default;
};

// A parallel layout as the user may pin it; anything left empty is searched.
struct ParallelismRequest {
    std::optional<int> dp, tp, pp, cp, ep, zero, microbatch;
    std::optional<Recompute> recompute;
    bool operator==(const ParallelismRequest &) const = default;
};

struct Candidate {
    std::string chipId;
    int count = 1;
    std::optional<std::string> offering;  // "provider/instance"
    ParallelismRequest parallelism;
    bool operator==(const Candidate &) const = default;
};

struct Costs {
    Pricing pricing = Pricing::onDemand;
    units::DollarsPerJoule electricity = units::dollarsPerKilowattHour(0.10);
    double pue = 1.3;
    units::KilogramsPerJoule gridIntensity = units::kilogramsPerKilowattHour(0.40);
    double amortizationYears = 4;
    bool operator==(const Costs &) const = default;
};

struct Scenario {
    std::string name;
    Workload workload;
    std::optional<TrainingSettings> training;
    std::optional<InferenceSettings> inference;
    std::vector<Candidate> candidates;
    Costs costs;
    bool operator==(const Scenario &) const = default;
};

}  // namespace accelplan
