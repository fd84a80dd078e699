// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/count_search.h"

#include "evaluation/evaluate.h"
#include "inference/serving_search.h"
#include "plan/recommend.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <optional>

namespace accelplan {
namespace {

constexpr double kMillion = 1e6;

// One count as the goal judges it; empty time: it does not run.
struct Trial {
    int count = 0;
    std::optional<double> time;       // seconds
    std::optional<double> cost;       // dollars, or chip time when unpriced
    std::optional<double> budgetCost; // dollars: the run, or the fleet's month
};

Trial judge(const CandidateResult &r, const Scenario &scenario, Focus focus) {
    Trial t;
    t.count = r.count;
    const bool priced = r.spend && r.spend->fleetRate;
    if (focus == Focus::training) {
        if (!r.training || !r.training->fits)
            return t;
        t.time = r.training->timeToTrain.nominal.value();
        if (priced && r.spend->trainingCost)
            t.cost = t.budgetCost = r.spend->trainingCost->nominal.value();
        else
            t.cost = *t.time * r.count;
        return t;
    }
    if (!r.inference || !scenario.inference ||
        !servesAsAsked(*r.inference, *scenario.inference, scenario.workload))
        return t;
    const InferenceResult &i = *r.inference;
    t.time = i.latency.value();
    const double perSecond = i.throughputTokensPerSecond > 0 ? i.throughputTokensPerSecond
                                                             : i.throughputSamplesPerSecond;
    if (perSecond <= 0)
        return {r.count, {}, {}, {}};
    const double secondsPerMillion = kMillion / perSecond;
    // Energy per request follows the chip time a request takes, whatever the price.
    if (priced && goalOf(scenario).objective != Objective::lowestEnergy) {
        t.cost = r.spend->fleetRate->value() * secondsPerMillion;
        if (r.spend->monthlyCost)
            t.budgetCost = r.spend->monthlyCost->value();
    } else {
        t.cost = secondsPerMillion * r.count;
    }
    return t;
}

bool runs(const Trial &t) { return t.time.has_value(); }

// Of `trials` (all running), the fewest chips among the fastest.
const Trial *fastest(const std::vector<const Trial *> &trials) {
    if (trials.empty())
        return nullptr;
    const double best = (*std::min_element(trials.begin(), trials.end(), [](auto a, auto b) {
                            return *a->time < *b->time;
                        }))->time.value();
    const Trial *pick = nullptr;
    for (const Trial *t : trials)
        if (*t->time <= best * (1 + kTimeTolerance) && (!pick || t->count < pick->count))
            pick = t;
    return pick;
}

// Of `trials`, the fastest among those costing at most kCostTolerance above the cheapest.
const Trial *cheapest(const std::vector<const Trial *> &trials) {
    if (trials.empty())
        return nullptr;
    const double least = (*std::min_element(trials.begin(), trials.end(), [](auto a, auto b) {
                             return *a->cost < *b->cost;
                         }))->cost.value();
    std::vector<const Trial *> affordable;
    for (const Trial *t : trials)
        if (*t->cost <= least * (1 + kCostTolerance))
            affordable.push_back(t);
    return fastest(affordable);
}

const Trial *choose(const std::map<int, Trial> &trials, const Goal &goal) {
    std::vector<const Trial *> running;
    for (const auto &[count, t] : trials)
        if (runs(t))
            running.push_back(&t);
    auto where = [&](auto keep) {
        std::vector<const Trial *> out;
        std::copy_if(running.begin(), running.end(), std::back_inserter(out), keep);
        return out;
    };
    switch (goal.objective) {
    case Objective::fastest: return fastest(running);
    case Objective::cheapest:
    case Objective::lowestEnergy: return cheapest(running);
    case Objective::cheapestWithinDeadline: {
        if (!goal.deadline)
            return cheapest(running);
        const auto inTime =
            where([&](const Trial *t) { return *t->time <= goal.deadline->value(); });
        return inTime.empty() ? fastest(running) : cheapest(inTime);
    }
    case Objective::lowestLatencyWithinBudget: {
        if (!goal.budget)
            return fastest(running);
        const auto affordable = where([&](const Trial *t) {
            return t->budgetCost && *t->budgetCost <= goal.budget->value();
        });
        return affordable.empty() ? cheapest(running) : fastest(affordable);
    }
    }
    return cheapest(running);
}

// Whether climbing to more chips is pointless: the last step brought the time down by no
// more than the tolerance, or (when cost matters) cost more than the tolerance above the
// cheapest so far, with any deadline already met.
bool stopClimbing(const std::vector<Trial> &climbed, const Goal &goal) {
    if (climbed.size() < 2)
        return false;
    const Trial &before = climbed[climbed.size() - 2];
    const Trial &last = climbed.back();
    if (!runs(before) || !runs(last))
        return false;
    if (*last.time > *before.time * (1 - kTimeTolerance))
        return true;
    if (goal.objective == Objective::fastest)
        return false;
    if (goal.objective == Objective::cheapestWithinDeadline && goal.deadline &&
        *last.time > goal.deadline->value())
        return false; // still too slow: more chips may reach the deadline
    double least = *last.cost;
    for (const Trial &t : climbed)
        if (runs(t))
            least = std::min(least, *t.cost);
    return *last.cost > least * (1 + kCostTolerance);
}

class CountSearch {
public:
    CountSearch(const Scenario &scenario, const Catalog &catalog, const Candidate &base)
        : catalog_(catalog), goal_(goalOf(scenario)), full_(scenario) {
        // A candidate for one half is sized for that half.
        if (base.role == Role::training && scenario.training)
            goal_.focus = Focus::training;
        if (base.role == Role::serving && scenario.inference)
            goal_.focus = Focus::inference;
        Candidate c = base;
        c.parallelism.dp.reset(); // the count decides it
        full_.candidates = {c};
        // The search judges the focus alone; the other part is evaluated at the chosen count.
        probe_ = full_;
        if (*goal_.focus == Focus::training)
            probe_.inference.reset();
        else
            probe_.training.reset();
    }

