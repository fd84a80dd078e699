// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/step_time.h"

#include <algorithm>
#include <cmath>

namespace accelplan::training {

namespace {

using comm::Collective;

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;
// Memory the runtime takes before the model does (driver context, collective buffers,
// kernel workspaces): 0.5-1 GiB on GPUs under PyTorch, similar on the other stacks.
constexpr double kRuntimeReserve = 0.75 * kGiB;
// Allocator fragmentation and temporary buffers: PyTorch's caching allocator typically keeps
// 5-10 % more than the live tensors in long training runs.
constexpr double kFragmentation = 0.08;

// Bytes per parameter in mixed precision training, 16 in all (Rajbhandari et al., ZeRO, arXiv
// 1910.02054, section 3.1): 16-bit weights and gradients, fp32 master weights plus the
// optimizer's moments. (Stacks that accumulate gradients in fp32 need 2 bytes more.)
constexpr double kMixedGradientBytes = 2;
constexpr double kAdamStateMixed = 12; // master weights, first and second moment
constexpr double kAdamStateFp32 = 8;   // the two moments (weights are already fp32)
constexpr double kSgdStateMixed = 8;   // master weights and momentum
constexpr double kSgdStateFp32 = 4;    // momentum
// Bytes the optimizer step reads and writes per parameter it owns.
constexpr double kAdamTraffic = 30;
constexpr double kSgdTraffic = 22;

// Collectives per transformer layer and micro-batch inside a tensor-parallel group (Megatron-LM
// with sequence parallelism: an all-gather and a reduce-scatter around attention and around
// the FFN, forward and backward, each pair the volume of one all-reduce).
constexpr int kTensorAllReducesPerLayer = 4;
constexpr int kTensorAllReducesPerRecompute = 2;
constexpr int kExpertAllToAllsPerLayer = 4; // dispatch and combine, forward and backward

// Extra attention time of context parallelism at large cp, relative to one chip's attention:
// Transformer Engine's ring attention (and Llama 3's all-gather variant) lose about a third
// of their attention throughput against unsplit flash attention at 8k-32k tokens.
constexpr double kContextRoundCost = 0.5;

// Activation offloading: layers kept on the chip as a staging buffer, and the host link each
// chip has (the catalog does not say; PCIe 5.0 x16 reaches about 40 of its nominal 64 GB/s
// per direction in DMA benchmarks, and current accelerator hosts have it).
constexpr double kOffloadBufferLayers = 2;
// Gradient reduction runs bucket by bucket while the backward pass produces the gradients
// (PyTorch DDP's bucket_cap_mb defaults to 25 MB; Megatron's and XLA's schedulers combine
// gradients into buckets of that order). It can only start once backward does, which is two
// thirds of a micro-batch's work (backward costs twice the forward), and the last bucket is
// reduced after backward ends, behind nothing.
constexpr double kGradientBucketBytes = 25e6;
constexpr double kBackwardShare = 2.0 / 3.0;
constexpr double kHostLinkBandwidth = 40e9;

bool fullPrecision(Precision p) {
    return p == Precision::fp32 || p == Precision::tf32 || p == Precision::fp64;
}

struct Shares {
    double layerShare = 1; // share of the layers on the fullest stage
    int stageLayers = 1;
    double denseChip = 0;  // dense weights per chip
    double expertChip = 0; // routed-expert weights per chip
    double loraChip = 0;   // adapter weights per chip
    int denseGroup = 1;    // chips that hold the same dense weights (dp x cp)
    int expertGroup = 1;   // chips that hold the same experts
    int microbatches = 1;
    double tokensPerMicrobatch = 1; // per data-parallel rank, before the cp split
};

bool validLayout(const Setup &u, const Parallelism &p) {
    if (p.dp < 1 || p.tp < 1 || p.pp < 1 || p.cp < 1 || p.ep < 1 || p.microbatch < 1)
        return false;
    if (p.zero < 0 || p.zero > 3)
        return false;
    if (long(p.dp) * p.tp * p.pp * p.cp != u.count)
        return false;
    if (p.dp > u.globalBatch)
        return false; // a data-parallel rank without a sequence to work on
    if (!u.transformer)
        return p.tp == 1 && p.pp == 1 && p.cp == 1 && p.ep == 1;
    if (u.heads % p.tp != 0 || p.pp > u.layers || u.seqLen % p.cp != 0)
        return false;
    if (p.ep > 1 && (u.experts == 0 || u.experts % p.ep != 0 || (p.dp * p.cp) % p.ep != 0))
        return false;
    return true;
}

Shares sharesOf(const Setup &u, const Parallelism &p) {
    Shares s;
    s.stageLayers = (u.layers + p.pp - 1) / p.pp;
    s.layerShare = double(s.stageLayers) / u.layers;
    const double ends =
        p.pp == 1 ? u.embeddingParams + u.headParams : std::max(u.embeddingParams, u.headParams);
    s.denseChip = (u.layerParams * s.layerShare + ends) / p.tp;
    s.expertChip = u.expertParams * s.layerShare / (double(p.ep) * p.tp);
    s.loraChip = u.loraParams * s.layerShare / p.tp;
    s.denseGroup = p.dp * p.cp;
    s.expertGroup = std::max(1, p.dp * p.cp / p.ep);
    const int perRank = (u.globalBatch + p.dp - 1) / p.dp;
    s.microbatches = (perRank + p.microbatch - 1) / p.microbatch;
    s.tokensPerMicrobatch = double(p.microbatch) * u.seqLen;
    return s;
}

// Interleaving: frameworks need at least as many micro-batches as stages, and each virtual
// stage holds whole layers; beyond 8 virtual stages the sends cost more than the bubble saves
// at any realistic size (Megatron-LM and NeMo recipes use up to 8).
constexpr int kMostVirtualStages = 8;

int maxVirtualStages(const Parallelism &p, const Shares &s) {
    if (p.pp <= 1 || s.microbatches < p.pp)
        return 1;
    for (int v = std::min(kMostVirtualStages, s.stageLayers); v > 1; --v) {
        if (s.stageLayers % v == 0)
            return v;
    }
    return 1;
}

// How activations are kept: the share of layers fully recomputed (full recompute only) and
// the bytes per micro-batch moved to host memory, both just enough for the layout to fit.
struct Placement {
    double recomputeShare = 0;
    double offloaded = 0;
};

MemoryBreakdown memoryOf(const Setup &u, const Parallelism &p, const Shares &s,
                         RecomputeScope scope, Placement &placement) {
    const bool fp32 = fullPrecision(u.precision);
    const bool adam = u.optimizer == Optimizer::adamw;
    const double state =
        adam ? (fp32 ? kAdamStateFp32 : kAdamStateMixed) : (fp32 ? kSgdStateFp32 : kSgdStateMixed);
    const double weightBytes = fp32 ? 4 : 2;
    const double gradientBytes = fp32 ? 4 : kMixedGradientBytes;
    auto sharded = [&](double perChip, int stageFrom, int group) {
        return p.zero >= stageFrom ? perChip / group : perChip;
    };

    MemoryBreakdown m;
    if (u.lora) {
        // Frozen base weights at the training precision (fp8 recipes keep them in fp8), and
        // the adapters trained in mixed precision.
        const double baseBytes = std::max(1.0, bytesPerElement(u.precision));
        m.weights =
            units::bytes((s.denseChip + s.expertChip) * baseBytes + s.loraChip * weightBytes);
        m.gradients = units::bytes(s.loraChip * gradientBytes);
        m.optimizer = units::bytes(sharded(s.loraChip * state, 1, s.denseGroup));
    } else {
        m.weights = units::bytes(sharded(s.denseChip * weightBytes, 3, s.denseGroup) +
                                 sharded(s.expertChip * weightBytes, 3, s.expertGroup));
        m.gradients = units::bytes(sharded(s.denseChip * gradientBytes, 2, s.denseGroup) +
                                   sharded(s.expertChip * gradientBytes, 2, s.expertGroup));
        m.optimizer = units::bytes(sharded(s.denseChip * state, 1, s.denseGroup) +
                                   sharded(s.expertChip * state, 1, s.expertGroup));
    }
    // Sparse embedding tables of a generic network are split over every chip.
    m.weights += u.embeddingTableBytes / double(u.count);

    const double tokensPerChip = s.tokensPerMicrobatch / (double(p.tp) * p.cp);
    // With one-forward-one-backward scheduling the first stage holds the activations of as
    // many micro-batches as there are stages. Interleaving with v virtual stages keeps
    // (1 + (pp - 1) / (pp v)) times more (Korthikanti et al., arXiv 2205.05198, section
    // 4.2.3), for the v the schedule would use.
    const int inFlight = std::min(p.pp, s.microbatches);
    const int v = maxVirtualStages(p, s);
    const double interleaving = v > 1 ? 1 + (p.pp - 1.0) / (double(p.pp) * v) : 1.0;
    const double kept = s.layerShare * tokensPerChip * inFlight * interleaving;
    const double working = u.logitsBytes.value() * tokensPerChip;
    auto finish = [&](double storedOnChip) {
        m.activations = units::bytes(storedOnChip + working);
        const double live = (m.weights + m.gradients + m.optimizer + m.activations).value();
        m.other = units::bytes(kRuntimeReserve + kFragmentation * live);
    };
    // Bytes to shed so that the chip's memory suffices (0 when it already does).
    auto lacking = [&] {
        if (u.memoryCapacity.value() <= 0 || m.total() <= u.memoryCapacity)
            return 0.0;
        return (m.total() - u.memoryCapacity).value() / (1 + kFragmentation) * (1 + 1e-9) + 1;
    };

    placement = {};
    double perToken = p.recompute == Recompute::none ? u.activationBytesNone.value()
                                                     : u.activationBytesSelective.value();
    double stored = perToken * kept;
    finish(stored);
    if (p.recompute == Recompute::full) {
        // Full recompute of as many layers as it takes to fit, the others keeping their
        // selective set (Megatron-LM's block recompute): one layer's full working set is live
        // while it is recomputed.
        const double inputs = u.activationBytesFull.value() * kept;
        const double layerWork = u.workingLayerBytes.value() * tokensPerChip;
        finish(stored + layerWork);
        const double saving = stored - inputs;
        placement.recomputeShare = saving > 0 && scope == RecomputeScope::asNeeded
                                       ? std::clamp(lacking() / saving, 0.0, 1.0)
                                       : 1.0;
        stored -= placement.recomputeShare * saving;
        finish(stored + layerWork);
        perToken = u.activationBytesFull.value();
    }
    if (const double short_ = lacking(); short_ > 0) {
        // Saved activations go to host memory and come back for the backward pass, as
        // MaxText's offloading remat policies and Megatron's CPU offloading do; only what the
        // chip lacks moves, and the chip keeps a two-layer staging buffer.
        const double buffer =
            std::min(stored, perToken / u.layers * kOffloadBufferLayers * tokensPerChip);
        const double moved = std::min(stored - buffer, short_);
        placement.offloaded = moved / inFlight;
        finish(m.activations.value() - working - moved);
    }
    return m;
}

// The fabric between neighbouring pipeline stages, which sit `stride` chips apart.
const comm::Fabric &stageLink(const Setup &u, int stride) {
    return stride < u.network.scaleUp.domainSize ? u.network.scaleUp : u.network.scaleOut;
}

units::Seconds groupCollective(const Setup &u, Collective c, units::Bytes bytes, int group,
                               int stride) {
    if (group <= 1)
        return units::seconds(0);
    const int perDomain = comm::membersPerDomain(group, stride, u.network.scaleUp.domainSize);
    return comm::collectiveTime(c, bytes, group, perDomain, u.network);
}

units::Seconds exposed(units::Seconds traffic, units::Seconds window, double overlap) {
    return std::max(traffic * (1 - overlap), traffic - window);
}

// One micro-batch on one chip of the fullest stage, before any communication.
struct ChipWork {
    units::Seconds compute = units::seconds(0);     // matrix products, attention, output projection
    units::Seconds attention = units::seconds(0);   // attention's part of compute
    units::Seconds memoryBound = units::seconds(0); // element-wise kernels
    units::Seconds overhead = units::seconds(0);    // kernel launches and the like, per layer
};

ChipWork chipWorkOf(const Setup &u, const Parallelism &p, const Shares &s, double recomputed) {
    const TrainingEfficiency &e = u.efficiency;
    const double tpcp = double(p.tp) * p.cp;
    // Token-layers one chip works on per micro-batch, as a share of the whole model's.
    const double chipTokens = s.tokensPerMicrobatch * s.layerShare / tpcp;
    // Small matrix products reach less of the peak: the width per chip (hidden / tp) and the
    // tokens per product (the micro-batch's share of the sequence after context splitting).
    const double width = double(u.hidden) / p.tp;
    const double rows = s.tokensPerMicrobatch / p.cp;
    const double wide = width / (width + e.halfWidth);
    const double narrow = u.transformer ? wide * rows / (rows + e.halfRows) : 1.0;
    const auto matmulRate = u.peak * (e.matmul * narrow);
    // A routed expert multiplies only the tokens sent to it: of the ep ranks' micro-batches,
    // experts-per-token in experts. Those grouped products have few rows (DeepSeek-V3 at
    // 4096 tokens: 128 per expert) and reach a smaller share of the peak than the dense ones.
    const double expertRows =
        u.experts > 0 ? rows * p.ep * u.expertsPerToken / double(u.experts) : rows;
    const auto expertRate =
        u.peak * (e.matmul * wide * expertRows / (expertRows + e.halfRows) / e.expertImbalance);
    // Context parallelism runs attention as cp rounds of smaller blocks against the keys and
    // values passed around the ring, each round its own kernels with its own tail.
    const double ring = 1 + kContextRoundCost * (p.cp - 1.0) / p.cp;
    const auto attentionRate = u.attentionPeak * (u.attentionMatmul * e.attention * narrow / ring);
    const auto headRate = u.attentionPeak * (u.attentionMatmul * narrow);

    // Recompute runs attention's core again (selective, and the layers full recompute does
    // not cover) or whole layers' forward (the share full recompute covers).
    const units::Flops expertWork = u.expertMatmulFlops + recomputed * u.recomputeExpertMatmulFlops;
    const units::Flops matmulWork =
        u.matmulFlops + recomputed * u.recomputeMatmulFlops - expertWork;
    units::Flops attentionWork = u.attentionFlops;
    if (p.recompute != Recompute::none)
        attentionWork += u.recomputeAttentionFlops;

    ChipWork w;
    // The output projection sits on the last stage, which frameworks give fewer layers.
    const double headTokens = s.tokensPerMicrobatch / tpcp / p.pp;
    w.attention = chipTokens * attentionWork / attentionRate;
    w.compute = chipTokens * matmulWork / matmulRate + chipTokens * expertWork / expertRate +
                w.attention + headTokens * u.headFlops / headRate;
    const double elementwiseScale = 1 + recomputed / 3;
    w.memoryBound =
        chipTokens * elementwiseScale * u.elementwiseBytes / (u.memoryBandwidth * e.memory);
    w.overhead = double(s.stageLayers) * e.layerOverhead;
    return w;
}

// Tensor parallelism: activations all-reduced inside every layer, partly behind the compute.
units::Seconds tensorParallelTime(const Setup &u, const Parallelism &p, const Shares &s,
                                  double recomputed, units::Seconds compute) {
    if (p.tp <= 1)
        return units::seconds(0);
    const double count = kTensorAllReducesPerLayer + recomputed * kTensorAllReducesPerRecompute;
    const units::Bytes bytes = (s.tokensPerMicrobatch / p.cp) * u.tensorBytes;
    const units::Seconds traffic =
        s.stageLayers * count * groupCollective(u, Collective::allReduce, bytes, p.tp, 1);
    return exposed(traffic, compute, u.efficiency.tensorOverlap);
}

// Context parallelism: keys and values gathered forward, gathered and their gradients
// reduce-scattered backward, behind attention where attention is long enough; like tensor
// parallelism's traffic inside a layer, never all of it (the first block waits for its keys).
units::Seconds contextParallelTime(const Setup &u, const Parallelism &p, const Shares &s,
                                   units::Seconds attention) {
    if (p.cp <= 1)
        return units::seconds(0);
    const units::Bytes bytes = (s.tokensPerMicrobatch / p.tp) * u.kvBytes;
    const units::Seconds perLayer =
        2.0 * groupCollective(u, Collective::allGather, bytes, p.cp, p.tp) +
        groupCollective(u, Collective::reduceScatter, bytes, p.cp, p.tp);
    const units::Seconds window = attention / double(s.stageLayers);
    return double(s.stageLayers) * exposed(perLayer, window, u.efficiency.tensorOverlap);
}

// Expert parallelism: tokens dispatched to their experts' chips and back.
units::Seconds expertParallelTime(const Setup &u, const Parallelism &p, const Shares &s,
                                  double recomputed) {
    if (p.ep <= 1 || u.moeLayers <= 0)
        return units::seconds(0);
    const double moeStageLayers = u.moeLayers * s.layerShare;
    const units::Bytes bytes = (s.tokensPerMicrobatch / (double(p.tp) * p.cp)) * u.expertBytes;
    const double count = kExpertAllToAllsPerLayer + recomputed * 2;
    return moeStageLayers * count *
           groupCollective(u, Collective::allToAll, bytes, p.ep, p.tp * p.cp) *
           u.efficiency.expertImbalance * (1 - u.efficiency.expertOverlap);
}

// Offloaded activations travel to the host during forward and back during backward, behind
// the compute of the layers in between.
units::Seconds hostOffloadTime(const Setup &u, const Placement &placement, units::Seconds compute) {
    if (placement.offloaded <= 0)
        return units::seconds(0);
    const units::Seconds traffic = units::seconds(2 * placement.offloaded / kHostLinkBandwidth);
    return exposed(traffic, compute, u.efficiency.overlap);
}

// Pipeline parallelism: one micro-batch's activations sent forward and their gradients
// backward at a stage boundary.
units::Seconds stageSendTime(const Setup &u, const Parallelism &p, const Shares &s) {
    if (p.pp <= 1)
        return units::seconds(0);
    const units::Bytes bytes = (s.tokensPerMicrobatch / (double(p.tp) * p.cp)) * u.pipelineBytes;
    return 2.0 * comm::sendReceiveTime(bytes, stageLink(u, p.tp * p.cp * p.dp));
}

// Interleaved pipeline (Narayanan et al., arXiv 2104.04473): v virtual stages per chip shrink
// the bubble to (pp - 1) / v micro-batch times at the cost of v times the sends. Frameworks
// need at least as many micro-batches as stages for it; v divides the stage's layers and is
// chosen for the shortest step.
int virtualStagesFor(const Parallelism &p, const Shares &s, units::Seconds work,
                     units::Seconds send) {
    int virtualStages = 1;
    if (const int most = maxVirtualStages(p, s); most > 1) {
        units::Seconds best = units::seconds(0);
        for (int v = 1; v <= most; ++v) {
            if (s.stageLayers % v != 0)
                continue;
            const units::Seconds perMicrobatch = work + double(v) * send;
            const units::Seconds pipeline =
                double(s.microbatches) * perMicrobatch + (p.pp - 1.0) / v * perMicrobatch;
            if (v == 1 || pipeline < best) {
                best = pipeline;
                virtualStages = v;
            }
        }
    }
    return virtualStages;
}

// The weights each chip trains (LoRA: the adapters alone), by how they shard.
struct Trainable {
    double dense = 0;
    double expert = 0;
};

Trainable trainableOf(const Setup &u, const Shares &s) {
    return u.lora ? Trainable{s.loraChip, 0} : Trainable{s.denseChip, s.expertChip};
}

// Data parallelism: ZeRO-3 gathers the weights for every micro-batch's forward and backward
// and reduce-scatters the gradients, prefetched behind the compute; ZeRO 0-2 reduce the
// gradients once per step.
units::Seconds dataParallelTime(const Setup &u, const Parallelism &p, const Shares &s,
                                const Trainable &trainable, units::Seconds compute,
                                units::Seconds microbatch) {
    const double gradientCommBytes = fullPrecision(u.precision) ? 4 : 2;
    const units::Bytes denseBytes = units::bytes(trainable.dense * gradientCommBytes);
    const units::Bytes expertBytes = units::bytes(trainable.expert * gradientCommBytes);
    const int expertStride = p.tp * p.ep;
    if (p.zero >= 3) {
        const units::Seconds perMicrobatch =
            2.0 * groupCollective(u, Collective::allGather, denseBytes, s.denseGroup, p.tp) +
            groupCollective(u, Collective::reduceScatter, denseBytes, s.denseGroup, p.tp) +
            2.0 * groupCollective(u, Collective::allGather, expertBytes, s.expertGroup,
                                  expertStride) +
            groupCollective(u, Collective::reduceScatter, expertBytes, s.expertGroup, expertStride);
        const units::Seconds hidden = exposed(perMicrobatch, compute, u.efficiency.overlap);
        return double(s.microbatches) * hidden;
    }
    // Gradients reduced (ZeRO 1-2: reduce-scattered, then the updated weights gathered, the
    // same volume) while the last micro-batch's backward still runs; the last bucket after it.
    const units::Seconds traffic =
        groupCollective(u, Collective::allReduce, denseBytes, s.denseGroup, p.tp) +
        groupCollective(u, Collective::allReduce, expertBytes, s.expertGroup, expertStride);
    if (traffic.value() <= 0)
        return traffic;
    const units::Bytes lastBucket =
        units::bytes(std::min(kGradientBucketBytes, denseBytes.value() + expertBytes.value()));
    const units::Seconds tail =
        groupCollective(u, Collective::allReduce, lastBucket, s.denseGroup, p.tp);
    const units::Seconds streamed = std::max(units::seconds(0), traffic - tail);
    return exposed(streamed, kBackwardShare * microbatch, u.efficiency.overlap) + tail;
}

// The optimizer step: reads and writes the state of the weights the chip owns.
units::Seconds optimizerTime(const Setup &u, const Parallelism &p, const Shares &s,
                             const Trainable &trainable) {
    const double owned =
        (trainable.dense + trainable.expert) / (p.zero >= 1 ? double(s.denseGroup) : 1.0);
    const double traffic = u.optimizer == Optimizer::adamw ? kAdamTraffic : kSgdTraffic;
    return units::bytes(owned * traffic) / (u.memoryBandwidth * u.efficiency.memory);
}

} // namespace

MemoryBreakdown memoryPerChip(const Setup &setup, const Parallelism &layout, RecomputeScope scope) {
    Placement placement;
    return memoryOf(setup, layout, sharesOf(setup, layout), scope, placement);
}

StepTimeEstimate estimateStepTime(const Setup &u, const Parallelism &p, RecomputeScope scope) {
    StepTimeEstimate out;
    if (!validLayout(u, p))
        return out;
    out.valid = true;
    const Shares s = sharesOf(u, p);
    out.microbatches = s.microbatches;
    Placement placement;
    out.memory = memoryOf(u, p, s, scope, placement);
    out.fits = u.memoryCapacity.value() <= 0 || out.memory.total() <= u.memoryCapacity;

    // One micro-batch on one chip, with the communication that runs inside it.
    const double recomputed = placement.recomputeShare;
    const ChipWork chip = chipWorkOf(u, p, s, recomputed);
    const units::Seconds tensor = tensorParallelTime(u, p, s, recomputed, chip.compute);
    const units::Seconds context = contextParallelTime(u, p, s, chip.attention);
    const units::Seconds expert = expertParallelTime(u, p, s, recomputed);
    const units::Seconds offload = hostOffloadTime(u, placement, chip.compute);
    const units::Seconds work =
        chip.compute + chip.memoryBound + chip.overhead + tensor + context + expert + offload;
    const units::Seconds send = stageSendTime(u, p, s);
    const int virtualStages = virtualStagesFor(p, s, work, send);
    const units::Seconds transfer = double(virtualStages) * send;
    const units::Seconds microbatch = work + transfer;
    const Trainable trainable = trainableOf(u, s);

    StepTimeParts &parts = out.parts;
    const double microbatches = s.microbatches;
    parts.compute = microbatches * chip.compute;
    parts.memoryBound = microbatches * chip.memoryBound;
    parts.hostOffload = microbatches * offload;
    parts.overhead = microbatches * chip.overhead + u.efficiency.stepOverhead;
    parts.tensorParallel = microbatches * tensor;
    parts.contextParallel = microbatches * context;
    parts.expertParallel = microbatches * expert;
    parts.pipelineTransfer = microbatches * transfer;
    parts.pipelineBubble = (p.pp - 1.0) / virtualStages * microbatch;
    parts.dataParallel = dataParallelTime(u, p, s, trainable, chip.compute, microbatch);
    parts.optimizer = optimizerTime(u, p, s, trainable);
    out.stepTime = parts.total();
    return out;
}

} // namespace accelplan::training
