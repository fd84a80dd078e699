// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/serving_shape.h"

#include <algorithm>
#include <cmath>

namespace accelplan {

double ServingShape::alwaysReadLayerParams() const {
    const TransformerCounts &c = counts;
    return c.attentionPerLayer * (c.denseLayers + c.moeLayers) +
           c.denseFfnPerLayer * c.denseLayers +
           (c.sharedExperts * c.expertFfn + c.routerPerLayer) * c.moeLayers + c.finalNorm;
}

ServingShape servingShapeOf(const TransformerShape &s) {
    ServingShape out;
    out.counts = countParameters(s);
    out.layers = s.layers;
    out.hidden = s.hidden;
    out.kvShards = s.kvLoraRank > 0 ? 1 : std::max(1, s.kvHeads > 0 ? s.kvHeads : s.heads);
    out.attentionFlopsPerPosition = attentionForwardFlopsPerToken(s, 1).value();
    out.encoderOnly = s.encoderOnly;
    return out;
}

double expectedExpertsTouched(int experts, int perToken, double tokens) {
    if (experts <= 0)
        return 0;
    const double miss = 1.0 - double(perToken) / experts;
    return experts * (1.0 - std::pow(std::max(0.0, miss), std::max(0.0, tokens)));
}

} // namespace accelplan
