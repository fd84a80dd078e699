// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/latency_curve.h"

#include "inference/batch_metrics.h"
#include "inference/decoding.h"
#include "inference/generic_serving.h"
#include "inference/serving_model.h"
#include "inference/serving_search.h"
#include "util/saturating.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace accelplan {
namespace {

// Batch sizes 1, 2, 3, 4, 6, 8, 12, 16, ...: two points per doubling up to `most`.
std::vector<int> batchSteps(int most) {
    std::vector<int> out;
    // Counted wide: near the largest int (a small model on a million chips), doubling an int
    // would overflow and never end.
    for (long long b = 1; b <= most; b *= 2) {
        out.push_back(int(b));
        if (b >= 2 && b + b / 2 <= most)
            out.push_back(int(b + b / 2));
    }
    if (out.empty() || out.back() != most)
        out.push_back(most);
    return out;
}

CurvePoint pointOf(const BatchMetrics &m, const InferenceSettings &settings, int chips,
                   bool decodes) {
    CurvePoint p;
    p.batch = int(std::lround(m.batch));
    p.ttft = m.ttft;
    p.tpot = m.tpot;
    p.latency = m.latency;
    p.perUserRate = decodes ? (m.tpot.value() > 0 ? 1.0 / m.tpot.value() : 0)
                            : (m.latency.value() > 0 ? 1.0 / m.latency.value() : 0);
    p.tokensPerSecondPerChip = m.tokensPerSecond / chips;
    p.samplesPerSecondPerChip = m.samplesPerSecond / chips;
    p.meetsSlo = meetsSlo(m, settings.slo);
    return p;
}

} // namespace

ThroughputLatencyCurve throughputLatencyCurve(const Workload &workload,
                                              const InferenceSettings &settings, const Chip &chip,
                                              const Candidate &candidate) {
    ThroughputLatencyCurve curve;
    const int chips = std::max(1, candidate.count);
    if (const GenericShape *g = workload.generic()) {
        InferenceSettings fixed = settings;
        fixed.mode = InferenceMode::offline;
        fixed.batch.reset();
        const ServingChoice most = chooseGenericServing(*g, fixed, chip, chips);
        if (!most.found)
            return curve;
        curve.layout = most.layout;
        const double largest =
            std::min<double>(most.metrics.batch, std::numeric_limits<int>::max());
        for (int b : batchSteps(int(std::lround(largest)))) {
            fixed.batch = b;
            const ServingChoice at = chooseGenericServing(*g, fixed, chip, chips);
            curve.points.push_back(pointOf(at.metrics, settings, chips, false));
        }
        return curve;
    }
    const TransformerShape &shape = *workload.transformer();
    const ServingModelOrProblem made =
        makeServingModel(shape, withDecoding(workload, settings), chip);
    const ServingModel *model = std::get_if<ServingModel>(&made);
    if (!model)
        return curve;
    const ServingChoice choice = chooseServing(
        *model, settings, replicaLayouts(chips, shape.layers, chip, candidate.parallelism));
    if (!choice.found)
        return curve;
    curve.layout = choice.layout;
    const Schedule schedule = scheduleFor(settings.mode, settings.phase);
    const int most =
        std::min(largestBatch(*model, choice.layout, schedule),
                 saturatingProduct(maxRequestsPerReplica(*model), choice.layout.replicas));
    const bool decodes = model->outputTokens > 0 && settings.phase != InferencePhase::prefill;
    // The batch the evaluation serves at (the same choice) is on the curve too, so that a
    // chart can mark the operating point.
    std::vector<int> batches = batchSteps(most);
    const int chosen = int(std::lround(choice.metrics.batch));
    const auto at = std::lower_bound(batches.begin(), batches.end(), chosen);
    if (chosen >= 1 && chosen <= most && (at == batches.end() || *at != chosen))
        batches.insert(at, chosen);
    for (int b : batches)
        curve.points.push_back(
            pointOf(batchMetrics(*model, choice.layout, schedule, b), settings, chips, decodes));
    return curve;
}

} // namespace accelplan
