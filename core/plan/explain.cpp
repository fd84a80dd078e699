// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/explain.h"

#include "cost/calendar.h"
#include "plan/ecosystem.h"
#include "plan/frameworks.h"
#include "plan/providers.h"
#include "units/format.h"

#include <algorithm>
#include <cmath>

namespace accelplan {
namespace {

// Differences smaller than this read as "the same".
constexpr double kSameWithin = 0.005;
// From this ratio on "3.1× the cost" reads better than "210 % more expensive".
constexpr double kTimesFrom = 2.0;

std::string joinedWith(const std::vector<std::string> &parts, const char *last) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i == 0 ? "" : (i + 1 == parts.size() ? std::string(" ") + last + " " : ", ")) +
               parts[i];
    return out;
}

// "needs CUDA", or the software it runs when that is none of the six ecosystems.
std::string softwarePhrase(const Chip &chip) {
    if (const auto ecosystem = ecosystemOf(chip))
        return "needs " + std::string(toString(*ecosystem));
    if (chip.software.empty())
        return "runs unknown software";
    return "runs " + chip.software;
}

std::string wherePhrase(const Catalog &catalog, const CandidateResult &result) {
    if (result.spend && result.spend->pricing == Pricing::owned)
        return "is bought and run on premises";
    return "is " + availability(catalog, result.chipId);
}

std::string monthsPhrase(units::Seconds t) {
    return units::formatNumber(inMonths(t), 2) + " months";
}

// What owning would mean next to the winner's pricing.
std::string breakEvenSentence(const CandidateResult &result) {
    if (!result.spend || !result.spend->breakEven)
        return {};
    if (result.spend->pricing == Pricing::owned)
        return " Buying it pays for itself against renting on demand after " +
               monthsPhrase(*result.spend->breakEven) + " of round-the-clock use.";
    return " Buying the same chips would pay for itself after " +
           monthsPhrase(*result.spend->breakEven) + " of round-the-clock use.";
}

// "be 38 % cheaper", "be 12 % more expensive", "cost 2.5× as much"; empty when about the same.
std::string comparison(double other, double winner, const char *less, const char *more,
                       const char *timesVerb, const char *timesOf) {
    const double ratio = other / winner;
    // Only a finite ratio reads as words; anything else would show as "-nan %" or "inf×".
    if (!(winner > 0) || !std::isfinite(ratio) || std::fabs(ratio - 1) < kSameWithin)
        return {};
    if (ratio < 1)
        return "be " + units::formatPercent(1 - ratio) + " " + less;
    if (ratio >= kTimesFrom)
        return std::string(timesVerb) + " " + units::formatNumber(ratio, 2) + "× " + timesOf;
    return "be " + units::formatPercent(ratio - 1) + " " + more;
}

std::string winnerSentence(const Recommendation &rec, const Score &w, const Goal &goal,
                           const CandidateResult &r, const std::string &name) {
    const std::string time = w.time ? timePhrase(rec.focus, *w.time) : std::string();
    const std::string cost = w.cost ? costPhrase(rec.focus, r, *w.cost) : std::string();
    switch (rec.objective) {
    case Objective::fastest:
        return name + " is the fastest: " + time + (cost.empty() ? "" : ", for " + cost) + ".";
    case Objective::cheapest: return name + " is the cheapest: " + cost + ", " + time + ".";
    case Objective::cheapestWithinDeadline:
        if (!goal.deadline)
            return name + " is the cheapest (no deadline is set): " + cost + ", " + time + ".";
        return name + " is the cheapest that meets the " + units::format(*goal.deadline) +
               " deadline: " + cost + ", " + time + ".";
    case Objective::lowestLatencyWithinBudget: {
        const std::string spent = w.budgetCost ? budgetPhrase(rec.focus, *w.budgetCost) : cost;
        const std::string best =
            rec.focus == Focus::training ? " is the fastest" : " has the lowest latency";
        if (!goal.budget)
            return name + best + " (no budget is set): " + time + ", " + spent + ".";
        return name + best + " within the " + budgetPhrase(rec.focus, *goal.budget) +
               " budget: " + time + ", " + spent + ".";
    }
    case Objective::lowestEnergy: {
        const std::string energy =
            w.energy ? units::format(*w.energy) +
                           (rec.focus == Focus::inference ? " a request" : " for the run")
                     : std::string("energy unknown");
        return name + " uses the least energy: " + energy + ", " + time +
               (cost.empty() ? "" : ", " + cost) + ".";
    }
    }
    return name + ".";
}

