// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One transformer served on one kind of chip at one precision: the shape, the bytes per
// stored value, the rates the chip reaches, and the request lengths. Built once per
// candidate; the layout and batch searches then only evaluate formulas over it.

#include "comm/collectives.h"
#include "efficiency/inference_efficiency.h"
#include "hardware/chip.h"
#include "hardware/precision.h"
#include "inference/serving_shape.h"
#include "scenario/scenario.h"
#include "units/quantities.h"

#include <optional>
#include <string>
#include <variant>

namespace accelplan {

// Bytes one stored value takes at a serving precision. Four-bit formats carry a scale per
// small group (NVFP4: one fp8 scale per 16 values; GGML Q4_0 and GPTQ/AWQ with group 32: one
// 16-bit scale per 32), about 4.5 bits a weight.
double servingBytesPerWeight(Precision p);

// The KV cache's format: the scenario's `kv_precision`, else the contract's default, the
// serving precision but at least 8 bits.
Precision servingKvPrecision(const InferenceSettings &settings);

// The precision a chip does the matrix work in when it serves weights stored at `weights`:
// natively when it can, else the nearest wider format it computes (weight-only quantization,
// the weights widened on the fly). Empty when the chip has no usable rate at all.
std::optional<Precision> servingComputePrecision(const Chip &chip, Precision weights);

struct ServingModel {
    ServingShape shape;
    Precision weightPrecision = Precision::bf16;
    Precision computePrecision = Precision::bf16;
    double weightBytes = 2; // per parameter of the layers
    double tableBytes = 2;  // per parameter of the embedding and output head (kept 16-bit)
    Precision kvPrecision = Precision::bf16;
    double activationBytes = 2; // per activation value exchanged between chips
    double inputTokens = 0;
    double outputTokens = 0;
    // Sequences each request decodes side by side (beam search; 1: greedy). The prompt is
    // prefilled once; every decode step runs all of them, each with its own KV cache.
    int beams = 1;
    // Speculative decoding: drafts proposed per step (0: none) and the chance each is kept.
    int draftTokens = 0;
    double acceptance = 0;
    units::FlopsPerSecond peak = units::flopsPerSecond(0); // dense, at computePrecision
    units::BytesPerSecond memoryBandwidth = units::bytesPerSecond(0);
    units::Bytes memory = units::bytes(0);
    InferenceEfficiency efficiency;
    comm::Network network; // the chip's links with achievable bandwidths
    const Chip *chip = nullptr;

    // Mean context a decoding token attends to: the prompt plus half the answer.
    double meanDecodeContext() const { return inputTokens + outputTokens / 2; }
    // Tokens a sequence gains per decode step: the checked token and the expected accepted
    // drafts, 1 + a + ... + a^k = (1 - a^(k+1)) / (1 - a) (Leviathan et al., 2023).
    double tokensPerStep() const;
    // One draft pass as a share of a full pass of the model: a draft that is one layer and
    // the output head, as multi-token prediction modules and EAGLE heads are.
    double draftShare() const;
    units::Bytes weightBytesTotal() const;
    units::Bytes kvBytesPerToken = units::bytes(0); // all layers
};

// A model, or the reason it cannot be built (in words, for `problems`).
using ServingModelOrProblem = std::variant<ServingModel, std::string>;

// Whether a serving runtime schedules the model's passes: transformers and speech decoders do;
// other networks run one batch at a time and have none.
bool hasServingRuntime(const Workload &workload);

// The serving runtime's id: the scenario's `inference.runtime`, else the usual one for the
// chip's software stack (hardware/serving_runtime.h).
std::string servingRuntimeOf(const InferenceSettings &settings, const Chip &chip);

// `settings.beams` is taken as given (1 when empty): callers that know the workload fill it
// in first (inference/decoding.h, withDecoding).
ServingModelOrProblem makeServingModel(const TransformerShape &shape,
                                       const InferenceSettings &settings, const Chip &chip);

} // namespace accelplan
