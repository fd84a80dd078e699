// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which candidate to choose: the ranking under the scenario's objective and constraints, the
// Pareto front of time against cost, and why the winner wins, in words.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "scenario/scenario.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace accelplan {

// One candidate as the ranking sees it. Training judges the time to train and the run's cost;
// inference the request latency, the cost per million output tokens and, against a budget,
// the fleet's monthly cost.
struct Score {
    std::size_t result = 0; // position in Evaluation::results
    std::optional<units::Seconds> time;
    std::optional<units::Dollars> cost;
    std::optional<units::Dollars> budgetCost;
    std::optional<units::Joules> energy; // per request when serving, the run when training
    std::vector<std::string> exclusions; // why it cannot be chosen; empty: it can
    bool onParetoFront = false;
    bool eligible() const { return exclusions.empty(); }
};

// Train on one candidate and serve on another (or the same): each the best of its half under
// the goal, when the scenario has both halves.
struct Plan {
    std::size_t training = 0; // positions in Evaluation::results
    std::size_t serving = 0;
    double servingMonths = 12;
    // The training run plus servingMonths of the serving fleet; empty when either has no price.
    std::optional<units::Dollars> total;
    std::string why; // in words
};

struct Recommendation {
    Objective objective = Objective::cheapest;
    Focus focus = Focus::training;
    // The eligible candidates best first, then the excluded ones in the scenario's order.
    std::vector<Score> ranking;
    // Positions in Evaluation::results of the time-against-cost front, fastest first; only
    // candidates within the hard constraints (fit, providers, premises, ecosystem) count.
    std::vector<std::size_t> paretoFront;
    std::string why;      // why the winner wins, or why there is none
    std::string tradeOff; // what choosing the runner-up would trade
    std::optional<Plan> plan;

    const Score *winner() const;
    const Score *runnerUp() const;
};

// One serving target of the scenario (slo.ttft, slo.tpot, slo.latency, requests_per_s) against what
// a candidate achieves: the figures the ranking's exclusions and the report's summary state.
struct TargetCheck {
    enum class Kind { ttft, tpot, latency, rate };
    Kind kind = Kind::ttft;
    double value = 0;  // seconds; requests a second for the rate
    double target = 0; // likewise
    bool met = false;
    // In server mode a time target bounds the 99th percentile, which is what `value` is then
    // (the mean the results show times the load's tail, as the serving search judges it).
    bool p99 = false;
    // "TPOT 202 ms, target 50 ms"; "p99 TTFT 539 ms, target 300 ms"; "carries 11.8 requests/s
    // of the 20 asked".
    std::string describe() const;
};
// Empty when the scenario does not serve, sets no target, or the candidate does not fit.
std::vector<TargetCheck> servingTargetChecks(const CandidateResult &r, const Scenario &scenario);

// The goal the scenario sets, or the default (cheapest), with the focus resolved.
Goal goalOf(const Scenario &scenario);
Focus focusOf(const Scenario &scenario);

Recommendation recommend(const Scenario &scenario, const Catalog &catalog,
                         const Evaluation &evaluation);

} // namespace accelplan
