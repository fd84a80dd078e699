// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Pareto front of time against cost: the candidates no other beats on both.

#include "units/quantities.h"

#include <cstddef>
#include <span>
#include <vector>

namespace accelplan {

struct TimeCost {
    units::Seconds time;
    units::Dollars cost;
};

// Positions in `points` of the front, fastest first. A point is on the front when no other is
// at least as fast and as cheap and strictly better in one; of exact duplicates the first
// stays.
std::vector<std::size_t> paretoFront(std::span<const TimeCost> points);

} // namespace accelplan
