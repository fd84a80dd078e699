// SPDX-License-Identifier: GPL-3.0-or-later
#include "efficiency/inference_efficiency.h"

#include "efficiency/efficiency_data.h"
#include "hardware/serving_runtime.h"

namespace accelplan {
namespace {

// The 16-bit rate a chip has (bf16, else fp16), to measure a narrower format's gain against.
std::optional<units::FlopsPerSecond> sixteenBitPeak(const Chip &chip) {
    if (auto p = chip.peakAt(Precision::bf16))
        return p;
    return chip.peakAt(Precision::fp16);
}

// The 8-bit rate a chip has (fp8, else int8), between the 16-bit and the 4-bit ones.
std::optional<units::FlopsPerSecond> eightBitPeak(const Chip &chip) {
    if (auto p = chip.peakAt(Precision::fp8))
        return p;
    return chip.peakAt(Precision::int8);
}

} // namespace

ServerLoad serverLoad() {
    const EfficiencyData &data = efficiencyData();
    return {data.global("inference", "server_ttft_tail"),
            data.global("inference", "server_tpot_tail"),
            data.global("inference", "server_utilisation")};
}

double inferenceUncertainty(const Chip &chip) {
    const EfficiencyData &data = efficiencyData();
    if (const auto v = data.find("inference", stackKey(chip), "uncertainty"))
        return *v;
    if (const auto v = data.find("inference", "stack:other", "uncertainty"))
        return *v;
    return data.global("inference", "uncertainty");
}

int maxSequencesPerReplica(const Chip &) {
    return int(efficiencyData().global("inference", "max_sequences_per_replica"));
}

InferenceEfficiency inferenceEfficiency(const Chip &chip, Precision compute,
                                        std::string_view runtime) {
    const EfficiencyData &data = efficiencyData();
    const std::string stack = stackKey(chip);
    const std::string served = runtimeKey(runtime);
    // The runtime's row where it has the parameter, else the stack's; a stack the table has no
    // row for: the unknown stack's.
    const auto value = [&](std::string_view parameter) {
        if (const auto v = data.find("inference", served, parameter))
            return *v;
        if (const auto v = data.find("inference", stack, parameter))
            return *v;
        if (const auto v = data.find("inference", "stack:other", parameter))
            return *v;
        return data.global("inference", parameter);
    };
    // A narrower format's peak is r times the next wider one's; serving realises a share of
    // that gain, step by step (16 to 8 bits, 8 to 4 bits).
    double narrow = 1.0;
    const auto peak = chip.peakAt(compute);
    const auto base = sixteenBitPeak(chip);
    if (peak && base && *peak > *base) {
        const double bytes = bytesPerElement(compute);
        const auto eight = bytes < 1 ? eightBitPeak(chip) : peak;
        const double r8 = eight ? (*eight / *base).value() : 1.0;
        double realised = 1.0 + (r8 - 1.0) * data.global("inference", "eight_bit_gain_realised");
        if (bytes < 1 && eight) {
            const double r4 = (*peak / *eight).value();
            realised *= 1.0 + (r4 - 1.0) * data.global("inference", "four_bit_gain_realised");
        }
        narrow = realised / (*peak / *base).value();
    }
    InferenceEfficiency e;
    e.prefillCompute = value("prefill_compute") * narrow;
    e.decodeCompute = value("decode_compute") * narrow;
    e.memoryBandwidth = value("memory_bandwidth");
    e.prefillAttention = value("prefill_attention");
    e.stepOverhead = units::seconds(value("step_overhead_us") * 1e-6);
    e.sequenceOverhead = units::seconds(value("sequence_overhead_us") * 1e-6);
    e.layerOverhead = units::seconds(value("layer_overhead_us") * 1e-6);
    e.usableMemory = value("usable_memory");
    e.beamReorderCopiesKv = value("beam_reorder_copies_kv") != 0;
    e.sharesPromptAcrossBeams = value("shares_prompt_across_beams") != 0;
    e.rooflineSharpness = data.global("inference", "roofline_sharpness");
    e.pipelineImbalance = data.global("inference", "pipeline_imbalance");
    e.genericCompute = value("generic_compute") * narrow;
    e.genericOverhead = units::seconds(value("generic_overhead_us") * 1e-6);
    return e;
}

} // namespace accelplan
