// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/growth.h"

#include "cost/spend.h"
#include "evaluation/evaluate.h"
#include "plan/count_search.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace accelplan {
namespace {

constexpr double kSecondsPerDay = 86400.0;

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// Demand in requests per day from the plan's unit: a token is an output token, or a prompt
// token for a prefill pool and an encoder (which produce none).
std::optional<double> requestsPerDay(const GrowthPlan &plan, double demand,
                                     const InferenceSettings &settings, const Workload &workload) {
    if (plan.unit == DemandUnit::requestsPerDay)
        return demand;
    if (workload.generic())
        return std::nullopt;
    const bool outputs = settings.phase != InferencePhase::prefill && settings.outputTokens > 0;
    const int tokensPerRequest = outputs ? settings.outputTokens : settings.inputTokens;
    if (tokensPerRequest <= 0)
        return std::nullopt;
    return demand / tokensPerRequest;
}

struct Replica {
    int chips = 0;
    double requestsPerSecond = 0;
};

// The candidate's best serving layout in server mode with no rate asked: the most requests
// per second each replica carries within the SLO.
std::optional<Replica> replicaAt(const Scenario &serving, const CandidateResult &r) {
    if (!r.inference || !servesAsAsked(*r.inference, *serving.inference, serving.workload))
        return std::nullopt;
    const InferenceResult &i = *r.inference;
    const int replicas = std::max(1, i.parallelism.dp);
    const int chips = i.parallelism.tp * i.parallelism.pp;
    if (chips < 1 || i.throughputSamplesPerSecond <= 0)
        return std::nullopt;
    return Replica{chips, i.throughputSamplesPerSecond / replicas};
}

std::optional<units::Dollars> monthlyCost(const Scenario &scenario, const Catalog &catalog,
                                          Candidate candidate, int chips) {
    if (chips <= 0)
        return units::dollars(0);
    candidate.count = chips;
    CandidateResult r;
    r.chipId = candidate.chipId;
    r.count = chips;
    applySpend(r, candidate, scenario, catalog);
    if (!r.spend || !r.spend->monthlyCost)
        return std::nullopt;
    return *r.spend->monthlyCost;
}

} // namespace

double demandAt(const GrowthPlan &plan, int month) {
    if (plan.months <= 1)
        return plan.end;
    const double x = std::clamp(double(month) / (plan.months - 1), 0.0, 1.0);
    switch (plan.curve) {
    case GrowthCurve::linear: return plan.start + (plan.end - plan.start) * x;
    case GrowthCurve::exponential:
        if (plan.start > 0 && plan.end > 0)
            return plan.start * std::pow(plan.end / plan.start, x);
        return plan.start + (plan.end - plan.start) * x; // no ratio from or to zero
    case GrowthCurve::sCurve: {
        const double half = kSCurveSteepness / 2;
        const double at = logistic(kSCurveSteepness * x - half);
        const double from = logistic(-half), to = logistic(half);
        return plan.start + (plan.end - plan.start) * (at - from) / (to - from);
    }
    }
    return plan.end;
}

GrowthOutcome planGrowth(const Scenario &scenario, const Catalog &catalog,
                         const Candidate &candidate) {
    GrowthOutcome out;
    out.chipId = candidate.chipId;
    if (!scenario.growth || !scenario.inference) {
        out.problem = "a growth plan needs the scenario's growth and inference";
        return out;
    }
    const GrowthPlan &plan = *scenario.growth;
    // The fleet is sized to hold the SLO under load: server mode, no rate asked.
    Scenario serving = scenario;
    serving.training.reset();
    serving.inference->mode = InferenceMode::server;
    serving.inference->requestsPerSecond.reset();
    serving.inference->batch.reset();
    serving.candidates = {candidate};
    serving.goal = Goal{Objective::cheapest, Focus::inference, {}, {}};

    std::optional<Replica> replica = replicaAt(serving, evaluate(serving, catalog).results.front());
    if (!replica) {
        const int limit = plan.maxChips.value_or(kDefaultMaxChips);
        replica = replicaAt(serving, searchBestCount(serving, catalog, candidate, limit));
    }
    if (!replica) {
        out.problem = candidate.chipId + " cannot serve this model within the SLO at any count";
        return out;
    }
    out.chipsPerReplica = replica->chips;
    out.requestsPerSecondPerReplica = replica->requestsPerSecond;

    for (int m = 0; m < std::max(1, plan.months); ++m) {
        GrowthMonth month;
        month.month = m;
        month.demandPerDay = demandAt(plan, m);
        const auto perDay =
            requestsPerDay(plan, month.demandPerDay, *scenario.inference, scenario.workload);
        if (!perDay) {
            out.problem = "demand in tokens needs a transformer that produces tokens; give it "
                          "in requests per day";
            out.months.clear();
            return out;
        }
        month.requestsPerSecond = std::max(0.0, *perDay) / kSecondsPerDay * plan.peakFactor;
        const double replicas = std::ceil(month.requestsPerSecond / replica->requestsPerSecond);
        const double chips = replicas * replica->chips;
        const bool countable = chips <= double(std::numeric_limits<int>::max());
        month.replicas = countable ? int(replicas) : std::numeric_limits<int>::max();
        month.chips = countable ? int(chips) : std::numeric_limits<int>::max();
        month.enough = countable && (!plan.maxChips || month.chips <= *plan.maxChips);
        if (countable)
            month.cost = monthlyCost(scenario, catalog, candidate, month.chips);
        if (!month.enough && !out.firstShortMonth)
            out.firstShortMonth = m;
        out.months.push_back(month);
    }
    return out;
}

} // namespace accelplan
