// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/analysis.h"

#include "evaluation/evaluate.h"
#include "plan/count_search.h"

#include <algorithm>
#include <utility>

namespace accelplan {

const Chip *Analysis::chipOf(std::size_t candidate) const {
    if (!catalog || candidate >= scenario.candidates.size())
        return nullptr;
    return catalog->findChip(scenario.candidates[candidate].chipId);
}

namespace {

CountPoint countPoint(const CandidateResult &r) {
    CountPoint p;
    p.count = r.count;
    p.fits = r.training && r.training->fits;
    if (p.fits) {
        p.timeToTrain = r.training->timeToTrain;
        if (r.spend && r.spend->trainingCost)
            p.cost = r.spend->trainingCost->nominal;
    }
    return p;
}

// The candidates the evaluation's results stand for: the scenario's own when the results are
// them (evaluate), otherwise each result's chip, count and offering (compare's best counts).
std::vector<Candidate> candidatesOf(const Scenario &scenario, const Evaluation &evaluation) {
    const auto sameAsScenario = [&] {
        if (scenario.candidates.size() != evaluation.results.size())
            return false;
        return std::equal(scenario.candidates.begin(), scenario.candidates.end(),
                          evaluation.results.begin(),
                          [](const Candidate &c, const CandidateResult &r) {
                              return c.chipId == r.chipId && c.count == r.count && c.role == r.role;
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
        c.role = r.role;
        if (!r.offering.empty())
            c.offering = r.offering;
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace

Scenario withBestCounts(const Scenario &scenario, const Catalog &catalog) {
    Scenario out = scenario;
    for (Candidate &c : out.candidates)
        if (c.count == kBestCount)
            c.count = searchBestCount(scenario, catalog, c).count;
    return out;
}

Analysis analyze(const Scenario &scenario, std::shared_ptr<const Catalog> catalog) {
    Analysis a;
    a.catalog = catalog ? std::move(catalog) : std::make_shared<const Catalog>();
    a.scenario = withBestCounts(scenario, *a.catalog);
    a.evaluation = evaluate(a.scenario, *a.catalog);
    a.recommendation = recommend(a.scenario, *a.catalog, a.evaluation);
    addCurves(a);
    return a;
}

Analysis analyzeEvaluation(const Scenario &scenario, std::shared_ptr<const Catalog> catalog,
                           Evaluation evaluation) {
    Analysis a;
    a.catalog = catalog ? std::move(catalog) : std::make_shared<const Catalog>();
    a.scenario = scenario;
    a.scenario.candidates = candidatesOf(scenario, evaluation);
    a.evaluation = std::move(evaluation);
    a.recommendation = recommend(a.scenario, *a.catalog, a.evaluation);
    a.curves.assign(a.scenario.candidates.size(), {});
    return a;
}

void addCurves(Analysis &a) {
    a.curves.assign(a.scenario.candidates.size(), {});
    if (!a.scenario.inference)
        return;
    for (std::size_t i = 0; i < a.scenario.candidates.size(); ++i)
        if (const Chip *chip = a.chipOf(i))
            a.curves[i] = throughputLatencyCurve(a.scenario.workload, *a.scenario.inference, *chip,
                                                 a.scenario.candidates[i]);
}

std::vector<int> sweepCounts(int count) {
    std::vector<int> out;
    for (int factor : {-4, -2, 1, 2, 4}) {
        const long long n = factor < 0 ? count / -factor : static_cast<long long>(count) * factor;
        if (n >= 1 && n <= 1'000'000 && (factor > 0 || count % -factor == 0))
            out.push_back(static_cast<int>(n));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void addCountSweeps(Analysis &a) {
    a.sweeps.clear();
    a.sweepsDone = true;
    if (!a.scenario.training)
        return;
    // One evaluation of every candidate at every count, trained only: the layout pinned by the
    // user is dropped, since it cannot hold at another count.
    Scenario variants = a.scenario;
    variants.inference.reset();
    variants.candidates.clear();
    std::vector<std::pair<std::size_t, int>> owners; // candidate, count
    for (std::size_t i = 0; i < a.scenario.candidates.size(); ++i) {
        const Candidate &c = a.scenario.candidates[i];
        for (int n : sweepCounts(c.count)) {
            if (n == c.count)
                continue; // the evaluation has it already
            Candidate v = c;
            v.count = n;
            v.parallelism = {};
            variants.candidates.push_back(std::move(v));
            owners.emplace_back(i, n);
        }
    }
    const Evaluation e = evaluate(variants, *a.catalog);
    a.sweeps.resize(a.scenario.candidates.size());
    for (std::size_t i = 0; i < a.sweeps.size(); ++i) {
        a.sweeps[i].candidate = i;
        if (i < a.evaluation.results.size())
            a.sweeps[i].points.push_back(countPoint(a.evaluation.results[i]));
    }
    for (std::size_t k = 0; k < e.results.size(); ++k)
        a.sweeps[owners[k].first].points.push_back(countPoint(e.results[k]));
    for (CountSweep &sweep : a.sweeps)
        std::sort(sweep.points.begin(), sweep.points.end(),
                  [](const CountPoint &x, const CountPoint &y) { return x.count < y.count; });
}

void addSensitivityAndGrowth(Analysis &a) {
    a.sensitivity.reset();
    a.growth.clear();
    // The winner, else the first candidate that has a time to vary.
    std::optional<std::size_t> chosen;
    if (const Score *winner = a.recommendation.winner())
        chosen = winner->result;
    for (std::size_t i = 0; !chosen && i < a.recommendation.ranking.size(); ++i)
        if (a.recommendation.ranking[i].time)
            chosen = a.recommendation.ranking[i].result;
    if (chosen && *chosen < a.scenario.candidates.size()) {
        a.sensitivityResult = *chosen;
        a.sensitivity = sensitivity(a.scenario, *a.catalog, *chosen);
    }
    if (a.scenario.growth && a.scenario.inference)
        for (const Candidate &c : a.scenario.candidates)
            a.growth.push_back(planGrowth(a.scenario, *a.catalog, c));
    a.crossoverWhy.clear();
    a.crossover = findCrossover(a.scenario, *a.catalog, &a.crossoverWhy);
}

Analysis analyzeFully(const Scenario &scenario, std::shared_ptr<const Catalog> catalog) {
    Analysis a = analyze(scenario, std::move(catalog));
    addCountSweeps(a);
    addSensitivityAndGrowth(a);
    return a;
}

} // namespace accelplan
