// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What is trained or served: a transformer described by its shape, or any other network
// described by its totals. Parameter and FLOP counts are derived in workload/ (see counts.h).

#include "units/quantities.h"

#include <optional>
#include <string>
#include <variant>

namespace accelplan {

struct TransformerShape {
    int layers = 0;
    int hidden = 0;
    int heads = 0;
    int kvHeads = 0; // grouped-query attention; == heads for multi-head attention
    int headDim = 0; // 0: hidden / heads
    int ffnHidden = 0;
    int vocab = 0;
    bool gatedFfn = false; // SwiGLU-style FFN with three matrices
    bool encoderOnly = false;
    bool tiedEmbeddings = false;
    // Mixture of experts (experts == 0: dense).
    int experts = 0;
    int expertsPerToken = 0;
    int moeFfnHidden = 0;
    int sharedExperts = 0;
    int denseLayers = 0; // leading layers that stay dense
    // Multi-head latent attention (DeepSeek): a compressed KV cache of this many values per
    // token and layer; 0 for ordinary attention.
    int kvLoraRank = 0;
    int qLoraRank = 0;
    int ropeHeadDim = 0;
    // Learned absolute position embeddings (GPT-3, BERT): rows in the table; 0 for rotary.
    int positionEmbeddings = 0;
    bool operator==(const TransformerShape &) const = default;
};

// The text half of a speech encoder-decoder (Whisper): the encoder reads the audio in fixed
// windows (one forward pass of the network each), the decoder then writes the text a token at
// a time, reading its own weights and the encoder's keys and values for every token.
struct SpeechDecoder {
    double windowSeconds = 30; // audio one encoder pass reads; shorter audio is padded
    int layers = 0;            // decoder blocks, each a few kernels per token
    double params = 0;         // decoder weights (part of GenericShape::params)
    units::Flops flopsPerToken = units::flops(0); // decoder work for one output token
    double crossValuesPerWindow = 0;              // encoder keys and values the decoder attends to
    double framesPerWindow = 1500; // encoder positions of one window (keys per layer)
    bool operator==(const SpeechDecoder &) const = default;
};

struct GenericShape {
    double params = 0;
    units::Flops forwardFlopsPerSample = units::flops(0);
    units::Bytes activationBytesPerSample = units::bytes(0);
    units::Bytes embeddingBytes = units::bytes(0);
    // Work to produce one served sample when it differs from one forward pass (a diffusion
    // model runs its denoiser once per step and twice with guidance); 0: one forward pass.
    units::Flops inferenceFlopsPerSample = units::flops(0);
    // Speech models: forwardFlopsPerSample is one encoder window, the decoder is apart.
    std::optional<SpeechDecoder> speech = std::nullopt;
    bool operator==(const GenericShape &) const = default;
};

struct Workload {
    std::string presetId; // empty for a custom shape
    std::string displayName;
    std::variant<TransformerShape, GenericShape> shape;

    bool isTransformer() const { return std::holds_alternative<TransformerShape>(shape); }
    const TransformerShape *transformer() const { return std::get_if<TransformerShape>(&shape); }
    const GenericShape *generic() const { return std::get_if<GenericShape>(&shape); }
    bool operator==(const Workload &) const = default;
};

} // namespace accelplan
