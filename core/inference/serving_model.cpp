// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/serving_model.h"

#include "hardware/serving_runtime.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

namespace accelplan {
namespace {

// Four-bit formats: 4 bits plus a 16-bit scale per 32 values (or an 8-bit one per 16).
constexpr double kFourBitBytesPerWeight = 4.5 / 8.0;

// Wider formats to fall back to, nearest first, when a chip lacks the stored one.
std::span<const Precision> widerFormats(Precision p) {
    static constexpr std::array kFromFour{Precision::int8, Precision::fp8, Precision::bf16,
                                          Precision::fp16, Precision::fp32};
    static constexpr std::array kFromEight{Precision::bf16, Precision::fp16, Precision::fp32};
    static constexpr std::array kFromBf16{Precision::fp16, Precision::fp32};
    static constexpr std::array kFromFp16{Precision::bf16, Precision::fp32};
    static constexpr std::array kFromFp32{Precision::tf32, Precision::bf16, Precision::fp16};
    switch (p) {
    case Precision::fp4:
    case Precision::int4: return kFromFour;
    case Precision::fp8:
    case Precision::int8: return kFromEight;
    case Precision::bf16: return kFromBf16;
    case Precision::fp16: return kFromFp16;
    case Precision::fp32:
    case Precision::tf32:
    case Precision::fp64: return kFromFp32;
    }
    return {};
}

} // namespace

double servingBytesPerWeight(Precision p) {
    if (p == Precision::fp4 || p == Precision::int4)
        return kFourBitBytesPerWeight;
    return bytesPerElement(p);
}

Precision servingKvPrecision(const InferenceSettings &settings) {
    return settings.kvPrecision.value_or(
        bytesPerElement(settings.precision) < 1 ? Precision::fp8 : settings.precision);
}

std::optional<Precision> servingComputePrecision(const Chip &chip, Precision weights) {
    if (chip.peakAt(weights))
        return weights;
    for (Precision wider : widerFormats(weights)) {
        if (chip.peakAt(wider))
            return wider;
    }
    return std::nullopt;
}

double ServingModel::tokensPerStep() const {
    if (draftTokens <= 0)
        return 1;
    if (acceptance >= 1)
        return 1.0 + draftTokens;
    return (1 - std::pow(acceptance, draftTokens + 1)) / (1 - acceptance);
}

double ServingModel::draftShare() const {
    const double all = shape.counts.matmulActive();
    if (all <= 0 || shape.layers <= 0)
        return 0;
    const double head = shape.headParams();
    return std::min(1.0, ((all - head) / shape.layers + head) / all);
}

units::Bytes ServingModel::weightBytesTotal() const {
    const double tables = shape.tableParams();
    return units::bytes((shape.counts.total() - tables) * weightBytes + tables * tableBytes);
}

bool hasServingRuntime(const Workload &workload) {
    const GenericShape *generic = workload.generic();
    return !generic || generic->speech;
}

std::string servingRuntimeOf(const InferenceSettings &settings, const Chip &chip) {
    return settings.runtime.value_or(std::string(usualServingRuntime(softwareStackOf(chip))));
}

ServingModelOrProblem makeServingModel(const TransformerShape &shape,
                                       const InferenceSettings &settings, const Chip &chip) {
    if (auto problem = settings.mathPrecisionProblem())
        return *problem;
    const auto compute = servingComputePrecision(chip, settings.mathPrecision());
    if (!compute)
        return "no compute rate for " + std::string(toString(settings.mathPrecision())) +
               " or a wider format on " + chip.id;
    if (!chip.memory || !chip.memoryBandwidth)
        return chip.id + " has no memory size or bandwidth in the catalog";
    ServingModel m;
    m.shape = servingShapeOf(shape);
    m.weightPrecision = settings.precision;
    m.computePrecision = *compute;
    m.weightBytes = servingBytesPerWeight(settings.precision);
    m.tableBytes = std::max(m.weightBytes, 2.0);
    m.kvPrecision = servingKvPrecision(settings);
    m.kvBytesPerToken = kvCacheBytesPerToken(shape, m.kvPrecision);
    m.activationBytes = std::max(2.0, std::min(4.0, bytesPerElement(*compute)));
    m.inputTokens = std::max(0, settings.inputTokens);
    m.outputTokens = shape.encoderOnly ? 0 : std::max(0, settings.outputTokens);
    m.beams = shape.encoderOnly ? 1 : std::clamp(settings.beams.value_or(1), 1, kMaxBeams);
    if (settings.speculative && !shape.encoderOnly) {
        m.draftTokens = std::max(0, settings.speculative->draftTokens);
        m.acceptance = std::clamp(settings.speculative->acceptance, 0.0, 1.0);
    }
    m.peak = *chip.peakAt(*compute);
    m.memoryBandwidth = *chip.memoryBandwidth;
    m.memory = *chip.memory;
    m.efficiency = inferenceEfficiency(chip, *compute, servingRuntimeOf(settings, chip));
    m.network = comm::networkOf(chip);
    m.chip = &chip;
    return m;
}

} // namespace accelplan