    CandidateResult run(int maxChips) {
        maxChips = std::max(1, maxChips);
        int top = 1;
        while (top <= maxChips / 2)
            top *= 2;
        if (const int first = fewestRunning(top))
            climb(first, 4, top);
        const Trial *best = choose(trials_, goal_);
        for (int round = 0; best && round < 3 && fillAround(best->count, top); ++round)
            best = choose(trials_, goal_);
        if (best && between(*best, maxChips))
            best = choose(trials_, goal_);
        int count = best ? best->count : maxChips;
        if (best && servingAtARate())
            count = fewestCarrying(count);
        if (probe_ == full_ && results_.count(count))
            return results_.at(count);
        full_.candidates.front().count = count;
        Evaluation e = evaluate(full_, catalog_);
        return std::move(e.results.front());
    }

private:
    bool servingAtARate() const {
        return *goal_.focus == Focus::inference && full_.inference &&
               full_.inference->mode == InferenceMode::server &&
               full_.inference->requestsPerSecond.has_value();
    }

    // Serving at a request rate, the fleet is the fewest chips that carry it within the SLO:
    // with whole instances billed, the cost rule alone would take more chips at the same price.
    // Bisected below `count`, which runs (a fleet's capacity grows with its chips).
    int fewestCarrying(int count) {
        int low = 1, high = count;
        while (low < high) {
            const int mid = low + (high - low) / 2;
            if (runs(at(mid)))
                high = mid;
            else
                low = mid + 1;
        }
        return high;
    }

    // The fewest chips, a power of two up to `top`, that run; 0 when none does. From one chip
    // up, each step at least doubling, and jumping to the count whose memory would hold what
    // the last one needed: a count's memory need per chip shrinks at best in proportion to
    // the chips, so no count skipped could have held it.
    int fewestRunning(int top) {
        for (int n = 1;; n = nextToTry(n, top)) {
            if (runs(at(n)))
                return n;
            if (n >= top || hopeless(n))
                return 0;
        }
    }

    int nextToTry(int n, int top) const {
        const CandidateResult &r = results_.at(n);
        const MemoryBreakdown *m = focusMemory(r);
        const Chip *chip = catalog_.findChip(r.chipId);
        double needed = 2.0 * n;
        if (m && chip && chip->memory && chip->memory->value() > 0)
            needed = std::max(needed, std::ceil(n * (m->total() / *chip->memory).value()));
        if (!(needed < top))
            return top;
        return int(std::bit_ceil(unsigned(needed)));
    }

    const MemoryBreakdown *focusMemory(const CandidateResult &r) const {
        if (*goal_.focus == Focus::training)
            return r.training ? &r.training->memory : nullptr;
        return r.inference ? &r.inference->memory : nullptr;
    }

