// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/disaggregation.h"

#include "inference/serving_model.h"
#include "inference/serving_search.h"

#include <cmath>
#include <cstdint>

namespace accelplan {
namespace {

struct PoolRate {
    ReplicaLayout layout;
    int chips = 0; // the pool size the rate was measured on
    double perChip = 0;
};

// The best requests per second per chip one phase reaches on a pool of at most `chips`,
// trying pool sizes that are powers of two (replicas of every layout fit in them).
std::optional<PoolRate> bestRate(const ServingModel &model, const InferenceSettings &settings,
                                 int chips, int layers) {
    std::optional<PoolRate> best;
    // 64-bit: doubling an int past a count near INT_MAX would overflow.
    for (std::int64_t doubled = 1; doubled <= chips; doubled *= 2) {
        const int pool = int(doubled);
        const auto layouts = replicaLayouts(pool, layers, *model.chip, {});
        const ServingChoice c = chooseServing(model, settings, layouts);
        if (!c.found || !c.metrics.fits || !c.problems.empty())
            continue;
        const double perChip = c.metrics.samplesPerSecond / pool;
        if (!best || perChip > best->perChip)
            best = PoolRate{c.layout, pool, perChip};
    }
    return best;
}

} // namespace

std::optional<PoolSplit> balancedPools(const TransformerShape &shape,
                                       const InferenceSettings &settings, const Chip &chip,
                                       int chips) {
    if (chips < 2 || shape.encoderOnly)
        return std::nullopt;
    InferenceSettings prefill = settings, decode = settings;
    prefill.phase = InferencePhase::prefill;
    prefill.slo.tpot.reset();
    prefill.batch.reset();
    decode.phase = InferencePhase::decode;
    decode.slo.ttft.reset();
    decode.batch.reset();
    const ServingModelOrProblem made = makeServingModel(shape, settings, chip);
    const ServingModel *model = std::get_if<ServingModel>(&made);
    if (!model)
        return std::nullopt;
    // Each pool is measured on at most the whole budget less one chip for the other.
    const auto p = bestRate(*model, prefill, chips - 1, shape.layers);
    const auto d = bestRate(*model, decode, chips - 1, shape.layers);
    if (!p || !d)
        return std::nullopt;
    // Balance: prefillChips · p = decodeChips · d, in whole replicas of each pool's layout.
    const int pStep = p->layout.chipsPerReplica(), dStep = d->layout.chipsPerReplica();
    std::optional<PoolSplit> best;
    for (std::int64_t step = pStep; step <= chips - dStep; step += pStep) {
        const int pc = int(step);
        const int dc = (chips - pc) / dStep * dStep;
        const double rate = std::min(pc * p->perChip, dc * d->perChip);
        if (!best || rate > best->requestsPerSecond) {
            PoolSplit s;
            s.prefillChips = pc;
            s.decodeChips = dc;
            s.prefillLayout = p->layout;
            s.prefillLayout.replicas = pc / pStep;
            s.decodeLayout = d->layout;
            s.decodeLayout.replicas = dc / dStep;
            s.prefillRequestsPerSecondPerChip = p->perChip;
            s.decodeRequestsPerSecondPerChip = d->perChip;
            s.requestsPerSecond = rate;
            best = s;
        }
    }
    return best;
}

} // namespace accelplan
