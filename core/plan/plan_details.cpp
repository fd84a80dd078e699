// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/plan_details.h"

#include <algorithm>

namespace accelplan {

std::vector<Candidate> candidatesOf(const Scenario &scenario, const Evaluation &evaluation) {
    const auto sameAsScenario = [&] {
        if (scenario.candidates.size() != evaluation.results.size())
            return false;
        return std::equal(scenario.candidates.begin(), scenario.candidates.end(),
                          evaluation.results.begin(),
                          [](const Candidate &c, const CandidateResult &r) {
                              return c.chipId == r.chipId && c.count == r.count;
                          });
    };
    if (sameAsScenario())
        return scenario.candidates;
    std::vector<Candidate> out;
    out.reserve(evaluation.results.size());
    for (const CandidateResult &r : evaluation.results) {
        Candidate c;
        c.chipId = r.chipId;
        c.count = r.count;
        if (!r.offering.empty())
            c.offering = r.offering;
        out.push_back(std::move(c));
    }
    return out;
}

PlanDetails planDetails(const Scenario &scenario, const Catalog &catalog,
                        const Evaluation &evaluation, const Recommendation &recommendation) {
    PlanDetails out;
    Scenario judged = scenario;
    judged.candidates = candidatesOf(scenario, evaluation);
    if (scenario.growth && scenario.inference) {
        out.growth.reserve(judged.candidates.size());
        for (const Candidate &c : judged.candidates)
            out.growth.push_back(planGrowth(judged, catalog, c));
    }
    if (const Score *winner = recommendation.winner()) {
        out.sensitivityResult = winner->result;
        out.sensitivity = sensitivity(judged, catalog, winner->result);
    }
    return out;
}

} // namespace accelplan
