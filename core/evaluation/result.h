// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What evaluating a scenario gives, per candidate: the contract's `accelplan.result/1` document
// as plain typed values. Each field says its unit in its type; data/io writes the JSON.

#include "scenario/scenario.h"
#include "units/quantities.h"

#include <optional>
#include <string>
#include <vector>

namespace accelplan {

// A value with its uncertainty range (low <= nominal <= high).
template <class Q> struct Ranged {
    Q nominal{};
    Q low{};
    Q high{};
    bool operator==(const Ranged &) const = default;
};

// `nominal` with the range a result's uncertainty u gives it: nominal / (1 + u) to
// nominal (1 + u) (see TrainingResult::uncertainty).
template <class Q> Ranged<Q> withUncertainty(Q nominal, double u) {
    return {nominal, nominal / (1 + u), nominal * (1 + u)};
}

struct Parallelism {
    int dp = 1, tp = 1, pp = 1, cp = 1, ep = 1;
    int zero = 0;
    int microbatch = 1;
    Recompute recompute = Recompute::none;
    bool operator==(const Parallelism &) const = default;
};

// Bytes per chip by what they hold, for the stacked memory chart.
struct MemoryBreakdown {
    units::Bytes weights = units::bytes(0);
    units::Bytes gradients = units::bytes(0);
    units::Bytes optimizer = units::bytes(0);
    units::Bytes activations = units::bytes(0);
    units::Bytes kvCache = units::bytes(0);
    units::Bytes other = units::bytes(0); // the runtime's reserve, buffers, fragmentation
    units::Bytes total() const {
        return weights + gradients + optimizer + activations + kvCache + other;
    }
    bool operator==(const MemoryBreakdown &) const = default;
};

// Where a training step's time goes on its slowest pipeline stage; the parts add up to the
// step time.
struct StepTimeParts {
    units::Seconds compute = units::seconds(0);          // matrix products
    units::Seconds memoryBound = units::seconds(0);      // element-wise kernels
    units::Seconds overhead = units::seconds(0);         // launches, syncs, host work
    units::Seconds tensorParallel = units::seconds(0);   // all-reduces inside layers
    units::Seconds contextParallel = units::seconds(0);  // exposed key/value exchange
    units::Seconds expertParallel = units::seconds(0);   // exposed all-to-all
    units::Seconds pipelineTransfer = units::seconds(0); // sends between stages
    units::Seconds pipelineBubble = units::seconds(0);   // stages idle at fill and drain
    units::Seconds dataParallel = units::seconds(0);     // exposed gradient/weight traffic
    units::Seconds optimizer = units::seconds(0);        // the optimizer step
    units::Seconds hostOffload = units::seconds(0);      // exposed activation offloading
    units::Seconds total() const {
        return compute + memoryBound + overhead + tensorParallel + contextParallel +
               expertParallel + pipelineTransfer + pipelineBubble + dataParallel + optimizer +
               hostOffload;
    }
    bool operator==(const StepTimeParts &) const = default;
};

// Another layout the search found, for showing what the best one was chosen over.
struct LayoutOption {
    Parallelism parallelism;
    units::Seconds stepTime = units::seconds(0);
    units::Bytes memoryPerChip = units::bytes(0);
    bool operator==(const LayoutOption &) const = default;
};

struct TrainingResult {
    bool fits = false;
    Parallelism parallelism;
    MemoryBreakdown memory; // per chip
    units::Seconds stepTime = units::seconds(0);
    double tokensPerSecond = 0;
    double samplesPerSecond = 0;
    double mfu = 0;
    Ranged<units::Seconds> timeToTrain;
    // Relative half-width of every predicted time and rate: x / (1 + u) to x (1 + u), from the
    // cross-validated errors of the chip's family (efficiency table, "uncertainty" rows).
    double uncertainty = 0;
    double chipHours = 0;
    units::Dollars cost = units::dollars(0);
    units::Joules energy = units::joules(0);
    units::Kilograms co2 = units::kilograms(0);
    StepTimeParts stepParts;
    std::vector<LayoutOption> runnerUps; // the next best layouts that fit, best first
    bool operator==(const TrainingResult &) const = default;
};

struct InferenceResult {
    bool fits = false;
    int batch = 0;
    Parallelism parallelism; // of one replica (dp = replicas)
    MemoryBreakdown memory;  // per chip
    units::Seconds ttft = units::seconds(0);
    units::Seconds tpot = units::seconds(0);
    double throughputTokensPerSecond = 0;
    double throughputSamplesPerSecond = 0;
    units::Seconds latency = units::seconds(0);
    units::Dollars costPerMillionTokens = units::dollars(0);
    double uncertainty = 0; // as TrainingResult::uncertainty, from the chip's serving stack
    // Server mode (transformers): the most requests a second the fleet (parallelism.dp
    // replicas) carries within the SLO; 0 when even one request at a time misses it.
    std::optional<double> maxRequestsPerSecond;
    // Energy at the wall for one request (filled by cost/ where the chip's power is known).
    std::optional<units::Joules> energyPerRequest;
    std::string runtime; // the serving runtime's id, chosen or assumed ("tensorrt-llm")
    bool operator==(const InferenceResult &) const = default;
};

// What running a candidate costs and draws, beyond the contract's per-run fields; filled by
// cost/ (see cost/spend.h). Empty optionals are values the catalog cannot give.
struct Spend {
    Pricing pricing = Pricing::onDemand;
    int instances = 0;                                // rented instances; 0 when owned
    int billedChips = 0;                              // chips paid for: whole instances when rented
    std::optional<units::DollarsPerSecond> fleetRate; // the whole candidate, while it runs
    std::string priceProblem;                         // why fleetRate is empty, in words
    std::optional<units::Dollars> monthlyCost;        // running around the clock for a month
    std::optional<units::Dollars> capex;              // buying it: chips plus host and network
    // Use, around the clock, after which buying costs less than renting; empty when it never
    // does or a price is missing.
    std::optional<units::Seconds> breakEven;
    std::optional<units::Watts> power; // average draw at the wall (utilisation and PUE)
    std::optional<Ranged<units::Dollars>> trainingCost;  // the run, from the time range
    std::optional<units::Dollars> costPerMillionSamples; // a sample: one request or image
    std::optional<units::Joules> energyPerMillionTokens;
    std::optional<units::Kilograms> co2PerMillionTokens;
    bool operator==(const Spend &) const = default;
};

struct CandidateResult {
    std::string chipId;
    int count = 0;
    Role role = Role::both; // the candidate's: a training or serving candidate has only that part
    std::string offering;   // "provider/instance", empty when none applies
    std::optional<TrainingResult> training;
    std::optional<InferenceResult> inference;
    std::optional<Spend> spend;
    std::vector<std::string> problems; // in words, for people
    // What the numbers rest on that a reader should know, in words: a price that is the middle
    // of a range, an estimated TDP. Not problems: the candidate runs and is costed.
    std::vector<std::string> assumptions;
    bool operator==(const CandidateResult &) const = default;
};

struct Evaluation {
    std::string scenarioName;
    std::string catalogVersion;
    std::vector<CandidateResult> results;
    bool operator==(const Evaluation &) const = default;
};

} // namespace accelplan
