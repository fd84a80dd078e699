// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/training_setup.h"

#include "workload/counts.h"

#include <algorithm>

namespace accelplan::training {

namespace {

// Bytes of one stored activation or communicated tensor element: 16-bit in every mixed
// precision recipe (fp8 recipes keep activations and their all-reduces in bf16), 32-bit when
// training in fp32 or tf32.
double activationElementBytes(Precision p) {
    return (p == Precision::fp32 || p == Precision::tf32 || p == Precision::fp64) ? 4.0 : 2.0;
}

// Element-wise kernels per layer move about 8 hidden-wide and 3 FFN-wide tensors forward
// (norms, residual adds, rotary, the gated activation), and twice that backward.
constexpr double kElementwiseHiddenTensors = 8;
constexpr double kElementwiseFfnTensors = 3;
constexpr double kForwardAndBackward = 3;

// A causal decoder's attention kernels (flash attention and its kin) skip the masked half of
// the score matrix; model FLOPs still count all of it, as the MFU convention does.
constexpr double kDecoderCausalShare = 0.5;

// A generic network's element-wise traffic: its activations are written forward, read back
// and their gradients written and read backward.
constexpr double kGenericTrafficPerActivationByte = 3;
// With full recompute a generic network keeps about a fifth of its activations
// (checkpoints at block boundaries).
constexpr double kGenericCheckpointShare = 0.2;

// LoRA adapts the attention projections (query, key, value, output), as MLPerf's Llama 2 70B
// LoRA reference and most fine-tuning recipes do.
double loraAdapterParams(const TransformerShape &s, int rank) {
    const double h = s.hidden;
    const double q = double(s.heads) * queryKeyHeadDim(s);
    const double kv = double(s.kvHeads > 0 ? s.kvHeads : s.heads) * headDim(s);
    const double o = double(s.heads) * headDim(s);
    return double(rank) * s.layers * ((h + q) + 2 * (h + kv) + (o + h));
}

std::optional<units::FlopsPerSecond> sixteenBitPeak(const Chip &chip) {
    if (auto p = chip.peakAt(Precision::bf16))
        return p;
    return chip.peakAt(Precision::fp16);
}

void fillTransformer(Setup &u, const TransformerShape &s, const TrainingSettings &t) {
    const TransformerCounts c = countParameters(s);
    const double h = s.hidden;
    const double act = activationElementBytes(t.precision);
    const int gate = s.gatedFfn ? 2 : 1;
    const int expertWidth = s.moeFfnHidden > 0 ? s.moeFfnHidden : s.ffnHidden;
    const int routedAndShared = s.expertsPerToken + s.sharedExperts;

    u.layers = s.layers;
    u.hidden = s.hidden;
    u.heads = s.heads;
    u.kvHeads = s.kvHeads > 0 ? s.kvHeads : s.heads;
    u.moeLayers = c.moeLayers;
    u.experts = c.experts;
    u.expertsPerToken = c.expertsPerToken;
    u.seqLen = t.seqLen;

    // FLOPs.
    const double layerWeights = c.matmulActive() - c.headMatmul;
    const double causal = s.encoderOnly ? 1.0 : kDecoderCausalShare;
    const double attentionForward = attentionForwardFlopsPerToken(s, t.seqLen).value();
    // LoRA freezes the base weights: their weight gradients (a third of 6N) are not computed.
    const double weightPasses = u.lora ? 4.0 : 6.0;
    u.matmulFlops = units::flops(weightPasses * layerWeights + (u.lora ? 6.0 * u.loraParams : 0.0));
    u.headFlops = units::flops(weightPasses * c.headMatmul);
    u.attentionFlops = units::flops(3 * causal * attentionForward);
    u.modelFlops = u.matmulFlops + u.headFlops + units::flops(3 * attentionForward);
    u.recomputeAttentionFlops = units::flops(causal * attentionForward);
    u.recomputeMatmulFlops = units::flops(2 * layerWeights);
    const double routedActive = double(c.expertsPerToken) * c.expertFfn * c.moeLayers;
    u.expertMatmulFlops = units::flops(weightPasses * routedActive);
    u.recomputeExpertMatmulFlops = units::flops(2 * routedActive);

    // Element-wise traffic and stored activations, summed over dense and MoE layers.
    const double ffnDense = s.ffnHidden;
    const double ffnMoe = double(expertWidth) * routedAndShared;
    auto elementwise = [&](double ffn) {
        return kForwardAndBackward * (kElementwiseHiddenTensors * h + kElementwiseFfnTensors * ffn);
    };
    u.elementwiseBytes = units::bytes(
        act * (c.denseLayers * elementwise(ffnDense) + c.moeLayers * elementwise(ffnMoe)));

    const double q = double(s.heads) * queryKeyHeadDim(s);
    const double kv = s.kvLoraRank > 0 ? double(s.heads) * (queryKeyHeadDim(s) + headDim(s))
                                       : 2.0 * u.kvHeads * headDim(s);
    const double attnOut = double(s.heads) * headDim(s);
    // Kept for backward: each block's input and its norm's output, the projections' outputs,
    // the FFN's first product and its activation. Selective recompute drops the norm outputs
    // and the activation (cheap to redo); full recompute keeps only each layer's input.
    auto kept = [&](double ffn, bool selective) {
        const double norms = selective ? 0 : 2 * h;
        const double activation = selective ? 0 : ffn;
        return 2 * h + norms + q + kv + attnOut + gate * ffn + activation;
    };
    const double noneElems =
        c.denseLayers * kept(ffnDense, false) + c.moeLayers * kept(ffnMoe, false);
    const double selElems = c.denseLayers * kept(ffnDense, true) + c.moeLayers * kept(ffnMoe, true);
    u.activationBytesNone = units::bytes(act * noneElems);
    u.activationBytesSelective = units::bytes(act * selElems);
    u.activationBytesFull = units::bytes(act * h * s.layers);
    u.workingLayerBytes = units::bytes(act * std::max(kept(ffnDense, false), kept(ffnMoe, false)));
    // Logits in 16-bit plus their fp32 softmax and gradient.
    u.logitsBytes = units::bytes(s.encoderOnly ? 0.0 : 6.0 * s.vocab);

    // Weights.
    u.layerParams = c.attentionPerLayer * s.layers + c.denseFfnPerLayer * c.denseLayers +
                    (c.routerPerLayer + c.sharedExperts * c.expertFfn) * c.moeLayers;
    u.expertParams = double(c.experts) * c.expertFfn * c.moeLayers;
    u.embeddingParams = c.embedding;
    u.headParams = c.head;

    // Communication sizes per token.
    u.tensorBytes = units::bytes(act * h);
    u.kvBytes = units::bytes(act * 2.0 * u.kvHeads * headDim(s));
    const double dispatchBytes = bytesPerElement(t.precision) < 2 ? 1.5 : act;
    u.expertBytes = units::bytes(dispatchBytes * h * s.expertsPerToken);
    u.pipelineBytes = units::bytes(act * h);
}

void fillGeneric(Setup &u, const GenericShape &g) {
    const double forward = g.forwardFlopsPerSample.value();
    u.transformer = false;
    u.seqLen = 1;
    u.matmulFlops = units::flops(3 * forward);
    u.modelFlops = u.matmulFlops;
    u.recomputeMatmulFlops = units::flops(forward);
    const double activations = g.activationBytesPerSample.value();
    u.elementwiseBytes = units::bytes(kGenericTrafficPerActivationByte * activations);
    u.activationBytesNone = units::bytes(activations);
    u.activationBytesSelective = units::bytes(activations);
    u.activationBytesFull = units::bytes(kGenericCheckpointShare * activations);
    u.layerParams = g.params;
    u.embeddingTableBytes = g.embeddingBytes;
}

// What makes a workload impossible to train as given, in words; empty when nothing does.
std::string shapeProblem(const Workload &workload, const TrainingSettings &settings) {
    if (settings.globalBatch < 1)
        return "training.global_batch must be at least 1";
    if (const auto *t = workload.transformer()) {
        if (t->layers < 1 || t->hidden < 1 || t->heads < 1)
            return "the transformer needs at least one layer, a hidden size and a head";
        if (t->experts > 0 && (t->expertsPerToken < 1 || t->expertsPerToken > t->experts))
            return "experts_per_token must be between 1 and the number of experts";
        if (settings.seqLen < 1)
            return "training.seq_len must be at least 1";
        return {};
    }
    const auto &g = std::get<GenericShape>(workload.shape);
    if (!(g.params >= 0) || !(g.forwardFlopsPerSample.value() >= 0) ||
        !(g.activationBytesPerSample.value() >= 0) || !(g.embeddingBytes.value() >= 0))
        return "the network's parameters, FLOPs and bytes must not be negative";
    return {};
}

} // namespace

SetupOrProblem makeSetup(const Workload &workload, const TrainingSettings &settings,
                         const Chip &chip, int count) {
    SetupOrProblem out;
    out.problem = shapeProblem(workload, settings);
    if (!out.problem.empty())
        return out;
    const auto peak = chip.peakAt(settings.precision);
    if (!peak || peak->value() <= 0) {
        out.problem = std::string(toString(settings.precision)) + " is not supported by " + chip.id;
        return out;
    }
    if (!chip.memoryBandwidth || chip.memoryBandwidth->value() <= 0) {
        out.problem = "the catalog has no memory bandwidth for " + chip.id;
        return out;
    }

    Setup u;
    u.precision = settings.precision;
    u.optimizer = settings.optimizer;
    u.globalBatch = std::max(1, settings.globalBatch);
    u.count = std::max(1, count);
    const auto *transformer = workload.transformer();
    u.lora = settings.method == TrainingMethod::lora && transformer;
    if (transformer) {
        if (u.lora)
            u.loraParams = loraAdapterParams(*transformer, settings.loraRank);
        fillTransformer(u, *transformer, settings);
    } else {
        fillGeneric(u, std::get<GenericShape>(workload.shape));
    }

    const double perSample = transformer ? settings.seqLen : 1.0;
    double work = 0;
    if (settings.tokens)
        work = *settings.tokens;
    else if (settings.samples)
        work = *settings.samples * perSample;
    u.work = work * settings.epochs;

    u.peak = *peak;
    u.efficiency = trainingEfficiency(chip, settings.precision);
    const bool narrow = bytesPerElement(settings.precision) < 2;
    const auto sixteen = sixteenBitPeak(chip);
    if (narrow && sixteen) {
        u.attentionPeak = *sixteen;
        u.attentionMatmul = trainingEfficiency(chip, Precision::bf16).matmul;
    } else {
        u.attentionPeak = *peak;
        u.attentionMatmul = u.efficiency.matmul;
    }
    u.memoryBandwidth = *chip.memoryBandwidth;
    u.memoryCapacity = chip.memory.value_or(units::bytes(0));
    u.network = comm::networkOf(chip);
    out.setup = u;
    return out;
}

} // namespace accelplan::training
