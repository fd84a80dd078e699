// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/best_count.h"

#include "plan/count_search.h"
#include "plan/explain.h"

namespace accelplan {

std::optional<BestCount> bestCount(const Scenario &scenario, std::size_t index, const Goal &goal,
                                   const Catalog &catalog, int maxChips) {
    if (index >= scenario.candidates.size())
        return std::nullopt;
    Scenario judged = scenario;
    judged.goal = goal;
    Candidate base = scenario.candidates[index];
    base.parallelism = {}; // a pinned layout holds for one count only
    const CandidateResult best = searchBestCount(judged, catalog, base, maxChips);
    const Focus focus = focusOf(judged);
    const bool runs = focus == Focus::training
                          ? best.training && best.training->fits
                          : best.inference && judged.inference &&
                                servesAsAsked(*best.inference, *judged.inference, judged.workload);
    if (!runs)
        return std::nullopt;
    return BestCount{best.count, candidateName(catalog, best)};
}

} // namespace accelplan
