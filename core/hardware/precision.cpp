// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware/precision.h"

namespace accelplan {

namespace {
constexpr std::array<std::string_view, kPrecisionCount> kNames{
    "fp64", "fp32", "tf32", "bf16", "fp16", "fp8", "int8", "fp4", "int4"};
constexpr std::array<double, kPrecisionCount> kBytes{8, 4, 4, 2, 2, 1, 1, 0.5, 0.5};
} // namespace

std::string_view toString(Precision p) { return kNames[indexOf(p)]; }

std::optional<Precision> precisionFromString(std::string_view s) {
    for (Precision p : kAllPrecisions) {
        if (kNames[indexOf(p)] == s)
            return p;
    }
    return std::nullopt;
}

double bytesPerElement(Precision p) { return kBytes[indexOf(p)]; }

} // namespace accelplan