std::string ruledOutSentence(const Recommendation &rec) {
    const auto excluded = std::count_if(rec.ranking.begin(), rec.ranking.end(),
                                        [](const Score &s) { return !s.eligible(); });
    if (excluded == 0)
        return {};
    const std::string of =
        std::to_string(excluded) + " of the " + std::to_string(rec.ranking.size()) + " candidates ";
    return " " + of + (excluded == 1 ? "is" : "are") + " ruled out.";
}

std::string tradeOffSentence(const Recommendation &rec, const Score &w, const Score &r,
                             const Catalog &catalog, const Evaluation &evaluation) {
    const CandidateResult &result = evaluation.results[r.result];
    std::vector<std::string> gains, losses;
    auto sort = [&](const std::string &phrase, bool gain) {
        if (!phrase.empty())
            (gain ? gains : losses).push_back(phrase);
    };
    if (w.cost && r.cost) {
        sort(comparison(r.cost->value(), w.cost->value(), "cheaper", "more expensive", "cost",
                        "as much"),
             *r.cost < *w.cost);
    }
    if (w.time && r.time) {
        sort(comparison(r.time->value(), w.time->value(), "faster", "slower", "take", "as long"),
             *r.time < *w.time);
    }
    // "be 50 % cheaper but 60 % slower": one "be" serves both.
    if (!gains.empty() && !losses.empty() && gains.back().starts_with("be ") &&
        losses.front().starts_with("be "))
        losses.front().erase(0, 3);
    std::string trade;
    if (!gains.empty() && !losses.empty())
        trade = joinedWith(gains, "and") + " but " + joinedWith(losses, "and");
    else if (!gains.empty() || !losses.empty())
        trade = joinedWith(gains.empty() ? losses : gains, "and");
    else
        trade = "be about the same in time and cost";
    std::string out = "The runner-up, " + candidateName(catalog, result) + ", would " + trade;
    if (r.time)
        out += " (" + timePhrase(rec.focus, *r.time, w.time.value_or(units::Seconds{})) +
               (r.cost ? ", " + costPhrase(rec.focus, result, *r.cost) : std::string()) + ")";
    if (const Chip *chip = catalog.findChip(result.chipId))
        out += "; it " + softwarePhrase(*chip) + " and " + wherePhrase(catalog, result);
    return out + ".";
}

} // namespace

std::string chipName(const Catalog &catalog, std::string_view chipId) {
    const Chip *chip = catalog.findChip(chipId);
    if (!chip || chip->name.empty())
        return std::string(chipId);
    return chip->name.starts_with(chip->vendor) || chip->vendor.empty()
               ? chip->name
               : chip->vendor + " " + chip->name;
}

std::string candidateName(const Catalog &catalog, const CandidateResult &result) {
    return std::to_string(result.count) + " × " + chipName(catalog, result.chipId);
}

std::string timePhrase(Focus focus, units::Seconds time, units::Seconds unitLike) {
    units::FormatOptions options;
    options.durationUnitFor = unitLike.value();
    return units::format(time, options) + (focus == Focus::training ? " to train" : " per request");
}

std::string costPhrase(Focus focus, const CandidateResult &result, units::Dollars cost) {
    if (focus == Focus::training)
        return units::format(cost);
    const bool tokens = result.inference && result.inference->throughputTokensPerSecond > 0;
    return units::format(cost) + (tokens ? " per million tokens" : " per million samples");
}

std::string budgetPhrase(Focus focus, units::Dollars cost) {
    return units::format(cost) + (focus == Focus::training ? "" : " a month");
}

void explain(Recommendation &rec, const Scenario &scenario, const Catalog &catalog,
             const Evaluation &evaluation) {
    const Score *w = rec.winner();
    if (!w) {
        rec.why = rec.ranking.empty()
                      ? "There are no candidates to compare."
                      : "No candidate meets the objective and constraints; each one lists why.";
        rec.tradeOff.clear();
        return;
    }
    const CandidateResult &result = evaluation.results[w->result];
    rec.why = winnerSentence(rec, *w, goalOf(scenario), result, candidateName(catalog, result));
    if (const Chip *chip = catalog.findChip(result.chipId)) {
        rec.why += " It " + softwarePhrase(*chip) + " and " + wherePhrase(catalog, result) + ".";
        if (scenario.constraints)
            if (const std::string route =
                    frameworkRouteNote(*chip, scenario.constraints->frameworks, rec.focus);
                !route.empty())
                rec.why += " " + route + ".";
    }
    rec.why += breakEvenSentence(result) + ruledOutSentence(rec);

    if (const Score *r = rec.runnerUp())
        rec.tradeOff = tradeOffSentence(rec, *w, *r, catalog, evaluation);
    else
        rec.tradeOff = rec.ranking.size() == 1
                           ? "It is the only candidate."
                           : "No other candidate meets the objective and constraints.";
}

} // namespace accelplan
