// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The comparison of a computed number with one a test worked out by hand.

#include <algorithm>
#include <cmath>

namespace accelplan::test {

// Whether `actual` agrees with `expected` to within `rel` of the larger of the two: to rounding
// by default, or to the tolerance a test states where its hand calculation rounds.
inline bool near(double actual, double expected, double rel = 1e-9) {
    return std::fabs(actual - expected) <= rel * std::max(std::fabs(actual), std::fabs(expected));
}

} // namespace accelplan::test
