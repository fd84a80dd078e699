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
    double runtimeBytes = 0;
    double kvBytesPerValue = 2; // speech: the encoder's keys and values the decoder reads
    double windows = 1;         // speech: encoder windows in one request
    int outputTokens = 0;       // speech: text tokens one request writes
    units::FlopsPerSecond peak = units::flopsPerSecond(0);
    units::BytesPerSecond bandwidth = units::bytesPerSecond(0);
    units::Bytes memory = units::bytes(0);
    InferenceEfficiency efficiency;
};

// A forward pass keeps only a few layers' activations alive, not the whole stack training
// saves for its backward pass: a tenth of the shape's (training) activation bytes.
constexpr double kLiveActivationShare = 0.1;

// What the runtime holds before the model's first tensor, an estimate: a CUDA or ROCm context
// with its math libraries' workspaces comes to 0.5-1 GiB (as in training, step_time.cpp); a
// mobile runtime (LiteRT, Core ML, QNN, TensorRT on Jetson) loads only the kernels the model
// uses, some tens of MiB.
constexpr double kMiB = 1024.0 * 1024.0;
constexpr double kServerRuntimeBytes = 768 * kMiB;
constexpr double kEdgeRuntimeBytes = 64 * kMiB;

// Speech: the keys and values one request's decoder reads per token: the encoder's output
// for the window being transcribed, and its own text so far.
double speechCacheBytes(const GenericModel &g) {
    const SpeechDecoder &d = *g.shape->speech;
    // A text token's own keys and values are one encoder position's: 2 x width x layers.
    const double perTextToken = d.crossValuesPerWindow / d.framesPerWindow;
    return (d.crossValuesPerWindow + perTextToken * g.outputTokens) * g.kvBytesPerValue;
}

MemoryBreakdown memoryPerChip(const GenericModel &g, int group, double perReplica) {
    MemoryBreakdown m;
    m.weights = units::bytes((g.weightBytes + g.tableBytes) / group);
    m.activations = g.shape->activationBytesPerSample * (kLiveActivationShare * perReplica / group);
    if (g.shape->speech)
        m.kvCache = units::bytes(speechCacheBytes(g) * perReplica / group);
    m.other = units::bytes(g.runtimeBytes);
    return m;
}

// Work at the compute rate against bytes at memory bandwidth, whichever bounds, plus the
// runtime's fixed cost for the pass.
units::Seconds passTime(const GenericModel &g, units::Flops work, double bytes,
                        units::Seconds overhead) {
    const auto &e = g.efficiency;
    const units::Seconds compute = work / (g.peak * e.genericCompute);
    const units::Seconds memory = units::bytes(bytes) / (g.bandwidth * e.memoryBandwidth);
    return boundBySlower(memory, compute, e.rooflineSharpness) + overhead;
}

struct BatchTimes {
    units::Seconds first = units::seconds(0);    // to the first output (speech: first token)
    units::Seconds perToken = units::seconds(0); // speech: each further token
    units::Seconds whole = units::seconds(0);
};

// One batch of `perReplica` samples (speech: requests) on a group of `group` chips sharing one
// copy.
BatchTimes batchTimes(const GenericModel &g, int group, double perReplica) {
    const GenericShape &shape = *g.shape;
    if (!shape.speech) {
        const units::Seconds t = passTime(g, inferenceFlopsPerSample(shape) * (perReplica / group),
                                          g.weightBytes / group, g.efficiency.genericOverhead);
        return {t, units::seconds(0), t};
    }
    const SpeechDecoder &d = *shape.speech;
    const auto &e = g.efficiency;
    const double decoderBytes = d.params * g.weightBytes / shape.params;
    const units::Seconds encoder =
        passTime(g, shape.forwardFlopsPerSample * (g.windows * perReplica / group),
                 (g.weightBytes - decoderBytes) / group, e.genericOverhead);
    // A decode step costs what a language model's does: a fixed part and a few kernel
    // launches per block (the stack's transformer rows).
    const units::Seconds step = passTime(g, d.flopsPerToken * (perReplica / group),
                                         (decoderBytes + perReplica * speechCacheBytes(g)) / group,
                                         e.stepOverhead + e.sequenceOverhead * perReplica +
                                             e.layerOverhead * double(d.layers));
    return {encoder + step, step, encoder + step * double(std::max(g.outputTokens, 1))};
}

BatchMetrics metricsAt(const GenericModel &g, const ReplicaLayout &layout, double batch) {
    BatchMetrics r;
    r.batch = batch;
    const double replicas = std::clamp(std::ceil(batch), 1.0, double(layout.replicas));
    const double perReplica = batch / replicas;
    r.memory = memoryPerChip(g, layout.tp, perReplica);
    r.fits = r.memory.total() <= g.memory;
    const BatchTimes t = batchTimes(g, layout.tp, perReplica);
    r.latency = t.whole;
    r.ttft = t.first;
    r.tpot = t.perToken;
    r.samplesPerSecond = batch / r.latency.value();
    return r;
}

int largestFitting(const GenericModel &g, const ReplicaLayout &layout) {
    const double free = (g.memory - memoryPerChip(g, layout.tp, 0).total()).value();
    const double perSample = memoryPerChip(g, layout.tp, 1).total().value() -
                             memoryPerChip(g, layout.tp, 0).total().value();
    if (free <= 0)
        return 0;
    const double perReplica = perSample > 0 ? std::floor(free / perSample) : 1e9;
    return int(std::min(perReplica, 1e9 / layout.replicas) * layout.replicas);
}

} // namespace

std::optional<double> realTimeFactor(const InferenceResult &result, const Workload &workload,
                                     const InferenceSettings &settings) {
    const GenericShape *g = workload.generic();
    if (!g || !g->speech || !result.fits || result.latency.value() <= 0)
        return std::nullopt;
    return result.latency.value() / settings.audioSeconds.value_or(g->speech->windowSeconds);
}

ServingChoice chooseGenericServing(const GenericShape &shape, const InferenceSettings &settings,
                                   const Chip &chip, int chips) {
    ServingChoice choice;
    if (auto problem = settings.mathPrecisionProblem()) {
        choice.problems.push_back(*problem);
        return choice;
    }
    const auto compute = servingComputePrecision(chip, settings.mathPrecision());
    if (!compute || !chip.memory || !chip.memoryBandwidth) {
        choice.problems.push_back(
            !compute ? "no compute rate for " + std::string(toString(settings.mathPrecision())) +
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
    g.efficiency = inferenceEfficiency(chip, *compute, servingRuntimeOf(settings, chip));
    // Never more than the share the runtime leaves free by default: a chip whose memory is
    // its on-chip SRAM (Groq) holds no driver context there.
    g.runtimeBytes =
        std::min(chip.chipClass == ChipClass::edge ? kEdgeRuntimeBytes : kServerRuntimeBytes,
                 g.memory.value() * (1.0 - g.efficiency.usableMemory));
    if (shape.speech) {
        g.kvBytesPerValue = bytesPerElement(servingKvPrecision(settings));
        g.windows = std::ceil(settings.audioSeconds.value_or(shape.speech->windowSeconds) /
                              shape.speech->windowSeconds);
        g.outputTokens = settings.outputTokens;
    }

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
