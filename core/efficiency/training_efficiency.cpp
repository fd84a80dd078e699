// SPDX-License-Identifier: GPL-3.0-or-later
#include "efficiency/training_efficiency.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace accelplan {

namespace {

// Precision classes efficiency is known for: 32-bit (fp32, tf32), 16-bit, 8-bit, 4-bit.
enum class Width { w32, w16, w8, w4 };

Width widthOf(Precision p) {
    switch (p) {
    case Precision::fp64:
    case Precision::fp32:
    case Precision::tf32: return Width::w32;
    case Precision::bf16:
    case Precision::fp16: return Width::w16;
    case Precision::fp8:
    case Precision::int8: return Width::w8;
    case Precision::fp4:
    case Precision::int4: return Width::w4;
    }
    return Width::w16;
}

struct Family {
    std::string_view idPrefix;    // catalog ids starting with this
    std::array<double, 4> matmul; // by Width; 0: the next wider width's, lowered
    double attention;             // attention kernels relative to matmul
    double tensorOverlap;
    double memory;
    double layerOverheadUs;
    double overlap;
    double uncertainty;
    std::string_view source;
};

// Size effects (see TrainingEfficiency::halfWidth): a product needs about this many columns
// (rows) per PFLOP/s of the chip's peak to reach half of its large-matrix rate. Set from
// cuBLAS GEMM sweeps on A100 and H100 (NVIDIA "Matrix multiplication background" guide,
// figs. 4-6: a 4096-wide product reaches ~90 % on A100 and ~75-80 % on H100 in fp8) and
// checked against the calibration cases of small and large models on the same chip.
constexpr double kHalfWidthPerPetaflop = 250;
constexpr double kHalfRowsPerPetaflop = 100;
// Per step: optimizer launch, gradient-norm all-reduce, loss reporting, data-loader handoff.
constexpr double kStepOverhead = 1e-3;

// Per family. matmul: fraction of the dense peak reached by the training step's matrix
// products, started from the vendors' and MLPerf submitters' GEMM throughput and then set
// so that the family's calibration cases (tests/calibration/data) come out right on
// the median; the uncertainty is the spread left over. attention: FlashAttention-2 reaches
// 50-70 % of A100/H100 peak forward and less backward (Dao, arXiv 2307.08691), against
// 75-85 % for large GEMMs: about 0.6 of the GEMM rate; FlashAttention-3 on Hopper closes
// part of the gap (arXiv 2407.08608).
// clang-format off
// id prefix, matmul by width (32, 16, 8, 4 bit), attention, tensorOverlap, memory,
// layer overhead (us), overlap, uncertainty, source
constexpr std::array<Family, 24> kFamilies{{
    {"nvidia-v100", {0.35, 0.40, 0, 0}, 0.55, 0.0, 0.80, 30, 0.8, 0.30,
     "cuBLAS HGEMM ~100 of 125 TFLOP/s on V100 (DeepBench); MLPerf Training v0.7 DGX-1 ResNet-50 "
     "and BERT results"},
    {"nvidia-a100", {0.48, 0.62, 0, 0}, 0.55, 0.0, 0.85, 20, 0.85, 0.20,
     "cuBLAS BF16 GEMM ~270 of 312 TFLOP/s; Megatron-LM MFU 41-56 % (arXiv 2104.04473, "
     "2205.05198), MT-NLG (arXiv 2201.11990), BLOOM (arXiv 2211.05100)"},
    {"nvidia-h100-pcie", {0.45, 0.55, 0.45, 0}, 0.55, 0.5, 0.85, 15, 0.85, 0.25,
     "H100 PCIe at 350 W runs its tensor cores below the SXM clocks; MLPerf Training v3.1 BERT "
     "result"},
    {"nvidia-h100", {0.48, 0.62, 0.58, 0}, 0.55, 0.7, 0.85, 15, 0.85, 0.20,
     "cuBLAS BF16 GEMM ~750 of 989, FP8 ~1,300 of 1,979 TFLOP/s; Llama 3 MFU 38-43 % (arXiv "
     "2407.21783); MLPerf Training v4-v5 NVIDIA results"},
    {"nvidia-h800", {0.50, 0.66, 0.56, 0}, 0.55, 0.7, 0.85, 15, 0.85, 0.25,
     "as H100 (same die); DeepSeek-V3 report (arXiv 2412.19437)"},
    {"nvidia-h200", {0.50, 0.66, 0.58, 0}, 0.55, 0.7, 0.85, 15, 0.85, 0.20,
     "as H100 (same die, faster memory); MLPerf Training v4-v5"},
    {"nvidia-b200", {0.55, 0.72, 0.64, 0.55}, 0.55, 0.7, 0.85, 15, 0.85, 0.20,
     "cuBLAS on B200 (NVIDIA Blackwell technical brief); MLPerf Training v5.0-v5.1"},
    {"nvidia-gb200", {0.55, 0.72, 0.64, 0.55}, 0.55, 0.7, 0.85, 15, 0.85, 0.20,
     "as B200; MLPerf Training v5.0-v5.1 GB200 NVL72 results"},
    {"nvidia-l40s", {0.42, 0.50, 0.42, 0}, 0.6, 0.3, 0.80, 20, 0.8, 0.30,
     "Ada GEMM ~60 % of dense peak under sustained clocks; MLPerf Training v4.1"},
    {"nvidia-l4", {0.30, 0.32, 0.30, 0}, 0.6, 0.3, 0.80, 20, 0.8, 0.35,
     "Ada at 72 W clocks down under load; MLPerf Training (BERT) L4 result"},
    {"nvidia-a10g", {0.50, 0.60, 0, 0}, 0.6, 0.3, 0.80, 20, 0.8, 0.30,
     "Ampere GA102, MLPerf Training (ResNet) A10G result"},
    {"nvidia-t4", {0.40, 0.50, 0.40, 0}, 0.6, 0.3, 0.80, 20, 0.8, 0.40,
     "Turing at 70 W; no calibration case"},
    {"amd-mi250x", {0.36, 0.40, 0, 0}, 0.55, 0.0, 0.75, 25, 0.75, 0.30,
     "rocBLAS ~190 of 383 TFLOP/s per package; Frontier GPT runs (arXiv 2312.12705)"},
    {"amd-mi300x", {0.45, 0.55, 0.30, 0}, 0.55, 0.3, 0.75, 20, 0.8, 0.30,
     "hipBLASLt BF16 ~650-750 of 1,307 TFLOP/s (AMD ROCm blogs); MLPerf Training v5.0"},
    {"amd-mi325x", {0.45, 0.55, 0.38, 0}, 0.55, 0.3, 0.75, 20, 0.8, 0.30,
     "as MI300X (same compute die); MLPerf Training v5.0"},
    {"amd-mi355x", {0.45, 0.55, 0.58, 0.40}, 0.6, 0.3, 0.75, 20, 0.8, 0.25,
     "CDNA4 GEMM (AMD ROCm blogs); MLPerf Training v5.1"},
    {"google-tpu", {0.52, 0.68, 0.52, 0}, 0.65, 0.5, 0.85, 10, 0.9, 0.25,
     "XLA matmul on TPU MXUs; MaxText MFU tables (github.com/AI-Hypercomputer/maxtext); MLPerf "
     "Training TPU v4 and v5p results"},
    {"google-tpu-v5e", {0.55, 0.72, 0.42, 0}, 0.65, 0.5, 0.85, 10, 0.9, 0.25,
     "MaxText v5e MFU table (56-61 % on 16B-64B dense models); int8 AQT training gains about 1.2x "
     "over bf16 (MLPerf Training v3.1)"},
    {"google-tpu-v6e", {0.48, 0.60, 0.45, 0}, 0.65, 0.5, 0.85, 10, 0.9, 0.25,
     "MaxText tpu-recipes v6e Llama 3.1 logs: 392-462 of 918 TFLOP/s per chip with activations "
     "offloaded to the host"},
    {"huawei-ascend", {0.45, 0.62, 0.5, 0}, 0.55, 0.5, 0.75, 25, 0.75, 0.30,
     "Cube-unit efficiency from PanGu-Ultra (arXiv 2504.07866) MFU; MLPerf v0.7-v1.0 Ascend 910 "
     "results"},
    {"intel-gaudi", {0.58, 0.70, 0.50, 0}, 0.6, 0.3, 0.80, 20, 0.8, 0.30,
     "Gaudi MME utilisation in Intel's Optimum-Habana training tables; MLPerf Training v3.0-v4.0 "
     "Gaudi2 results"},
    {"aws-trainium", {0.30, 0.35, 0.30, 0}, 0.6, 0.3, 0.75, 30, 0.75, 0.35,
     "Neuron SDK training performance tables (awsdocs-neuron.readthedocs-hosted.com)"},
    {"intel-xeon", {0.18, 0.18, 0.16, 0}, 0.6, 0.0, 0.45, 50, 0.7, 0.40,
     "AMX under load runs below the derived peak clock; MLPerf Training v4.0 Xeon results"},
    {"amd-epyc", {0.25, 0.25, 0.20, 0}, 0.6, 0.0, 0.45, 50, 0.7, 0.40,
     "AVX-512 BF16 on Zen 4 (no AMX); no calibration case"},
}};

// Families for chips the table does not know, by software stack (in SoftwareStack order).
constexpr std::array<Family, kSoftwareStackCount> kStackDefaults{{
    {"", {0.50, 0.65, 0.50, 0.40}, 0.6, 0.5, 0.80, 20, 0.8, 0.35,
     "CUDA default"},
    {"", {0.45, 0.55, 0.40, 0.35}, 0.55, 0.3, 0.75, 20, 0.8, 0.35,
     "ROCm default"},
    {"", {0.55, 0.72, 0.60, 0}, 0.65, 0.5, 0.85, 10, 0.9, 0.35,
     "XLA default"},
    {"", {0.45, 0.60, 0.50, 0}, 0.55, 0.5, 0.75, 25, 0.75, 0.40,
     "CANN default"},
    {"", {0.60, 0.70, 0.60, 0}, 0.6, 0.3, 0.80, 20, 0.8, 0.35,
     "SynapseAI default"},
    {"", {0.35, 0.40, 0.35, 0}, 0.6, 0.3, 0.75, 30, 0.75, 0.40,
     "Neuron default"},
    {"", {0.20, 0.20, 0.18, 0}, 0.6, 0.0, 0.45, 50, 0.7, 0.45,
     "CPU default"},
    {"", {0.40, 0.50, 0.40, 0.30}, 0.55, 0.0, 0.70, 30, 0.7, 0.50,
     "Apple Metal: no training case; the cautious default of an unknown stack"},
    {"", {0.40, 0.50, 0.40, 0.30}, 0.55, 0.0, 0.70, 30, 0.7, 0.50,
     "unknown software stack: a cautious default"},
}};
// clang-format on

const Family &familyOf(const Chip &chip) {
    const Family *best = nullptr;
    for (const Family &f : kFamilies) {
        if (chip.id.starts_with(f.idPrefix) && (!best || f.idPrefix.size() > best->idPrefix.size()))
            best = &f;
    }
    if (best)
        return *best;
    return kStackDefaults[static_cast<std::size_t>(softwareStackOf(chip))];
}

} // namespace

TrainingEfficiency trainingEfficiency(const Chip &chip, Precision p) {
    const Family &f = familyOf(chip);
    const auto w = static_cast<std::size_t>(widthOf(p));
    TrainingEfficiency e;
    // A width the family has no figure for: the next wider one's, a little lower (new
    // formats reach less of their peak at first).
    double matmul = f.matmul[w];
    for (std::size_t i = w; matmul <= 0 && i > 0; --i)
        matmul = f.matmul[i - 1] * 0.85;
    e.matmul = matmul;
    e.attention = f.attention;
    const double petaflops = chip.peakAt(p).value_or(units::flopsPerSecond(0)).value() / 1e15;
    e.halfWidth = kHalfWidthPerPetaflop * petaflops;
    e.halfRows = kHalfRowsPerPetaflop * petaflops;
    e.memory = f.memory;
    e.layerOverhead = units::seconds(f.layerOverheadUs * 1e-6);
    e.stepOverhead = units::seconds(kStepOverhead);
    e.overlap = f.overlap;
    e.tensorOverlap = f.tensorOverlap;
    e.uncertainty = f.uncertainty;
    e.source = f.source;
    return e;
}

} // namespace accelplan
