// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Number formats a chip computes in. Peak rates are kept per precision.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace accelplan {

enum class Precision { fp64, fp32, tf32, bf16, fp16, fp8, int8, fp4, int4 };

inline constexpr std::array kAllPrecisions{Precision::fp64, Precision::fp32, Precision::tf32,
                                           Precision::bf16, Precision::fp16, Precision::fp8,
                                           Precision::int8, Precision::fp4,  Precision::int4};
inline constexpr std::size_t kPrecisionCount = kAllPrecisions.size();

constexpr std::size_t indexOf(Precision p) { return static_cast<std::size_t>(p); }

// "bf16", "fp8", ... as in the contract.
std::string_view toString(Precision p);
std::optional<Precision> precisionFromString(std::string_view s);

// Storage size of one element (tf32 is stored as fp32).
double bytesPerElement(Precision p);

} // namespace accelplan
