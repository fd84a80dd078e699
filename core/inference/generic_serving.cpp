// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/generic_serving.h"

#include "efficiency/inference_efficiency.h"
#include "inference/forward_pass.h"
#include "inference/monotone_search.h"
#include "inference/serving_model.h"
#include "units/format.h"
#include "util/saturating.h"
#include "workload/counts.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace accelplan {
namespace {

struct GenericModel {
    const GenericShape *shape = nullptr;
    double weightBytes = 0; // streamed every batch: the layers
    double tableBytes = 0;  // held, looked up: embedding tables
    units::FlopsPerSecond peak = units::flopsPerSecond(0);
    units::BytesPerSecond bandwidth = units::bytesPerSecond(0);
    units::Bytes memory = units::bytes(0);
    InferenceEfficiency efficiency;
};

// A forward pass keeps only a few layers' activations alive, not the whole stack training
// saves for its backward pass: a tenth of the shape's (training) activation bytes.
constexpr double kLiveActivationShare = 0.1;

MemoryBreakdown memoryPerChip(const GenericModel &g, int group, double perReplica) {
    MemoryBreakdown m;
    m.weights = units::bytes((g.weightBytes + g.tableBytes) / group);
    m.activations = g.shape->activationBytesPerSample * (kLiveActivationShare * perReplica / group);
    m.other = g.memory * (1.0 - g.efficiency.usableMemory);
    return m;
}

// One batch of `perReplica` samples on a group of `group` chips sharing one copy.
units::Seconds batchTime(const GenericModel &g, int group, double perReplica) {
    const auto &e = g.efficiency;
    const units::Seconds compute =
        inferenceFlopsPerSample(*g.shape) * (perReplica / group) / (g.peak * e.genericCompute);
    const units::Seconds memory =
        units::bytes(g.weightBytes / group) / (g.bandwidth * e.memoryBandwidth);
    return boundBySlower(memory, compute, e.rooflineSharpness) + e.genericOverhead;
}

BatchMetrics metricsAt(const GenericModel &g, const ReplicaLayout &layout, double batch) {
    BatchMetrics r;
    r.batch = batch;
    const double replicas = std::clamp(std::ceil(batch), 1.0, double(layout.replicas));
    const double perReplica = batch / replicas;
    r.memory = memoryPerChip(g, layout.tp, perReplica);
    r.fits = r.memory.total() <= g.memory;
    r.latency = batchTime(g, layout.tp, perReplica);
    r.ttft = r.latency;
    r.samplesPerSecond = batch / r.latency.value();
    return r;
}

int largestFitting(const GenericModel &g, const ReplicaLayout &layout) {
    const double free = (g.memory - memoryPerChip(g, layout.tp, 0).total()).value();
    const double perSample =
        kLiveActivationShare * g.shape->activationBytesPerSample.value() / layout.tp;
    if (free <= 0)
        return 0;
    const double perReplica = perSample > 0 ? std::floor(free / perSample) : 1e9;
    return int(std::min(perReplica, 1e9 / layout.replicas) * layout.replicas);
}

} // namespace

ServingChoice chooseGenericServing(const GenericShape &shape, const InferenceSettings &settings,
                                   const Chip &chip, int chips) {
    ServingChoice choice;
    const auto compute = servingComputePrecision(chip, settings.precision);
    if (!compute || !chip.memory || !chip.memoryBandwidth) {
        choice.problems.push_back(
            !compute ? "no compute rate for " + std::string(toString(settings.precision)) +
                           " or a wider format on " + chip.id
                     : chip.id + " has no memory size or bandwidth in the catalog");
        return choice;
    }
    GenericModel g;
    g.shape = &shape;
    g.weightBytes = shape.params * servingBytesPerWeight(settings.precision);
    g.tableBytes = shape.embeddingBytes.value();
    g.peak = *chip.peakAt(*compute);
    g.bandwidth = *chip.memoryBandwidth;
    g.memory = *chip.memory;
    g.efficiency = inferenceEfficiency(chip, *compute);

    // The smallest group of chips that holds one copy.
    std::optional<ReplicaLayout> layout;
    for (int group = 1; group <= chips && !layout; ++group) {
        if (chips % group == 0 && largestFitting(g, {group, 1, chips / group}) > 0)
            layout = ReplicaLayout{group, 1, chips / group};
    }
    if (!layout) {
        const MemoryBreakdown need = memoryPerChip(g, chips, 1);
        choice.metrics = metricsAt(g, {chips, 1, 1}, 1);
        choice.problems.push_back("does not fit: needs " + units::format(need.total()) +
                                  " per chip, has " + units::format(g.memory));
        return choice;
    }
    const int fitting = largestFitting(g, *layout);
    const int cap = saturatingProduct(maxSequencesPerReplica(chip), layout->replicas);
    const int most = std::min(fitting, cap);
    int batch = 1;
    switch (settings.mode) {
    case InferenceMode::offline: batch = settings.batch.value_or(most); break;
    case InferenceMode::latency: batch = settings.batch.value_or(1); break;
    case InferenceMode::server: {
        // The largest batch whose p99 per-query latency meets the bound; throughput under load.
        const int hi = std::min(most, settings.batch.value_or(most));
        batch = std::max(1, lastTrue(1, hi, [&](int b) {
                             return meetsSlo(metricsAt(g, *layout, b), settings.slo);
                         }));
        break;
    }
    }
    choice.found = true;
    choice.layout = *layout;
    choice.metrics = metricsAt(g, *layout, batch);
    if (settings.mode == InferenceMode::server) {
        choice.metrics.samplesPerSecond *= serverLoad().utilisation;
        if (!meetsSlo(choice.metrics, settings.slo))
            choice.problems.push_back("misses the latency bound even at batch 1");
    }
    if (batch > fitting)
        choice.problems.push_back("batch " + std::to_string(batch) + " does not fit: at most " +
                                  std::to_string(fitting));
    return choice;
}

} // namespace accelplan
