// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/recommend.h"

#include "cost/energy.h"
#include "cost/ownership.h"
#include "cost/spend.h"
#include "efficiency/inference_efficiency.h"
#include "plan/ecosystem.h"
#include "plan/explain.h"
#include "plan/frameworks.h"
#include "plan/pareto.h"
#include "units/format.h"

#include <algorithm>
#include <limits>

namespace accelplan {
namespace {

Score scoreOf(std::size_t index, const CandidateResult &r, Focus focus) {
    Score s;
    s.result = index;
    const bool priced = r.spend && r.spend->fleetRate;
    if (focus == Focus::training) {
        if (r.training && r.training->fits) {
            s.time = r.training->timeToTrain.nominal;
            if (r.spend && r.spend->power)
                s.energy = r.training->energy;
            if (priced && r.spend->trainingCost)
                s.cost = s.budgetCost = r.spend->trainingCost->nominal;
        }
        return s;
    }
    if (r.inference && r.inference->fits) {
        s.time = r.inference->latency;
        s.energy = r.inference->energyPerRequest;
        if (priced) {
            s.budgetCost = r.spend->monthlyCost;
            if (r.inference->throughputTokensPerSecond > 0)
                s.cost = r.inference->costPerMillionTokens;
            else
                s.cost = r.spend->costPerMillionSamples;
        }
    }
    return s;
}

std::string listed(const std::vector<std::string> &items) {
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

// Why the candidate cannot run the focus at all.
std::optional<std::string> cannotRun(const CandidateResult &r, const Chip *chip, Focus focus,
                                     const Score &s) {
    if (!chip)
        return "unknown chip " + r.chipId;
    if (s.time)
        return std::nullopt;
    if (focus == Focus::training && r.role == Role::serving)
        return std::string("serves only (its role): not a training candidate");
    if (focus == Focus::inference && r.role == Role::training)
        return std::string("trains only (its role): not a serving candidate");
    if (!r.problems.empty())
        return r.problems.front();
    return focus == Focus::training ? "was not evaluated for training"
                                    : "was not evaluated for inference";
}

// Whether the candidate can be had at all under the pricing: rented from some (allowed)
// provider, or bought.
std::optional<std::string> unobtainable(const CandidateResult &r, const Chip &chip,
                                        Pricing pricing) {
    if (pricing == Pricing::owned) {
        if (!purchasePrice(chip))
            return "cannot be bought: the catalog has no purchase price for it";
        return std::nullopt;
    }
    if (!r.offering.empty())
        return std::nullopt;
    const std::string why = r.spend ? r.spend->priceProblem : std::string();
    return why.empty() ? "cannot be rented" : "cannot be rented: " + why;
}

// What no deadline or budget could change: fit, availability (providers, premises), ecosystem.
std::vector<std::string> hardExclusions(const CandidateResult &r, const Chip *chip,
                                        const Scenario &scenario, Focus focus, const Score &s) {
    if (auto reason = cannotRun(r, chip, focus, s))
        return {*reason};
    std::vector<std::string> out;
    if (auto reason = unobtainable(r, *chip, pricingFor(scenario, *chip)))
        out.push_back(*reason);
    const Constraints constraints = scenario.constraints.value_or(Constraints{});
    // A power limit is the serving device's; a scenario that only trains applies it there.
    const bool powerJudged = focus == Focus::inference || !scenario.inference;
    if (constraints.maxPower && powerJudged) {
        const auto power = chipPower(*chip);
        if (!power)
            out.push_back("its power is unknown (the catalog has no TDP for it), the limit is " +
                          units::format(*constraints.maxPower));
        else if (*power > *constraints.maxPower)
            out.push_back("draws " + units::format(*power) + " (TDP), over the " +
                          units::format(*constraints.maxPower) + " limit");
    }
    if (!constraints.ecosystems.empty()) {
        std::vector<std::string> names;
        for (Ecosystem e : constraints.ecosystems)
            names.emplace_back(toString(e));
        const auto ecosystem = ecosystemOf(*chip);
        const bool allowed =
            ecosystem && std::find(constraints.ecosystems.begin(), constraints.ecosystems.end(),
                                   *ecosystem) != constraints.ecosystems.end();
        if (!allowed) {
            const std::string needs =
                ecosystem ? std::string(toString(*ecosystem))
                          : (chip->software.empty() ? "unknown software" : chip->software);
            out.push_back("needs " + needs + "; the team works in " + listed(names));
        }
    }
    if (std::string why = frameworkExclusion(*chip, constraints.frameworks, focus); !why.empty())
        out.push_back(std::move(why));
    return out;
}

} // namespace

std::string TargetCheck::describe() const {
    if (kind == Kind::rate)
        return "carries " + units::formatNumber(value, 3) + " requests/s of the " +
               units::formatNumber(target, 3) + " asked";
    const char *name = kind == Kind::ttft ? "TTFT " : kind == Kind::tpot ? "TPOT " : "latency ";
    return (p99 ? "p99 " : "") + std::string(name) + units::format(units::seconds(value)) +
           ", target " + units::format(units::seconds(target));
}

std::vector<TargetCheck> servingTargetChecks(const CandidateResult &r, const Scenario &scenario) {
    std::vector<TargetCheck> out;
    if (!scenario.inference || !r.inference || !r.inference->fits)
        return out;
    const InferenceSettings &asked = *scenario.inference;
    const InferenceResult &got = *r.inference;
    // Under random arrivals the targets bound the 99th percentile, as the serving search
    // judges them (inference/serving_search.cpp); without a queue, the mean.
    const bool queued = asked.mode == InferenceMode::server;
    const ServerLoad load = queued ? serverLoad() : ServerLoad{};
    // A hair over from rounding is not a miss: the search itself stops at the target.
    const auto check = [&](TargetCheck::Kind kind, units::Seconds mean, units::Seconds target,
                           double tail) {
        const double value = mean.value() * tail;
        // Under a queue the value is the p99 estimate even where the fitted tail is 1.
        out.push_back({kind, value, target.value(), value <= target.value() * (1 + 1e-9), queued});
    };
    if (asked.slo.ttft && got.ttft.value() > 0)
        check(TargetCheck::Kind::ttft, got.ttft, *asked.slo.ttft, load.ttftTail);
    if (asked.slo.tpot && got.tpot.value() > 0)
        check(TargetCheck::Kind::tpot, got.tpot, *asked.slo.tpot, load.tpotTail);
    // A request's whole latency waits in the queue as its first token does.
    if (asked.slo.latency && got.latency.value() > 0)
        check(TargetCheck::Kind::latency, got.latency, *asked.slo.latency, load.ttftTail);
    if (asked.requestsPerSecond)
        out.push_back(
            {TargetCheck::Kind::rate, got.throughputSamplesPerSecond, *asked.requestsPerSecond,
             got.throughputSamplesPerSecond >= *asked.requestsPerSecond * (1 - 1e-9), false});
    return out;
}

namespace {

// The serving targets the candidate misses, each with how far ("TPOT 202 ms, target 50 ms"):
// a fleet that misses its latency targets or cannot carry the rate asked is no answer, however
// cheap. Judged when serving is the question.
std::vector<std::string> targetExclusions(const CandidateResult &r, const Scenario &scenario,
                                          Focus focus) {
    std::vector<std::string> out;
    if (focus != Focus::inference)
        return out;
    for (const TargetCheck &check : servingTargetChecks(r, scenario))
        if (!check.met)
            out.push_back(check.describe());
    return out;
}

// The fastest and the most frugal are found without a price (an edge device may have none).
bool needsCost(Objective objective) {
    return objective != Objective::fastest && objective != Objective::lowestEnergy;
}

std::vector<std::string> goalExclusions(const CandidateResult &r, const Goal &goal, Focus focus,
                                        const Score &s) {
    std::vector<std::string> out;
    if (needsCost(goal.objective) && !s.cost) {
        const std::string why = r.spend ? r.spend->priceProblem : std::string();
        out.push_back(why.empty() ? "has no price" : "has no price: " + why);
        return out;
    }
    if (goal.objective == Objective::lowestEnergy && !s.energy) {
        out.push_back("its energy is unknown: the catalog has no TDP for it");
        return out;
    }
    if (goal.objective == Objective::cheapestWithinDeadline && goal.deadline && s.time &&
        *s.time > *goal.deadline)
        out.push_back("takes " + timePhrase(focus, *s.time) + ", past the " +
                      units::format(*goal.deadline) + " deadline");
    if (goal.objective == Objective::lowestLatencyWithinBudget && goal.budget) {
        if (!s.budgetCost)
            out.push_back("has no price");
        else if (*s.budgetCost > *goal.budget)
            out.push_back("costs " + budgetPhrase(focus, *s.budgetCost) + ", over the " +
                          budgetPhrase(focus, *goal.budget) + " budget");
    }
    return out;
}

// The ranking key: what the objective minimises first, then the other measure.
std::pair<double, double> keyOf(const Score &s, Objective objective) {
    constexpr double kUnknown = std::numeric_limits<double>::infinity();
    const double time = s.time ? s.time->value() : kUnknown;
    const double cost = s.cost ? s.cost->value() : kUnknown;
    if (objective == Objective::lowestEnergy)
        return {s.energy ? s.energy->value() : kUnknown, time};
    const bool timeFirst =
        objective == Objective::fastest || objective == Objective::lowestLatencyWithinBudget;
    return timeFirst ? std::pair{time, cost} : std::pair{cost, time};
}

} // namespace

const Score *Recommendation::winner() const {
    return !ranking.empty() && ranking.front().eligible() ? &ranking.front() : nullptr;
}

const Score *Recommendation::runnerUp() const {
    return ranking.size() > 1 && ranking[1].eligible() ? &ranking[1] : nullptr;
}

Focus focusOf(const Scenario &scenario) {
    if (scenario.goal && scenario.goal->focus)
        return *scenario.goal->focus;
    return scenario.training || !scenario.inference ? Focus::training : Focus::inference;
}

Goal goalOf(const Scenario &scenario) {
    Goal goal = scenario.goal.value_or(Goal{});
    goal.focus = focusOf(scenario);
    return goal;
}

namespace {

// The ranking of one half of the scenario under its goal.
Recommendation rankFor(const Scenario &scenario, const Catalog &catalog,
                       const Evaluation &evaluation, Focus focus) {
    Recommendation rec;
    Goal goal = goalOf(scenario);
    goal.focus = focus;
    rec.objective = goal.objective;
    rec.focus = *goal.focus;

    std::vector<Score> eligible, excluded;
    std::vector<TimeCost> points;
    std::vector<std::size_t> pointOwners;
    for (std::size_t i = 0; i < evaluation.results.size(); ++i) {
        const CandidateResult &r = evaluation.results[i];
        const Chip *chip = catalog.findChip(r.chipId);
        Score s = scoreOf(i, r, rec.focus);
        s.exclusions = hardExclusions(r, chip, scenario, rec.focus, s);
        if (s.exclusions.empty())
            s.exclusions = targetExclusions(r, scenario, rec.focus);
        if (s.exclusions.empty() && s.time && s.cost) {
            points.push_back({*s.time, *s.cost});
            pointOwners.push_back(i);
        }
        if (s.exclusions.empty())
            s.exclusions = goalExclusions(r, goal, rec.focus, s);
        (s.eligible() ? eligible : excluded).push_back(std::move(s));
    }
    std::stable_sort(eligible.begin(), eligible.end(), [&](const Score &a, const Score &b) {
        return keyOf(a, rec.objective) < keyOf(b, rec.objective);
    });

    for (std::size_t p : paretoFront(points))
        rec.paretoFront.push_back(pointOwners[p]);
    rec.ranking = std::move(eligible);
    rec.ranking.insert(rec.ranking.end(), excluded.begin(), excluded.end());
    for (Score &s : rec.ranking)
        s.onParetoFront = std::find(rec.paretoFront.begin(), rec.paretoFront.end(), s.result) !=
                          rec.paretoFront.end();
    explain(rec, scenario, catalog, evaluation);
    return rec;
}

// "Train on 8 × TPU v5p (3.2 days, $41,200), serve on 2 × Ascend 910B ($3,100 a month):
// $78,400 with 12 months of serving."
std::optional<Plan> planOf(const Recommendation &training, const Recommendation &serving,
                           const Scenario &scenario, const Catalog &catalog,
                           const Evaluation &evaluation) {
    const Score *train = training.winner();
    const Score *serve = serving.winner();
    if (!train || !serve)
        return std::nullopt;
    Plan p;
    p.training = train->result;
    p.serving = serve->result;
    p.servingMonths =
        scenario.goal && scenario.goal->servingMonths ? *scenario.goal->servingMonths : 12.0;
    const CandidateResult &t = evaluation.results[p.training];
    const CandidateResult &s = evaluation.results[p.serving];
    const std::optional<units::Dollars> run = train->budgetCost;
    const std::optional<units::Dollars> month = serve->budgetCost;
    if (run && month)
        p.total = *run + *month * p.servingMonths;
    std::string trainPart = train->time ? timePhrase(Focus::training, *train->time) : "";
    if (run)
        trainPart += (trainPart.empty() ? "" : ", ") + units::format(*run);
    const std::string servePart =
        month ? budgetPhrase(Focus::inference, *month)
              : (serve->time ? timePhrase(Focus::inference, *serve->time) : std::string());
    const std::string months = units::formatNumber(p.servingMonths, 3) + " months of serving";
    if (p.training == p.serving)
        p.why = "Train and serve on " + candidateName(catalog, t) + " (" + trainPart + "; " +
                servePart + ")";
    else
        p.why = "Train on " + candidateName(catalog, t) + " (" + trainPart + "), serve on " +
                candidateName(catalog, s) + " (" + servePart + ")";
    p.why += p.total ? ": " + units::format(*p.total) + " with " + months + "."
                     : ": no total, a price is missing.";
    return p;
}

} // namespace

Recommendation recommend(const Scenario &scenario, const Catalog &catalog,
                         const Evaluation &evaluation) {
    const Focus focus = focusOf(scenario);
    Recommendation rec = rankFor(scenario, catalog, evaluation, focus);
    if (scenario.training && scenario.inference) {
        const Focus other = focus == Focus::training ? Focus::inference : Focus::training;
        const Recommendation half = rankFor(scenario, catalog, evaluation, other);
        rec.plan = focus == Focus::training ? planOf(rec, half, scenario, catalog, evaluation)
                                            : planOf(half, rec, scenario, catalog, evaluation);
    }
    return rec;
}

} // namespace accelplan
