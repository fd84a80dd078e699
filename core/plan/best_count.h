// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "Best count": the number of chips a candidate should have under a goal, by core's count
// search (plan/count_search.h, the one `accelplan-cli compare` uses). Pure C++; slow enough
// (a dozen evaluations) to run off the UI thread.

#include "hardware/catalog.h"
#include "scenario/scenario.h"

#include <cstddef>
#include <optional>
#include <string>

namespace accelplan {

struct BestCount {
    int count = 0;
    std::string why; // the recommendation's reason, in words
};

// The count from 1 to `maxChips` that `goal` prefers for the candidate at `index` (its chip and
// offering, any pinned layout dropped); nothing when no count runs it.
std::optional<BestCount> bestCount(const Scenario &scenario, std::size_t index, const Goal &goal,
                                   const Catalog &catalog, int maxChips = 4096);

} // namespace accelplan
