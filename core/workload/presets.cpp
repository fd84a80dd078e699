// SPDX-License-Identifier: GPL-3.0-or-later
#include "workload/presets.h"

#include <array>

namespace accelplan {

namespace {

// A decoder with rotary positions and untied embeddings unless a preset says otherwise.
TransformerShape decoder(int layers, int hidden, int heads, int kvHeads, int ffnHidden, int vocab,
                         bool gated) {
    TransformerShape s;
    s.layers = layers;
    s.hidden = hidden;
    s.heads = heads;
    s.kvHeads = kvHeads;
    s.ffnHidden = ffnHidden;
    s.vocab = vocab;
    s.gatedFfn = gated;
    return s;
}

TransformerShape gpt3() {
    // "Language Models are Few-Shot Learners", arXiv 2005.14165, table 2.1: 96 layers,
    // d_model 12288, 96 heads of 128, d_ff = 4 d_model, context 2048, GPT-2's 50257-token
    // vocabulary with tied input/output embeddings and learned positions.
    TransformerShape s = decoder(96, 12288, 96, 96, 49152, 50257, false);
    s.tiedEmbeddings = true;
    s.positionEmbeddings = 2048;
    return s;
}

TransformerShape gptJ() {
    // EleutherAI GPT-J-6B config.json (huggingface.co/EleutherAI/gpt-j-6b): n_layer 28,
    // n_embd 4096, n_head 16 (head 256), n_inner 16384, vocab 50400, separate lm_head.
    // Served as MLPerf does, with beam search (kBeamDefaults below).
    TransformerShape s = decoder(28, 4096, 16, 16, 16384, 50400, false);
    s.headDim = 256;
    return s;
}

TransformerShape mixtral8x7b() {
    // mistralai/Mixtral-8x7B-v0.1 config.json: 32 layers, hidden 4096, 32 heads, 8 kv heads,
    // intermediate 14336, 8 local experts, 2 per token, vocab 32000.
    TransformerShape s = decoder(32, 4096, 32, 8, 14336, 32000, true);
    s.experts = 8;
    s.expertsPerToken = 2;
    s.moeFfnHidden = 14336;
    return s;
}

TransformerShape deepseekV3() {
    // deepseek-ai/DeepSeek-V3 config.json and arXiv 2412.19437: 61 layers, hidden 7168, 128
    // heads, MLA (q_lora_rank 1536, kv_lora_rank 512, qk_nope 128, qk_rope 64, v 128), dense
    // intermediate 18432 for the first 3 layers, then 256 routed experts (8 per token) of
    // width 2048 plus 1 shared, vocab 129280. The multi-token-prediction module (14 B of the
    // 685 B on the hub) is not part of the 671 B model.
    TransformerShape s = decoder(61, 7168, 128, 128, 18432, 129280, true);
    s.headDim = 128;
    s.qLoraRank = 1536;
    s.kvLoraRank = 512;
    s.ropeHeadDim = 64;
    s.experts = 256;
    s.expertsPerToken = 8;
    s.moeFfnHidden = 2048;
    s.sharedExperts = 1;
    s.denseLayers = 3;
    return s;
}

TransformerShape bertLarge() {
    // google-bert/bert-large-uncased config.json: 24 layers, hidden 1024, 16 heads,
    // intermediate 4096, vocab 30522, 512 learned positions; the MLM head shares the table.
    TransformerShape s = decoder(24, 1024, 16, 16, 4096, 30522, false);
    s.encoderOnly = true;
    s.tiedEmbeddings = true;
    s.positionEmbeddings = 512;
    return s;
}

GenericShape resnet50() {
    // torchvision resnet50: 25,557,032 parameters, 4.09 GMACs (8.2 GFLOPs) per 224x224 image.
    // Activations kept for backward: about 100 MB per image in mixed precision (feature maps
    // of the 53 conv/BN/ReLU stages, estimated from their shapes).
    return {25'557'032, units::flops(8.2e9), units::bytes(1.0e8), units::bytes(0)};
}

GenericShape vitL16() {
    // ViT-L/16 at 224x224 (arXiv 2010.11929, table 1; timm vit_large_patch16_224): 304 M
    // parameters, 61.6 GMACs per image; 197 tokens x 1024 wide x 24 layers, whose saved
    // activations come to about 240 MB per image in 16-bit (Korthikanti et al.,
    // arXiv 2205.05198: s h (34 + 5 a s / h) bytes per layer).
    return {3.04e8, units::flops(1.232e11), units::bytes(2.4e8), units::bytes(0)};
}

GenericShape dlrmDcnV2() {
    // MLPerf DLRM-DCNv2 reference (github.com/mlcommons/training, recommendation_v2): 26
    // embedding tables of 128-wide fp32 rows, 204,184,588 rows in all (tables capped at 40 M)
    // = 104.5 GB; dense part (bottom MLP 13-512-256-128, 3 low-rank-512 cross layers on 3456
    // inputs, top MLP 1024-1024-512-256-1) about 16 M weights, 2 FLOPs each per sample.
    // Activations are dominated by the ~214 pooled 128-wide lookups a multi-hot sample reads.
    GenericShape g{1.6e7, units::flops(3.2e7), units::bytes(1.1e5), units::bytes(1.0454e11)};
    // A served sample is MLPerf Inference's: one user's query of 100 to 700 user-item pairs,
    // 270 on average (the 20 quantiles of the reference's tools/dist_quantile.txt;
    // github.com/mlcommons/inference/issues/784).
    g.inferenceFlopsPerSample = 270.0 * g.forwardFlopsPerSample;
    return g;
}

GenericShape stableDiffusionXl() {
    // SDXL (arXiv 2307.01952): UNet 2.567 B parameters, text encoders 0.82 B, VAE 0.08 B.
    // One training sample is one UNet pass on a 128x128 latent (1024x1024 image): about
    // 6.0 TFLOPs, scaled from SD 1.x's 0.84 TFLOPs at 64x64 by SDXL's published layout
    // (estimate). Serving one image as MLPerf does: 20 denoising steps, each two UNet passes
    // (classifier-free guidance), plus the VAE decoder at 1024x1024 (~10 TFLOPs). Saved
    // activations per training image: about 6 GB in 16-bit (estimate).
    GenericShape g{3.47e9, units::flops(6.0e12), units::bytes(6.0e9), units::bytes(0)};
    g.inferenceFlopsPerSample = units::flops(20 * 2 * 6.0e12 + 1.0e13);
    return g;
}

struct Preset {
    std::string_view id;
    std::string_view name;
    TransformerShape (*transformer)();
    GenericShape (*generic)();
};

// Llama shapes from meta-llama's config.json files on the Hugging Face hub (Llama 2:
// arXiv 2307.09288; Llama 3.1: arXiv 2407.21783, table 3).
constexpr std::array kPresets{
    Preset{"llama-2-7b", "Llama 2 7B", [] { return decoder(32, 4096, 32, 32, 11008, 32000, true); },
           nullptr},
    Preset{"llama-2-13b", "Llama 2 13B",
           [] { return decoder(40, 5120, 40, 40, 13824, 32000, true); }, nullptr},
    Preset{"llama-2-70b", "Llama 2 70B",
           [] { return decoder(80, 8192, 64, 8, 28672, 32000, true); }, nullptr},
    Preset{"llama-3.1-8b", "Llama 3.1 8B",
           [] { return decoder(32, 4096, 32, 8, 14336, 128256, true); }, nullptr},
    Preset{"llama-3.1-70b", "Llama 3.1 70B",
           [] { return decoder(80, 8192, 64, 8, 28672, 128256, true); }, nullptr},
    Preset{"llama-3.1-405b", "Llama 3.1 405B",
           [] { return decoder(126, 16384, 128, 8, 53248, 128256, true); }, nullptr},
    Preset{"gpt-3-175b", "GPT-3 175B", gpt3, nullptr},
    Preset{"gpt-j-6b", "GPT-J 6B", gptJ, nullptr},
    Preset{"mixtral-8x7b", "Mixtral 8x7B", mixtral8x7b, nullptr},
    Preset{"deepseek-v3", "DeepSeek-V3", deepseekV3, nullptr},
    Preset{"bert-large", "BERT-Large", bertLarge, nullptr},
    Preset{"resnet-50", "ResNet-50", nullptr, resnet50},
    Preset{"vit-l-16", "ViT-L/16", nullptr, vitL16},
    Preset{"dlrm-dcnv2", "DLRM-DCNv2", nullptr, dlrmDcnV2},
    Preset{"stable-diffusion-xl", "Stable Diffusion XL", nullptr, stableDiffusionXl},
};

// Presets whose standard benchmark decodes with beam search; every other preset is greedy.
struct BeamDefault {
    std::string_view id;
    PresetDecoding decoding;
};
constexpr std::array kBeamDefaults{
    // MLPerf Inference's GPT-J benchmark (CNN-DailyMail summarisation) decodes with beam
    // search, 4 beams: the reference implementation calls generate() with num_beams 4,
    // max_new_tokens 128, min_new_tokens 30, early_stopping, "only beam_size 4 is allowed for
    // official submission" (github.com/mlcommons/inference, language/gpt-j/backend.py), and
    // the accuracy targets are the ROUGE scores of beam_size=4 (language/gpt-j/README.md).
    BeamDefault{"gpt-j-6b", PresetDecoding{4, "MLPerf's GPT-J benchmark"}},
};

constexpr auto kIds = [] {
    std::array<std::string_view, kPresets.size()> ids{};
    for (std::size_t i = 0; i < kPresets.size(); ++i)
        ids[i] = kPresets[i].id;
    return ids;
}();

} // namespace

std::optional<Workload> findPreset(std::string_view id) {
    for (const Preset &p : kPresets) {
        if (p.id != id)
            continue;
        Workload w;
        w.presetId = std::string(p.id);
        w.displayName = std::string(p.name);
        if (p.transformer)
            w.shape = p.transformer();
        else
            w.shape = p.generic();
        return w;
    }
    return std::nullopt;
}

std::span<const std::string_view> presetIds() { return kIds; }

PresetDecoding presetDecoding(std::string_view id) {
    for (const BeamDefault &d : kBeamDefaults)
        if (d.id == id)
            return d.decoding;
    return {};
}

} // namespace accelplan
