// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the result documents add to an evaluation beyond the ranking: each candidate's serving
// fleet month by month over the scenario's growth plan (plan/growth.h), and which inputs move
// the winner's answer most (plan/sensitivity.h).

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "plan/growth.h"
#include "plan/recommend.h"
#include "plan/sensitivity.h"
#include "scenario/scenario.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace accelplan {

struct PlanDetails {
    // One per result, in the evaluation's order; empty when the scenario has no growth plan.
    std::vector<GrowthOutcome> growth;
    // The tornado data of the recommendation's winner (its position in the results); empty
    // when there is no winner.
    std::optional<std::size_t> sensitivityResult;
    std::optional<Sensitivity> sensitivity;
};

// The candidates the evaluation's results stand for: the scenario's own when the results are
// them (evaluate), otherwise each result's chip, count and offering (compare's best counts).
std::vector<Candidate> candidatesOf(const Scenario &scenario, const Evaluation &evaluation);

PlanDetails planDetails(const Scenario &scenario, const Catalog &catalog,
                        const Evaluation &evaluation, const Recommendation &recommendation);

} // namespace accelplan
