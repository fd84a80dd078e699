// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/forward_pass.h"

#include "inference/tensor_parallel_comm.h"

#include <algorithm>
#include <cmath>

namespace accelplan {

units::Seconds boundBySlower(units::Seconds a, units::Seconds b, double sharpness) {
    const double hi = std::max(a.value(), b.value());
    if (hi <= 0)
        return units::seconds(0);
    const double x = a.value() / hi, y = b.value() / hi;
    return units::seconds(
        hi * std::pow(std::pow(x, sharpness) + std::pow(y, sharpness), 1.0 / sharpness));
}

units::Seconds StageTime::total() const {
    return boundBySlower(weights, matrix, sharpness) +
           boundBySlower(kvCache, attention, sharpness) + communication + overhead;
}

StageTime stageTime(const ServingModel &m, const ReplicaLayout &layout, const PassTokens &t) {
    const ServingShape &s = m.shape;
    const double tp = layout.tp;
    const double stageShare = 1.0 / layout.pp; // of the layers (and, on average, the head)
    // Checking k drafts puts k + 1 tokens of each decoding sequence through the weights and
    // against its context; the context's cache is still read once.
    const double decodeTokens = t.decode * t.queries;
    const double tokens = decodeTokens + t.prefill;

    // Bytes streamed per chip: dense weights and the head once per pass, the routed experts
    // the pass's tokens touch, each decoding sequence's KV cache.
    double streamed = s.alwaysReadLayerParams() * m.weightBytes + s.headParams() * m.tableBytes;
    if (s.isMoe())
        streamed += s.counts.moeLayers *
                    expectedExpertsTouched(s.counts.experts, s.counts.expertsPerToken, tokens) *
                    s.counts.expertFfn * m.weightBytes;
    const double kvSplit = std::min<double>(tp, s.kvShards);
    const double kvRead = t.decode * t.decodeContext * m.kvBytesPerToken.value() / kvSplit;
    // Beams reordered by copying: the cache is read once more and written once after the step.
    const double kvTraffic = m.beams > 1 && m.efficiency.beamReorderCopiesKv ? 3 * kvRead : kvRead;

    // Work per chip: weights times tokens, attention over each token's context.
    const double share = stageShare / tp;
    const double linear = s.linearFlopsPerToken() * share;
    const double attention = s.attentionFlopsPerPosition * share;
    const auto &e = m.efficiency;
    const units::FlopsPerSecond decodeRate = m.peak * e.decodeCompute;
    const units::FlopsPerSecond prefillRate = m.peak * e.prefillCompute;
    const units::BytesPerSecond bandwidth = m.memoryBandwidth * e.memoryBandwidth;

    StageTime out;
    out.sharpness = e.rooflineSharpness;
    out.weights = units::bytes(streamed / tp * stageShare) / bandwidth;
    out.kvCache = units::bytes(kvTraffic * stageShare) / bandwidth;
    out.matrix = units::flops(decodeTokens * linear) / decodeRate +
                 units::flops(t.prefill * linear) / prefillRate;
    out.attention =
        units::flops(decodeTokens * t.decodeContext * attention) / decodeRate +
        units::flops(t.prefill * t.prefillContext * attention) / (prefillRate * e.prefillAttention);
    // Two all-reduces per layer (after attention and after the FFN) of the pass's activations.
    const double layersHere = s.layers * stageShare;
    const units::Bytes message = units::bytes(tokens * s.hidden * m.activationBytes);
    out.communication =
        2 * layersHere * tensorParallelAllReduce(*m.chip, m.network, message, layout.tp);
    // The runtime's host work is done once per pass, for every sequence in it: the decoding
    // ones, or the requests whose prompts a prefill-only pass reads.
    const double sequences =
        t.decode > 0 ? t.decode : t.prefill / std::max(1.0, double(m.inputTokens));
    out.overhead = e.layerOverhead * layersHere +
                   (e.stepOverhead + e.sequenceOverhead * sequences) * stageShare;
    return out;
}

units::Seconds pipelinePassTime(const ServingModel &m, const ReplicaLayout &layout,
                                const PassTokens &t) {
    const units::Seconds stage = stageTime(m, layout, t).total();
    if (layout.pp <= 1)
        return stage;
    const double tokens = t.decode * t.queries + t.prefill;
    const units::Bytes message = units::bytes(tokens * m.shape.hidden * m.activationBytes);
    // Micro-batches never balance exactly (contexts differ, a prompt chunk lands in one of
    // them), so each stage boundary also waits a share of a stage.
    const units::Seconds handOver =
        stageSend(*m.chip, m.network, message, layout.chipsPerReplica()) +
        m.efficiency.pipelineImbalance * stage;
    return double(layout.pp) * stage + double(layout.pp - 1) * handOver;
}

} // namespace accelplan
