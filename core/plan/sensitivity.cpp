// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/sensitivity.h"

#include "cost/spend.h"
#include "evaluation/evaluate.h"
#include "plan/recommend.h"
#include "units/format.h"

#include <algorithm>
#include <cmath>

namespace accelplan {
namespace {

constexpr double kMillion = 1e6;

struct Answer {
    std::optional<units::Seconds> time;
    std::optional<units::Dollars> cost;
};

Answer answerOf(const CandidateResult &r, Focus focus) {
    Answer a;
    const bool priced = r.spend && r.spend->fleetRate;
    if (focus == Focus::training) {
        if (r.training && r.training->fits) {
            a.time = r.training->timeToTrain.nominal;
            if (priced)
                a.cost = r.training->cost;
        }
        return a;
    }
    if (r.inference && r.inference->fits) {
        a.time = r.inference->latency;
        const double perSecond = r.inference->throughputTokensPerSecond > 0
                                     ? r.inference->throughputTokensPerSecond
                                     : r.inference->throughputSamplesPerSecond;
        if (priced && perSecond > 0)
            a.cost = *r.spend->fleetRate * units::seconds(kMillion / perSecond);
    }
    return a;
}

CandidateResult evaluateOne(const Scenario &scenario, const Catalog &catalog,
                            const Candidate &candidate, const SpendOptions &spend = {}) {
    Scenario one = scenario;
    one.candidates = {candidate};
    CandidateResult r = evaluate(one, catalog).results.front();
    if (spend.priceScale != 1.0)
        applySpend(r, candidate, one, catalog, spend);
    return r;
}

std::string percent(double fraction) {
    return (fraction > 0 ? "+" : "") + units::formatPercent(fraction);
}

TornadoBar bar(SensitivityInput input, std::string low, std::string high, const Answer &a,
               const Answer &b) {
    return {input, std::move(low), std::move(high), a.time, b.time, a.cost, b.cost};
}

// The simulation's own range: the time's low and high ends, and the cost at each.
std::optional<TornadoBar> efficiencyBar(const CandidateResult &r, Focus focus) {
    if (focus != Focus::training || !r.training || !r.training->fits)
        return std::nullopt;
    const Ranged<units::Seconds> &t = r.training->timeToTrain;
    Answer fast{t.low, {}}, slow{t.high, {}};
    if (r.spend && r.spend->trainingCost) {
        fast.cost = r.spend->trainingCost->low;
        slow.cost = r.spend->trainingCost->high;
    }
    return bar(SensitivityInput::efficiency, "high efficiency", "low efficiency", fast, slow);
}

} // namespace

std::string_view toString(SensitivityInput input) {
    switch (input) {
    case SensitivityInput::efficiency: return "efficiency";
    case SensitivityInput::price: return "price";
    case SensitivityInput::work: return "work";
    case SensitivityInput::chipCount: return "chip count";
    case SensitivityInput::utilization: return "utilization";
    case SensitivityInput::electricity: return "electricity";
    }
    return "?";
}

double TornadoBar::swing() const {
    auto spread = [](const auto &low, const auto &high) {
        if (!low || !high)
            return 0.0;
        const double a = low->value(), b = high->value();
        const double base = std::max(std::fabs(a), std::fabs(b));
        return base > 0 ? std::fabs(b - a) / base : 0.0;
    };
    const double cost = spread(costLow, costHigh);
    return cost > 0 ? cost : spread(timeLow, timeHigh);
}

Sensitivity sensitivity(const Scenario &scenario, const Catalog &catalog,
                        std::size_t candidateIndex) {
    Sensitivity out;
    out.focus = focusOf(scenario);
    if (candidateIndex >= scenario.candidates.size())
        return out;
    const Candidate &candidate = scenario.candidates[candidateIndex];
    const CandidateResult base = evaluateOne(scenario, catalog, candidate);
    const Answer baseAnswer = answerOf(base, out.focus);
    out.baseTime = baseAnswer.time;
    out.baseCost = baseAnswer.cost;
    if (!baseAnswer.time)
        return out;
    const double s = kSensitivitySwing;
    auto with = [&](auto change, const SpendOptions &spend = {}) {
        Scenario varied = scenario;
        Candidate c = candidate;
        change(varied, c);
        return answerOf(evaluateOne(varied, catalog, c, spend), out.focus);
    };
    const auto same = [](Scenario &, Candidate &) {};

    if (auto e = efficiencyBar(base, out.focus))
        out.bars.push_back(*e);
    out.bars.push_back(bar(SensitivityInput::price, percent(-s), percent(s), with(same, {1 - s}),
                           with(same, {1 + s})));

    auto work = [&](double factor) {
        return [factor](Scenario &v, Candidate &) {
            if (v.training && v.training->tokens)
                *v.training->tokens *= factor;
            if (v.training && v.training->samples)
                *v.training->samples *= factor;
            if (!v.training && v.inference)
                v.inference->outputTokens =
                    std::max(1, int(std::lround(v.inference->outputTokens * factor)));
        };
    };
    out.bars.push_back(
        bar(SensitivityInput::work, percent(-s), percent(s), with(work(1 - s)), with(work(1 + s))));

    auto chips = [](int count) {
        return [count](Scenario &, Candidate &c) {
            c.count = count;
            c.parallelism.dp.reset(); // the count decides it
        };
    };
    const int fewer = std::max(1, candidate.count / 2), more = candidate.count * 2;
    out.bars.push_back(bar(SensitivityInput::chipCount, units::formatChips(fewer),
                           units::formatChips(more), with(chips(fewer)), with(chips(more))));

    auto utilization = [](double u) {
        return [u](Scenario &v, Candidate &) { v.costs.utilization = u; };
    };
    out.bars.push_back(bar(SensitivityInput::utilization, units::formatPercent(kUtilizationLow),
                           units::formatPercent(kUtilizationHigh),
                           with(utilization(kUtilizationLow)),
                           with(utilization(kUtilizationHigh))));

    auto electricity = [](double factor) {
        return [factor](Scenario &v, Candidate &) { v.costs.electricity *= factor; };
    };
    out.bars.push_back(bar(SensitivityInput::electricity, percent(-s), percent(s),
                           with(electricity(1 - s)), with(electricity(1 + s))));

    std::stable_sort(
        out.bars.begin(), out.bars.end(),
        [](const TornadoBar &a, const TornadoBar &b) { return a.swing() > b.swing(); });
    return out;
}

} // namespace accelplan
