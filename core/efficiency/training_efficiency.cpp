// SPDX-License-Identifier: GPL-3.0-or-later
#include "efficiency/training_efficiency.h"

#include "efficiency/efficiency_data.h"

#include <array>

namespace accelplan {

namespace {

// The matrix-multiply rows by width: 32-bit (fp32, tf32), 16-bit, 8-bit, 4-bit.
constexpr std::array<std::string_view, 4> kMatmulRows{"matmul_32bit", "matmul_16bit", "matmul_8bit",
                                                      "matmul_4bit"};

std::size_t widthIndex(Precision p) {
    switch (p) {
    case Precision::fp64:
    case Precision::fp32:
    case Precision::tf32: return 0;
    case Precision::bf16:
    case Precision::fp16: return 1;
    case Precision::fp8:
    case Precision::int8: return 2;
    case Precision::fp4:
    case Precision::int4: return 3;
    }
    return 1;
}

} // namespace

TrainingEfficiency trainingEfficiency(const Chip &chip, Precision p) {
    const EfficiencyData &data = efficiencyData();
    const std::string family = data.familyKey("training", chip);
    const std::string stack = stackKey(chip);
    // A family row the table lacks: the stack's row; a stack the table lacks: the unknown one.
    const auto value = [&](std::string_view parameter) {
        for (const std::string &key : {family, stack, std::string("stack:other")})
            if (const auto v = data.find("training", key, parameter))
                return *v;
        return data.global("training", parameter);
    };
    TrainingEfficiency e;
    // A width the family has no figure for: the next wider one's, a little lower (new
    // formats reach less of their peak at first).
    const std::size_t w = widthIndex(p);
    std::optional<double> matmul = data.find("training", family, kMatmulRows[w]);
    for (std::size_t i = w; !matmul && i > 0; --i) {
        if (const auto wider = data.find("training", family, kMatmulRows[i - 1]))
            matmul = *wider * data.global("training", "narrower_format_share");
    }
    e.matmul = matmul ? *matmul : value(kMatmulRows[w]);
    e.attention = value("attention");
    // Size effects: a product needs about this many columns (rows) per PFLOP/s of the chip's
    // peak to reach half of its large-matrix rate (faster chips need larger products to fill).
    const double petaflops = chip.peakAt(p).value_or(units::flopsPerSecond(0)).value() / 1e15;
    e.halfWidth = data.global("training", "half_width_per_pflops") * petaflops;
    e.halfRows = data.global("training", "half_rows_per_pflops") * petaflops;
    e.memory = value("memory");
    e.layerOverhead = units::seconds(value("layer_overhead_us") * 1e-6);
    e.stepOverhead = units::seconds(data.global("training", "step_overhead_s"));
    e.expertImbalance = data.global("training", "expert_load_imbalance");
    e.overlap = value("overlap");
    e.tensorOverlap = value("tensor_overlap");
    e.uncertainty = value("uncertainty");
    return e;
}

} // namespace accelplan
