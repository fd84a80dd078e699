// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything one layout evaluation needs, worked out once per workload, training settings,
// chip and chip count, so that evaluating a layout is a handful of arithmetic operations (the
// search evaluates thousands of them per keystroke).

#include "comm/collectives.h"
#include "efficiency/training_efficiency.h"
#include "hardware/chip.h"
#include "scenario/scenario.h"
#include "workload/model.h"

#include <optional>
#include <string>

namespace accelplan::training {

struct Setup {
    // --- The work ---------------------------------------------------------------------------
    bool transformer = true;
    int layers = 1; // transformer layers; 1 for a generic network
    int hidden = 1;
    int heads = 1;
    int kvHeads = 1;
    int moeLayers = 0;
    int experts = 0;
    int expertsPerToken = 0;
    int seqLen = 1; // tokens per sequence (1: a generic network's sample)
    int globalBatch = 1;
    double work = 0; // tokens (generic: samples) to train on, epochs included
    Precision precision = Precision::bf16;
    Optimizer optimizer = Optimizer::adamw;
    bool lora = false;

    // FLOPs per token (generic: per sample), whole model, forward and backward.
    units::Flops modelFlops = units::flops(0); // the MFU convention (workload/counts.h)
    units::Flops matmulFlops =
        units::flops(0); // weight products at the training precision, as executed
    // The routed experts' part of matmulFlops (and of recomputeMatmulFlops): grouped products
    // whose rows are only the tokens routed to each expert.
    units::Flops expertMatmulFlops = units::flops(0);
    units::Flops recomputeExpertMatmulFlops = units::flops(0);
    units::Flops attentionFlops =
        units::flops(0); // score and value products (16-bit), causal mask applied
    units::Flops headFlops = units::flops(0); // output projection (16-bit)
    // Extra work of recompute: full recompute runs both again, selective only attention's core.
    units::Flops recomputeMatmulFlops = units::flops(0);
    units::Flops recomputeAttentionFlops = units::flops(0);
    // Bytes element-wise kernels move per token, forward and backward.
    units::Bytes elementwiseBytes = units::bytes(0);
    // Activation bytes kept per token for backward, summed over layers, per policy.
    units::Bytes activationBytesNone = units::bytes(0);
    units::Bytes activationBytesSelective = units::bytes(0);
    units::Bytes activationBytesFull = units::bytes(0); // layer inputs only
    units::Bytes workingLayerBytes =
        units::bytes(0);                        // one layer's full set, live during its recompute
    units::Bytes logitsBytes = units::bytes(0); // output logits and their gradient

    // Weights by how they shard.
    double layerParams = 0;  // attention, dense FFN, router, shared experts (all layers)
    double expertParams = 0; // routed experts (all layers)
    double embeddingParams = 0;
    double headParams = 0;
    double loraParams = 0; // adapters (LoRA only)
    units::Bytes embeddingTableBytes =
        units::bytes(0); // sparse tables of a generic network, sharded over all

    // Per-token sizes of the traffic of each parallel dimension.
    units::Bytes tensorBytes = units::bytes(0); // one activation tensor (hidden x 2 bytes)
    units::Bytes kvBytes = units::bytes(0);     // keys and values of one token and layer (16-bit)
    units::Bytes expertBytes =
        units::bytes(0); // one token's dispatch to its experts (experts-per-token x hidden)
    units::Bytes pipelineBytes = units::bytes(0); // one token's activation between stages

    // --- The chip ---------------------------------------------------------------------------
    units::FlopsPerSecond peak = units::flopsPerSecond(0); // dense FLOP/s at the training precision
    units::FlopsPerSecond attentionPeak =
        units::flopsPerSecond(0); // dense FLOP/s of the 16-bit (or training-precision) products
    units::BytesPerSecond memoryBandwidth = units::bytesPerSecond(0);
    units::Bytes memoryCapacity = units::bytes(0); // 0: unknown, not checked
    comm::Network network;
    int count = 1;
    TrainingEfficiency efficiency;
    double attentionMatmul = 0.5; // efficiency of the 16-bit products
};

// The setup for training `workload` as `settings` say on `count` chips of `chip`, or the reason
// it cannot be built (an unsupported precision, a missing rate in the catalog), in words.
struct SetupOrProblem {
    std::optional<Setup> setup;
    std::string problem;
};
SetupOrProblem makeSetup(const Workload &workload, const TrainingSettings &settings,
                         const Chip &chip, int count);

} // namespace accelplan::training
