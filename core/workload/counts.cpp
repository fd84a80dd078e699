// SPDX-License-Identifier: GPL-3.0-or-later
#include "workload/counts.h"

#include <algorithm>

namespace accelplan {

namespace {

int ffnMatrices(const TransformerShape &s) { return s.gatedFfn ? 3 : 2; }

double attentionWeights(const TransformerShape &s) {
    const double h = s.hidden;
    const double heads = s.heads;
    const double d = headDim(s);
    const double norm = h;
    if (s.kvLoraRank > 0) {
        // Multi-head latent attention (DeepSeek-V2/V3): queries through an optional low-rank
        // bottleneck, keys and values from one compressed latent plus a shared rotary key.
        const double qk = queryKeyHeadDim(s);
        const double query = s.qLoraRank > 0
                                 ? h * s.qLoraRank + s.qLoraRank + s.qLoraRank * heads * qk
                                 : h * heads * qk;
        const double kvDown = h * (s.kvLoraRank + s.ropeHeadDim) + s.kvLoraRank;
        const double kvUp = double(s.kvLoraRank) * heads * (d + d);
        const double out = heads * d * h;
        return query + kvDown + kvUp + out + norm;
    }
    const double kvHeads = s.kvHeads > 0 ? s.kvHeads : s.heads;
    return h * heads * d + 2 * h * kvHeads * d + heads * d * h + norm;
}

} // namespace

int headDim(const TransformerShape &s) {
    if (s.headDim > 0)
        return s.headDim;
    return s.heads > 0 ? s.hidden / s.heads : 0;
}

int queryKeyHeadDim(const TransformerShape &s) {
    return headDim(s) + (s.kvLoraRank > 0 ? s.ropeHeadDim : 0);
}

double TransformerCounts::total() const {
    return (attentionPerLayer) * (denseLayers + moeLayers) + denseFfnPerLayer * denseLayers +
           (moeLayerExperts() + routerPerLayer) * moeLayers + embedding + head + finalNorm;
}

double TransformerCounts::active() const {
    const double moeActive = (expertsPerToken + sharedExperts) * expertFfn + routerPerLayer;
    return attentionPerLayer * (denseLayers + moeLayers) + denseFfnPerLayer * denseLayers +
           moeActive * moeLayers + embedding + head + finalNorm;
}

double TransformerCounts::matmulActive() const {
    const double moeActive = (expertsPerToken + sharedExperts) * expertFfn + routerPerLayer;
    return attentionPerLayer * (denseLayers + moeLayers) + denseFfnPerLayer * denseLayers +
           moeActive * moeLayers + headMatmul;
}

TransformerCounts countParameters(const TransformerShape &s) {
    TransformerCounts c;
    const double h = s.hidden;
    c.attentionPerLayer = attentionWeights(s);
    c.denseFfnPerLayer = ffnMatrices(s) * h * s.ffnHidden + h;
    if (s.experts > 0) {
        const int expertWidth = s.moeFfnHidden > 0 ? s.moeFfnHidden : s.ffnHidden;
        c.expertFfn = ffnMatrices(s) * h * expertWidth;
        c.routerPerLayer = h * s.experts + h; // gate and the FFN's norm
        c.denseLayers = std::min(s.denseLayers, s.layers);
        c.moeLayers = s.layers - c.denseLayers;
        c.experts = s.experts;
        c.expertsPerToken = s.expertsPerToken;
        c.sharedExperts = s.sharedExperts;
    } else {
        c.denseLayers = s.layers;
    }
    c.embedding = h * (double(s.vocab) + s.positionEmbeddings);
    // An encoder's masked-LM head runs on the masked ~15 % of tokens only and shares the
    // token table; its work is left out of the per-token FLOPs.
    const bool separateHead = !s.tiedEmbeddings && !s.encoderOnly;
    c.head = separateHead ? h * s.vocab : 0;
    c.headMatmul = s.encoderOnly ? 0 : h * s.vocab;
    c.finalNorm = h;
    return c;
}

double parameterCount(const Workload &w) {
    if (const auto *t = w.transformer())
        return countParameters(*t).total();
    return std::get<GenericShape>(w.shape).params;
}

double activeParameterCount(const Workload &w) {
    if (const auto *t = w.transformer())
        return countParameters(*t).active();
    return std::get<GenericShape>(w.shape).params;
}

units::Flops attentionForwardFlopsPerToken(const TransformerShape &s, int contextLen) {
    const double widths = double(queryKeyHeadDim(s)) + headDim(s);
    return units::flops(2.0 * s.layers * double(contextLen) * s.heads * widths);
}

units::Flops forwardFlopsPerToken(const TransformerShape &s, int contextLen) {
    return units::flops(2.0 * countParameters(s).matmulActive()) +
           attentionForwardFlopsPerToken(s, contextLen);
}

units::Flops trainingFlopsPerToken(const TransformerShape &s, int seqLen) {
    return 3.0 * forwardFlopsPerToken(s, seqLen);
}

// A speech model trains on a window and its transcript: about half of Whisper's 448 text
// positions (estimate).
constexpr double kSpeechTrainingTokens = 224;

units::Flops trainingFlopsPerSample(const GenericShape &g) {
    units::Flops forward = g.forwardFlopsPerSample;
    if (g.speech)
        forward = forward + kSpeechTrainingTokens * g.speech->flopsPerToken;
    return 3.0 * forward;
}

units::Flops inferenceFlopsPerSample(const GenericShape &g) {
    return g.inferenceFlopsPerSample.value() > 0 ? g.inferenceFlopsPerSample
                                                 : g.forwardFlopsPerSample;
}

units::Bytes kvCacheBytesPerToken(const TransformerShape &s, Precision p) {
    if (s.encoderOnly)
        return units::bytes(0);
    const double perLayer = s.kvLoraRank > 0
                                ? double(s.kvLoraRank) + s.ropeHeadDim
                                : 2.0 * (s.kvHeads > 0 ? s.kvHeads : s.heads) * headDim(s);
    return units::bytes(perLayer * s.layers * bytesPerElement(p));
}

} // namespace accelplan
