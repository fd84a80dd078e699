// SPDX-License-Identifier: GPL-3.0-or-later
#include "workload/presets.h"

#include <algorithm>
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

GenericShape yolov8s() {
    // Ultralytics YOLOv8 documentation (docs.ultralytics.com/models/yolov8, COCO detection
    // table): YOLOv8s at 640x640, 11.2 M parameters, 28.6 GFLOPs per image (Ultralytics
    // counts two FLOPs per multiply-add). Activations saved for backward: about 250 MB per
    // image in mixed precision (estimate from the feature maps of its 640x640 input).
    return {1.12e7, units::flops(2.86e10), units::bytes(2.5e8), units::bytes(0)};
}

GenericShape yolov8m() {
    // Same table: YOLOv8m at 640x640, 25.9 M parameters, 78.9 GFLOPs per image; saved
    // activations about 600 MB per image (estimate: 1.5x the width, 2x the depth of v8s).
    return {2.59e7, units::flops(7.89e10), units::bytes(6.0e8), units::bytes(0)};
}

GenericShape mobilenetV3Large() {
    // torchvision mobilenet_v3_large (docs.pytorch.org/vision, model table): 5,483,032
    // parameters, 0.22 G multiply-adds per 224x224 image (Howard et al., arXiv 1905.02244,
    // table 3: 219 M MAdds) = 0.44 GFLOPs. Saved activations about 40 MB per image (estimate).
    return {5'483'032, units::flops(4.4e8), units::bytes(4.0e7), units::bytes(0)};
}

GenericShape efficientNetB0() {
    // torchvision efficientnet_b0: 5,288,548 parameters, 0.39 G multiply-adds per 224x224
    // image (Tan and Le, arXiv 1905.11946, table 2: 0.39 B "FLOPS", counted as multiply-adds)
    // = 0.78 GFLOPs. Saved activations about 80 MB per image (estimate: its wide
    // depthwise stages keep more than MobileNet's).
    return {5'288'548, units::flops(7.8e8), units::bytes(8.0e7), units::bytes(0)};
}

// Whisper (Radford et al., arXiv 2212.04356): log-mel frames of a 30 s window, two
// convolutions (the second of stride 2) down to 1,500 positions, `layers` encoder blocks;
// a decoder of as many blocks with cross-attention, tied token embeddings and 448 learned
// positions. Widths from the openai/whisper-* config.json files on the Hugging Face hub.
// Counted per window: the convolutions, the encoder's blocks (projections, FFN, attention
// over 1,500 positions) and the projection of the encoder's output to each decoder block's
// keys and values, done once per window. Per output token: the decoder's self-attention
// and FFN, its cross-attention query and output, the logits, and attention over 1,500 keys.
GenericShape whisper(int layers, int width, int ffn, int vocab, int melBins,
                     double activationBytes) {
    constexpr double kMelFrames = 3000, kFrames = 1500, kTextPositions = 448;
    const double w = width, f = ffn, l = layers;
    const double encoderBlock = 4 * w * w + 2 * w * f;
    const double convolutions = 3 * melBins * w + 3 * w * w;
    const double encoderParams = l * encoderBlock + convolutions + kFrames * w;
    const double crossKeyValue = 2 * w * w; // per decoder block
    const double decoderBlock = 4 * w * w + 2 * w * w + crossKeyValue + 2 * w * f;
    const double decoderParams = l * decoderBlock + vocab * w + kTextPositions * w;
    const double convolutionFlops = 2 * 3 * melBins * w * kMelFrames + 2 * 3 * w * w * kFrames;
    const double encoderFlops = convolutionFlops +
                                l * (2 * encoderBlock * kFrames + 4 * kFrames * kFrames * w) +
                                l * 2 * crossKeyValue * kFrames;
    SpeechDecoder d;
    d.layers = layers;
    // Read for every token: all decoder weights but the cross keys' and values' projections.
    d.params = decoderParams - l * crossKeyValue;
    d.flopsPerToken = units::flops(2 * d.params + 4 * kFrames * w * l);
    d.crossValuesPerWindow = 2 * kFrames * w * l;
    d.framesPerWindow = kFrames;
    GenericShape g{encoderParams + decoderParams, units::flops(encoderFlops),
                   units::bytes(activationBytes), units::bytes(0)};
    g.speech = d;
    return g;
}

GenericShape whisperSmall() {
    // openai/whisper-small: d_model 768, 12 + 12 layers, FFN 3072, vocab 51865, 80 mel bins
    // (244 M parameters on its model card). Saved activations per 30 s window for training:
    // about 1 GB in 16-bit (estimate, as for a 1,500-token BERT-base).
    return whisper(12, 768, 3072, 51865, 80, 1.0e9);
}

GenericShape whisperLargeV3() {
    // openai/whisper-large-v3: d_model 1280, 32 + 32 layers, FFN 5120, vocab 51866, 128 mel
    // bins (1,550 M parameters on its model card); saved activations about 4 GB per window
    // (estimate).
    return whisper(32, 1280, 5120, 51866, 128, 4.0e9);
}

TransformerShape llama32(int layers, int hidden, int heads, int headDimension) {
    // meta-llama/Llama-3.2-1B and -3B config.json: 8 kv heads, intermediate 8192, vocab
    // 128256, tied input and output embeddings.
    TransformerShape s = decoder(layers, hidden, heads, 8, 8192, 128256, true);
    s.headDim = headDimension;
    s.tiedEmbeddings = true;
    return s;
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
    Preset{"llama-3.2-1b", "Llama 3.2 1B", [] { return llama32(16, 2048, 32, 64); }, nullptr},
    Preset{"llama-3.2-3b", "Llama 3.2 3B", [] { return llama32(28, 3072, 24, 128); }, nullptr},
    Preset{"yolov8s", "YOLOv8-s (640×640)", nullptr, yolov8s},
    Preset{"yolov8m", "YOLOv8-m (640×640)", nullptr, yolov8m},
    Preset{"mobilenet-v3-large", "MobileNetV3-Large", nullptr, mobilenetV3Large},
    Preset{"efficientnet-b0", "EfficientNet-B0", nullptr, efficientNetB0},
    Preset{"whisper-small", "Whisper small", nullptr, whisperSmall},
    Preset{"whisper-large-v3", "Whisper large-v3", nullptr, whisperLargeV3},
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

std::string_view sampleNoun(const Workload &workload) {
    constexpr std::array<std::string_view, 7> kVision{
        "resnet-50",       "vit-l-16",           "yolov8s", "yolov8m", "mobilenet-v3-large",
        "efficientnet-b0", "stable-diffusion-xl"};
    if (std::find(kVision.begin(), kVision.end(), workload.presetId) != kVision.end())
        return "image";
    if (const GenericShape *g = workload.generic(); g && g->speech)
        return "request";
    return "sample";
}

PresetDecoding presetDecoding(std::string_view id) {
    for (const BeamDefault &d : kBeamDefaults)
        if (d.id == id)
            return d.decoding;
    return {};
}

} // namespace accelplan
