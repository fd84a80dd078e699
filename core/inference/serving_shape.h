// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What serving needs to know about a transformer, on top of its parameter counts
// (workload/counts.h): the weights every pass streams, the experts a pass picks from, how the
// KV cache splits over tensor-parallel chips and the attention work per context position.
// Derived once from the shape; the step-time formulas then only multiply.

#include "workload/counts.h"
#include "workload/model.h"

namespace accelplan {

struct ServingShape {
    TransformerCounts counts;
    int layers = 0;
    double hidden = 0;
    // KV heads the cache splits into across tensor-parallel chips (1 for MLA: one latent).
    int kvShards = 1;
    // Attention's score and value work for one token and one context position, all layers.
    double attentionFlopsPerPosition = 0;
    bool encoderOnly = false;

    // Parameters every pass reads whatever its tokens: attention, dense FFNs, shared experts,
    // routers, norms (no routed experts, no tables).
    double alwaysReadLayerParams() const;
    // Matrix FLOPs per token without attention's context-dependent part.
    double linearFlopsPerToken() const { return 2 * counts.matmulActive(); }
    // The output projection's weights (the embedding table when tied), read every pass.
    double headParams() const { return counts.headMatmul; }
    // Lookup tables and the separate head: kept at 16 bits by quantized checkpoints.
    double tableParams() const { return counts.embedding + counts.head; }
    bool isMoe() const { return counts.experts > 0 && counts.moeLayers > 0; }
};

ServingShape servingShapeOf(const TransformerShape &shape);

// Expected number of distinct experts `tokens` tokens touch in one MoE layer, each picking
// `perToken` of `experts` (uniform routing): E · (1 − (1 − k/E)^tokens).
double expectedExpertsTouched(int experts, int perToken, double tokens);

} // namespace accelplan
