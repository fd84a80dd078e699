// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/serving_memory.h"

#include <algorithm>
#include <cmath>

namespace accelplan {
namespace {

// Activation bytes a pass keeps per token and chip, in units of hidden × activation bytes:
// the residual stream, attention and FFN intermediates of one layer at a time, and the
// tensor-parallel buffers (vLLM and TensorRT-LLM size their workspace the same way).
constexpr double kActivationHiddensPerToken = 16.0;

double kvBytesPerSequenceToken(const ServingModel &m, const ReplicaLayout &layout) {
    const double split = std::min<double>(layout.tp, m.shape.kvShards) * layout.pp;
    return m.kvBytesPerToken.value() / split;
}

double activationBytesPerToken(const ServingModel &m, const ReplicaLayout &layout) {
    // Logits in fp32 for the vocabulary share of this chip.
    const double logits = 4.0 * m.shape.headParams() / std::max(1.0, m.shape.hidden) / layout.tp;
    return kActivationHiddensPerToken * m.shape.hidden * m.activationBytes / layout.tp + logits;
}

} // namespace

MemoryBreakdown servingMemoryPerChip(const ServingModel &m, const ReplicaLayout &layout,
                                     double sequences, double context, double passTokens) {
    MemoryBreakdown out;
    out.weights = m.weightBytesTotal() / double(layout.chipsPerReplica());
    out.kvCache = units::bytes(sequences * context * kvBytesPerSequenceToken(m, layout));
    out.activations = units::bytes(passTokens * activationBytesPerToken(m, layout));
    out.other = m.memory * (1.0 - m.efficiency.usableMemory);
    return out;
}

bool fitsInMemory(const ServingModel &m, const MemoryBreakdown &memory) {
    return memory.total() <= m.memory;
}

int largestBatchPerReplica(const ServingModel &m, const ReplicaLayout &layout, double context,
                           double passTokensPerSequence, double maxPassTokens) {
    constexpr double kUnbounded = 1 << 24;
    const MemoryBreakdown fixed = servingMemoryPerChip(m, layout, 0, 0, 0);
    const double free = (m.memory - fixed.total()).value();
    const double kv = context * kvBytesPerSequenceToken(m, layout);
    const double activation = activationBytesPerToken(m, layout);
    // While a pass is below the chunk limit, each sequence adds its pass tokens too.
    double batch = free / (kv + passTokensPerSequence * activation);
    if (batch * passTokensPerSequence > maxPassTokens)
        batch = kv > 0 ? (free - maxPassTokens * activation) / kv : kUnbounded;
    return int(std::clamp(std::floor(batch), 0.0, kUnbounded));
}

} // namespace accelplan
