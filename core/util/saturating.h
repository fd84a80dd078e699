// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <limits>

namespace accelplan {

// a × b for non-negative counts, held at INT_MAX instead of overflowing: a batch of
// 40,000 sequences on each of 100,000 replicas is a valid (if absurd) question.
inline int saturatingProduct(int a, int b) {
    const std::int64_t product = std::int64_t(a) * std::int64_t(b);
    constexpr std::int64_t most = std::numeric_limits<int>::max();
    return product > most ? int(most) : int(product);
}

} // namespace accelplan