    // Counts from `start`, times `step` each time, up to `top`, until more stop paying.
    void climb(int start, int step, int top) {
        std::vector<Trial> climbed;
        for (int n = start; n <= top; n *= step) {
            climbed.push_back(at(n));
            if (stopClimbing(climbed, goal_) || hopeless(n) || n > top / step)
                break;
        }
    }

    // Half and double a count, where not tried yet; whether any was new.
    bool fillAround(int count, int top) {
        bool tried = false;
        for (const int n : {count / 2, count * 2}) {
            if (n >= 1 && n <= top && !trials_.count(n)) {
                at(n);
                tried = true;
            }
        }
        return tried;
    }

    // The count between the best and its double, when the double ran but cost too much: the
    // cheapest rule may take a run a little larger than the best.
    bool between(const Trial &best, int maxChips) {
        const int next = best.count * 2;
        const int mid = best.count * 3 / 2;
        const auto it = trials_.find(next);
        // Multiples of 4 only: 3 or 6 chips would split nodes and pods unevenly.
        if (it == trials_.end() || !runs(it->second) || mid % 4 != 0 || mid > maxChips ||
            goal_.objective == Objective::fastest)
            return false;
        at(mid);
        return true;
    }

    Trial at(int count) {
        if (auto it = trials_.find(count); it != trials_.end())
            return it->second;
        probe_.candidates.front().count = count;
        Evaluation e = evaluate(probe_, catalog_);
        CandidateResult &r = e.results.front();
        const Trial t = judge(r, probe_, *goal_.focus);
        results_.emplace(count, std::move(r));
        trials_.emplace(count, t);
        return t;
    }

    // The focus got as far as no memory estimate at this count nor at half of it, with the
    // same problems: what stops the chip (a precision it lacks, a model it cannot take) does
    // not depend on the count.
    bool hopeless(int n) const {
        const auto half = results_.find(n / 2);
        if (n < 2 || half == results_.end())
            return false;
        const CandidateResult &now = results_.at(n);
        const CandidateResult &before = half->second;
        const auto untried = [this](const CandidateResult &r) {
            const MemoryBreakdown *m = focusMemory(r);
            return (!m || m->total().value() <= 0) && !r.problems.empty();
        };
        return untried(now) && untried(before) && now.problems == before.problems;
    }

    const Catalog &catalog_;
    Goal goal_;
    Scenario full_;
    Scenario probe_;
    std::map<int, Trial> trials_;
    std::map<int, CandidateResult> results_;
};

} // namespace

bool servesAsAsked(const InferenceResult &i, const InferenceSettings &settings,
                   const Workload &workload) {
    if (!i.fits)
        return false;
    if (settings.mode != InferenceMode::server || workload.generic())
        return true;
    BatchMetrics m;
    m.ttft = i.ttft;
    m.tpot = i.tpot;
    if (!meetsSlo(m, settings.slo))
        return false;
    // A carried rate is reported as the rate itself; a refused one as the most it carries.
    return !settings.requestsPerSecond ||
           i.throughputSamplesPerSecond >= *settings.requestsPerSecond * (1 - 1e-9);
}

CandidateResult searchBestCount(const Scenario &scenario, const Catalog &catalog,
                                const Candidate &base, int maxChips) {
    return CountSearch(scenario, catalog, base).run(maxChips);
}

std::vector<Candidate> everyChip(const Catalog &catalog, const Scenario &scenario,
                                 const ChipFilter &filter) {
    std::vector<Candidate> out;
    out.reserve(catalog.chips.size());
    const bool both = scenario.training && scenario.inference;
    for (const Chip &chip : catalog.chips) {
        if (!matches(filter, chip, catalog))
            continue;
        Candidate c;
        c.chipId = chip.id;
        if (!both) {
            out.push_back(std::move(c));
            continue;
        }
        // Training and serving want different counts (and maybe different chips): each chip
        // once for each half, a chip that cannot train for serving only.
        if (chip.roles.training) {
            c.role = Role::training;
            out.push_back(c);
        }
        c.role = Role::serving;
        out.push_back(std::move(c));
    }
    return out;
}

Evaluation compareAtBestCounts(const Scenario &scenario, const Catalog &catalog,
                               std::span<const Candidate> bases, int maxChips) {
    Evaluation out;
    out.scenarioName = scenario.name;
    out.catalogVersion = catalog.dataVersion;
    for (const Candidate &base : bases)
        out.results.push_back(searchBestCount(scenario, catalog, base, maxChips));
    return out;
}

} // namespace accelplan
