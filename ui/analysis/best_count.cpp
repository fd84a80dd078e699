#include "analysis/best_count.h"

#include "evaluation/evaluate.h"
#include "plan/recommend.h"

namespace accelplan::ui {

std::optional<BestCount> bestCount(const Scenario &scenario, std::size_t index, const Goal &goal,
                                   const Catalog &catalog, int maxChips) {
    if (index >= scenario.candidates.size())
        return std::nullopt;
    Scenario variants = scenario;
    variants.goal = goal;
    variants.candidates.clear();
    for (int n = 1; n <= maxChips && n > 0; n *= 2) {
        Candidate c = scenario.candidates[index];
        c.count = n;
        c.parallelism = {};
        variants.candidates.push_back(std::move(c));
    }
    const Evaluation evaluation = evaluate(variants, catalog);
    const Recommendation recommendation = recommend(variants, catalog, evaluation);
    const Score *winner = recommendation.winner();
    if (!winner)
        return std::nullopt;
    return BestCount{variants.candidates[winner->result].count, recommendation.why};
}

} // namespace accelplan::ui
