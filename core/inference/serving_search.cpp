// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/serving_search.h"

#include "efficiency/inference_efficiency.h"
#include "inference/monotone_search.h"
#include "units/format.h"
#include "util/saturating.h"

#include <algorithm>
#include <optional>

namespace accelplan {
namespace {

// Whether `m` keeps every target of `slo` once scaled by the load's tails (p99 over mean in
// server mode; 1 where no queue forms, as offline).
bool withinTargets(const BatchMetrics &m, const Slo &slo, const ServerLoad &load) {
    if (slo.ttft && m.ttft * load.ttftTail > *slo.ttft)
        return false;
    if (slo.tpot && m.tpot * load.tpotTail > *slo.tpot)
        return false;
    // A request's whole latency waits in the queue as its first token does.
    return !slo.latency || m.latency * load.ttftTail <= *slo.latency;
}

struct Outcome {
    ReplicaLayout layout;
    BatchMetrics metrics;
    std::string problem; // empty: meets everything asked
    bool fits = true;    // false: not even one request fits in memory
    // Server mode: the most requests a second the layout carries within the SLO (0: none).
    std::optional<double> capacity = std::nullopt;
};

std::string seconds(units::Seconds t) { return units::format(t); }

std::string sloMiss(const BatchMetrics &m, const Slo &slo) {
    const ServerLoad load = serverLoad();
    std::string out = "misses the SLO even at batch 1:";
    if (slo.ttft && m.ttft * load.ttftTail > *slo.ttft)
        out += " p99 TTFT " + seconds(m.ttft * load.ttftTail) + " over " + seconds(*slo.ttft);
    if (slo.tpot && m.tpot * load.tpotTail > *slo.tpot)
        out += " p99 TPOT " + seconds(m.tpot * load.tpotTail) + " over " + seconds(*slo.tpot);
    if (slo.latency && m.latency * load.ttftTail > *slo.latency)
        out +=
            " p99 latency " + seconds(m.latency * load.ttftTail) + " over " + seconds(*slo.latency);
    return out;
}

// Throughput under random arrivals: the batch is not full all the time.
BatchMetrics underLoad(BatchMetrics m) {
    const double u = serverLoad().utilisation;
    m.tokensPerSecond *= u;
    m.samplesPerSecond *= u;
    return m;
}

// The server's operating point: at the asked rate, else the largest batch within the SLO.
template <class At>
Outcome servedAt(const InferenceSettings &settings, const ReplicaLayout &layout, const At &at,
                 int maxBatch, int largestWithinSlo) {
    if (settings.requestsPerSecond) {
        const double rate = *settings.requestsPerSecond;
        const int below =
            lastTrue(1, maxBatch, [&](int b) { return underLoad(at(b)).samplesPerSecond < rate; });
        if (below >= maxBatch) {
            BatchMetrics best = underLoad(at(maxBatch));
            return {layout, best,
                    "carries at most " + units::formatNumber(best.samplesPerSecond, 3) +
                        " requests/s, asked " + units::formatNumber(rate, 3)};
        }
        BatchMetrics m = at(below + 1);
        // The asked rate, not the capacity, is what flows through.
        m.tokensPerSecond *= rate / m.samplesPerSecond;
        m.samplesPerSecond = rate;
        return {layout, m, meetsSlo(m, settings.slo) ? "" : sloMiss(at(1), settings.slo)};
    }
    if (largestWithinSlo < 1)
        return {layout, underLoad(at(1)), sloMiss(at(1), settings.slo)};
    return {layout, underLoad(at(largestWithinSlo)), ""};
}

Outcome serverOutcome(const ServingModel &model, const InferenceSettings &settings,
                      const ReplicaLayout &layout, Schedule schedule, int maxBatch) {
    auto at = [&](int b) { return batchMetrics(model, layout, schedule, b); };
    const int largestWithinSlo =
        lastTrue(1, maxBatch, [&](int b) { return meetsSlo(at(b), settings.slo); });
    const double capacity =
        largestWithinSlo < 1 ? 0.0 : underLoad(at(largestWithinSlo)).samplesPerSecond;
    Outcome out = servedAt(settings, layout, at, maxBatch, largestWithinSlo);
    out.capacity = capacity;
    return out;
}

Outcome layoutOutcome(const ServingModel &model, const InferenceSettings &settings,
                      const ReplicaLayout &layout) {
    const Schedule schedule = scheduleFor(settings.mode, settings.phase);
    const int fitting = largestBatch(model, layout, schedule);
    if (fitting < 1)
        return {layout, batchMetrics(model, layout, schedule, 1), "", false};
    const int cap = saturatingProduct(maxRequestsPerReplica(model), layout.replicas);
    const int maxBatch = std::min({fitting, cap, settings.batch.value_or(cap)});
    switch (settings.mode) {
    case InferenceMode::offline:
    case InferenceMode::latency: {
        int wanted = settings.batch.value_or(
            settings.mode == InferenceMode::offline ? std::min(fitting, cap) : 1);
        // Offline with targets and no batch given: the largest batch that keeps them (no
        // queue, so the mean is what is judged), else one request at a time.
        const Slo &slo = settings.slo;
        const bool targets = slo.ttft || slo.tpot || slo.latency;
        if (settings.mode == InferenceMode::offline && !settings.batch && targets) {
            const auto within = [&](int b) {
                return withinTargets(batchMetrics(model, layout, schedule, b), slo, ServerLoad{});
            };
            wanted = std::max(1, lastTrue(1, std::min(fitting, cap), within));
        }
        BatchMetrics m = batchMetrics(model, layout, schedule, wanted);
        if (wanted > fitting)
            return {layout, m,
                    "batch " + std::to_string(wanted) + " does not fit: at most " +
                        std::to_string(fitting)};
        return {layout, m, ""};
    }
    case InferenceMode::server: return serverOutcome(model, settings, layout, schedule, maxBatch);
    }
    return {layout, {}, "unknown mode"};
}

// Whether `a` serves better than `b` for the mode.
bool better(const Outcome &a, const Outcome &b, const InferenceSettings &settings) {
    if (settings.mode == InferenceMode::latency) {
        if (a.metrics.latency != b.metrics.latency)
            return a.metrics.latency < b.metrics.latency;
        return a.metrics.tokensPerSecond > b.metrics.tokensPerSecond;
    }
    if (a.metrics.tokensPerSecond != b.metrics.tokensPerSecond)
        return a.metrics.tokensPerSecond > b.metrics.tokensPerSecond;
    return a.metrics.latency < b.metrics.latency;
}

std::string memoryProblem(const ServingModel &model, const Outcome &smallest) {
    return "does not fit: needs " + units::format(smallest.metrics.memory.total()) +
           " per chip, has " + units::format(model.memory) + " (" +
           std::to_string(smallest.layout.chipsPerReplica()) + " chips per replica)";
}

} // namespace

bool meetsSlo(const BatchMetrics &m, const Slo &slo) { return withinTargets(m, slo, serverLoad()); }

ServingChoice chooseServing(const ServingModel &model, const InferenceSettings &settings,
                            const std::vector<ReplicaLayout> &layouts) {
    ServingChoice choice;
    if (layouts.empty()) {
        choice.problems.push_back("no replica layout matches the chip count and the pinned "
                                  "parallelism (tp × pp × dp must equal count)");
        return choice;
    }
    std::optional<Outcome> bestClean, bestFlawed, smallestUnfit;
    for (const ReplicaLayout &layout : layouts) {
        Outcome o = layoutOutcome(model, settings, layout);
        if (!o.fits) {
            if (!smallestUnfit || o.metrics.memory.total() < smallestUnfit->metrics.memory.total())
                smallestUnfit = o;
            continue;
        }
        std::optional<Outcome> &slot = o.problem.empty() ? bestClean : bestFlawed;
        if (!slot || better(o, *slot, settings))
            slot = std::move(o);
    }
    const std::optional<Outcome> &pick = bestClean ? bestClean : bestFlawed;
    if (!pick) {
        choice.metrics = smallestUnfit->metrics;
        choice.layout = smallestUnfit->layout;
        choice.problems.push_back(memoryProblem(model, *smallestUnfit));
        return choice;
    }
    choice.found = true;
    choice.layout = pick->layout;
    choice.metrics = pick->metrics;
    choice.capacity = pick->capacity;
    if (!pick->problem.empty())
        choice.problems.push_back(pick->problem);
    return choice;
}

} // namespace accelplan
