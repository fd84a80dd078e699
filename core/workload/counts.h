// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a model's shape implies: parameter counts, FLOPs per token or sample, and KV-cache
// bytes. Pure functions of the shape, cheap enough to call in the inner loop of a search.
//
// Conventions (the ones published MFU figures use, so that ours compare with theirs):
// - Training FLOPs per token are 6 x the active weights that take part in a matrix multiply
//   (forward 2, backward 4; the input embedding is a lookup, the output projection is a
//   matmul) plus attention's quadratic part, 6 x layers x seq x heads x (QK + V head width),
//   counted over the full sequence (no causal halving) as PaLM (arXiv 2204.02311, appendix B) and
//   Megatron-LM (arXiv 2104.04473, section 5.1) do. No recompute: that is hardware FLOPs, not model
//   FLOPs.
// - A mixture of experts counts the experts each token is routed to plus the shared ones.

#include "hardware/precision.h"
#include "units/quantities.h"
#include "workload/model.h"

namespace accelplan {

// A transformer's weights by where they sit, so that the training and inference models can
// shard each part the way a framework does (attention and FFN by tensor parallelism, experts
// by expert parallelism, layers by pipeline stage).
struct TransformerCounts {
    double attentionPerLayer = 0; // projections and norms of one attention block
    double denseFfnPerLayer = 0;  // one dense FFN block with its norm
    double expertFfn = 0;         // one routed or shared expert
    double routerPerLayer = 0;    // gate of one MoE layer
    int denseLayers = 0;          // layers with a dense FFN
    int moeLayers = 0;            // layers with a mixture of experts
    int experts = 0;              // routed experts per MoE layer
    int expertsPerToken = 0;      // routed experts each token uses
    int sharedExperts = 0;        // experts every token uses
    double embedding = 0;         // token and position tables (looked up, not multiplied)
    double head = 0;              // output projection stored apart (0 when tied or encoder)
    double headMatmul = 0;        // weights the output projection multiplies by, per token
    double finalNorm = 0;

    // Expert weights of one MoE layer (routed and shared, no router).
    double moeLayerExperts() const { return (experts + sharedExperts) * expertFfn; }
    double total() const;
    double active() const;
    // Active weights one token multiplies by (no embedding lookup, the output projection in).
    double matmulActive() const;
};

TransformerCounts countParameters(const TransformerShape &s);

// Per-head widths: the query/key width (MLA adds the rotary part) and the value width.
int headDim(const TransformerShape &s);
int queryKeyHeadDim(const TransformerShape &s);

// Every weight of the model (for a generic network: its parameters, embeddings excluded).
double parameterCount(const Workload &w);
// Weights one token (or sample) uses: MoE counts only routed and shared experts.
double activeParameterCount(const Workload &w);

// Forward FLOPs of attention's score and value products for one token attending to
// `contextLen` tokens, over all layers.
units::Flops attentionForwardFlopsPerToken(const TransformerShape &s, int contextLen);
// Forward FLOPs for one token that attends to `contextLen` tokens: 2 x matmul weights plus
// the attention part. For decode, contextLen is the tokens in the cache; for a prefill of n
// tokens with a causal mask the mean is about n / 2.
units::Flops forwardFlopsPerToken(const TransformerShape &s, int contextLen);
// Model FLOPs to train on one token of a `seqLen` sequence (see the conventions above).
units::Flops trainingFlopsPerToken(const TransformerShape &s, int seqLen);

// Generic networks: training is forward plus a backward of twice its work.
units::Flops trainingFlopsPerSample(const GenericShape &g);
// Work to serve one sample (one forward pass unless the shape says otherwise).
units::Flops inferenceFlopsPerSample(const GenericShape &g);

// KV-cache bytes one token adds, over all layers: 2 x kv heads x head width for ordinary and
// grouped-query attention, the compressed latent plus the rotary key for MLA. Encoder-only
// models keep no cache (0).
units::Bytes kvCacheBytesPerToken(const TransformerShape &s, Precision p);

} // namespace accelplan
