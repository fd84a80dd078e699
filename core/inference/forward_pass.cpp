#include "inference/forward_pass.h"

#include "inference/tensor_parallel_comm.h"

#include <algorithm>

namespace accelplan {
namespace {

LinkCost linkFor(const ServingModel &m, int group) {
    return {groupLinkBandwidth(*m.chip, group) * m.efficiency.collectiveBandwidth,
            m.efficiency.collectiveLatency};
}

} // namespace

units::Seconds StageTime::total() const {
    return std::max(memory, compute) + communication + overhead;
}

StageTime stageTime(const ServingModel &m, const ReplicaLayout &layout, const PassTokens &t) {
    const ServingShape &s = m.shape;
    const double tp = layout.tp;
    const double stageShare = 1.0 / layout.pp; // of the layers (and, on average, the head)
    const double tokens = t.decode + t.prefill;

    // Bytes streamed per chip: dense weights and the head once per pass, the routed experts
    // the pass's tokens touch, each decoding sequence's KV cache.
    double streamed = s.alwaysReadLayerParams() * m.weightBytes + s.headParams() * m.tableBytes;
    if (s.isMoe())
        streamed += s.counts.moeLayers *
                    expectedExpertsTouched(s.counts.experts, s.counts.expertsPerToken, tokens) *
                    s.counts.expertFfn * m.weightBytes;
    const double kvSplit = std::min<double>(tp, s.kvShards);
    const double kvRead = t.decode * t.decodeContext * m.kvBytesPerToken.value() / kvSplit;
    const units::Bytes bytes = units::bytes((streamed / tp + kvRead) * stageShare);

    // Work per chip: weights times tokens, attention over each token's context.
    const double attention = s.attentionFlopsPerPosition;
    const double decodeFlops = t.decode * (s.linearFlopsPerToken() + attention * t.decodeContext);
    const double prefillFlops =
        t.prefill * (s.linearFlopsPerToken() + attention * t.prefillContext);
    const double share = stageShare / tp;
    const auto &e = m.efficiency;

    StageTime out;
    out.memory = bytes / (m.memoryBandwidth * e.memoryBandwidth);
    out.compute = units::flops(decodeFlops * share) / (m.peak * e.decodeCompute) +
                  units::flops(prefillFlops * share) / (m.peak * e.prefillCompute);
    // Two all-reduces per layer (after attention and after the FFN) of the pass's activations.
    const double layersHere = s.layers * stageShare;
    const units::Bytes message = units::bytes(tokens * s.hidden * m.activationBytes);
    out.communication = 2 * layersHere * allReduceTime(message, layout.tp, linkFor(m, layout.tp));
    out.overhead = e.layerOverhead * layersHere + e.stepOverhead * stageShare;
    return out;
}

units::Seconds pipelinePassTime(const ServingModel &m, const ReplicaLayout &layout,
                                const PassTokens &t) {
    const units::Seconds stage = stageTime(m, layout, t).total();
    if (layout.pp <= 1)
        return stage;
    const double tokens = t.decode + t.prefill;
    const units::Bytes message = units::bytes(tokens * m.shape.hidden * m.activationBytes);
    const LinkCost link = linkFor(m, layout.chipsPerReplica());
    return double(layout.pp) * stage + double(layout.pp - 1) * sendTime(message, link);
}

} // namespace accelplan
