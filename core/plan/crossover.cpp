// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/crossover.h"

#include "evaluation/evaluate.h"
#include "plan/explain.h"
#include "plan/recommend.h"
#include "units/format.h"
#include "workload/counts.h"

#include <algorithm>
#include <cmath>

namespace accelplan {
namespace {

// Sizes tried: the model times 2^k for k from -6 to 6.
constexpr int kOctaves = 6;

int widened(int width, double factor, int multiple) {
    if (width <= 0)
        return width;
    const int step = std::max(multiple, 1);
    return std::max(step, int(std::lround(width * factor / step)) * step);
}

// The scenario with one chip of each candidate id, costed as the scenario says.
Scenario withChips(const Scenario &scenario, const std::vector<std::string> &ids) {
    Scenario s = scenario;
    s.growth.reset();
    s.candidates.clear();
    for (const std::string &id : ids) {
        Candidate c;
        c.chipId = id;
        c.count = 1;
        s.candidates.push_back(std::move(c));
    }
    return s;
}

// "940 k", "1.9 M", "3.9 B" parameters.
std::string paramsText(double p) {
    const auto in = [p](double unit, const char *name) {
        return units::formatNumber(p / unit, 2) + " " + name + " parameters";
    };
    if (p >= 1e9)
        return in(1e9, "B");
    if (p >= 1e6)
        return in(1e6, "M");
    return in(1e3, "k");
}

std::string sentence(const Crossover &c, const Catalog &catalog) {
    const std::string cpu = "one " + chipName(catalog, c.chips[0]);
    const std::string accelerator = "one " + chipName(catalog, c.chips[1]);
    const std::string verb = c.focus == Focus::training ? " trains" : " serves";
    std::string limit;
    if (c.acceleratorUpTo && *c.acceleratorUpTo < c.points.back().params)
        limit = " (one chip of it holds up to " + paramsText(*c.acceleratorUpTo) + ")";
    if (!c.fromParams)
        return "Up to " + paramsText(c.points.back().params) + ", " + cpu +
               " stays cheaper or faster than " + accelerator + limit +
               ": the move beyond the CPU does not pay for this workload in that range.";
    if (*c.fromParams <= c.points.front().params)
        return "From " + paramsText(c.points.front().params) + " up, " + accelerator + verb +
               " this model faster and cheaper than " + cpu + limit + ".";
    return "Above about " + paramsText(*c.fromParams) + ", " + accelerator + verb +
           " this model faster and cheaper than " + cpu + limit +
           "; below that the CPU holds its own.";
}

} // namespace

Workload scaledWorkload(const Workload &workload, double factor) {
    Workload w = workload;
    w.presetId.clear();
    if (TransformerShape *t = std::get_if<TransformerShape>(&w.shape)) {
        // Weights grow with the square of the width: widen by the square root, in whole heads.
        const double wider = std::sqrt(factor);
        const int headWidth =
            t->headDim > 0 ? t->headDim : std::max(1, t->hidden / std::max(1, t->heads));
        const int heads = std::max(1, int(std::lround(t->heads * wider)));
        const int kvGroups =
            t->kvHeads > 0 && t->heads % t->kvHeads == 0 ? t->heads / t->kvHeads : 1;
        t->heads = std::max(kvGroups, heads / kvGroups * kvGroups);
        t->kvHeads = t->kvHeads > 0 ? t->heads / kvGroups : 0;
        t->hidden = t->heads * headWidth;
        t->ffnHidden = widened(t->ffnHidden, wider, 64);
        t->moeFfnHidden = widened(t->moeFfnHidden, wider, 64);
        return w;
    }
    GenericShape &g = std::get<GenericShape>(w.shape);
    g.params *= factor;
    g.forwardFlopsPerSample = g.forwardFlopsPerSample * factor;
    g.activationBytesPerSample = g.activationBytesPerSample * factor;
    g.embeddingBytes = g.embeddingBytes * factor;
    g.inferenceFlopsPerSample = g.inferenceFlopsPerSample * factor;
    if (g.speech) {
        g.speech->params *= factor;
        g.speech->flopsPerToken = g.speech->flopsPerToken * factor;
        g.speech->crossValuesPerWindow *= std::sqrt(factor);
    }
    return w;
}

std::optional<Crossover> findCrossover(const Scenario &scenario, const Catalog &catalog,
                                       std::string *why) {
    const auto refuse = [why](std::string reason) -> std::optional<Crossover> {
        if (why)
            *why = std::move(reason);
        return std::nullopt;
    };
    // The best CPU and the best accelerator at the scenario's own size, by its goal.
    std::vector<std::string> ids;
    for (const Chip &chip : catalog.chips)
        ids.push_back(chip.id);
    const Scenario every = withChips(scenario, ids);
    const Evaluation all = evaluate(every, catalog);
    const Recommendation ranked = recommend(every, catalog, all);
    Crossover c;
    c.focus = ranked.focus;
    // Of each side, the best eligible chip; else, when targets or limits rule every one out,
    // the one that runs with the best figure the goal cares for.
    const bool byTime = ranked.objective == Objective::fastest ||
                        ranked.objective == Objective::lowestLatencyWithinBudget;
    const Score *best[2] = {nullptr, nullptr};
    const auto better = [byTime](const Score &a, const Score *b) {
        if (!b)
            return true;
        if (a.eligible() != b->eligible())
            return a.eligible();
        const auto key = [byTime](const Score &x) {
            return byTime ? x.time->value() : x.cost->value();
        };
        return a.eligible() ? false : key(a) < key(*b); // eligible ones come ranked
    };
    for (const Score &s : ranked.ranking) {
        const Chip *chip = catalog.findChip(all.results[s.result].chipId);
        if (!chip || !s.time || !s.cost)
            continue;
        const int side = chip->kind == ChipKind::cpu ? 0 : 1;
        if (better(s, best[side]))
            best[side] = &s;
    }
    if (!best[0])
        return refuse("no CPU of the catalog runs this scenario on one chip");
    if (!best[1])
        return refuse("no accelerator of the catalog runs this scenario on one chip");
    for (int side : {0, 1})
        c.chips[side] = all.results[best[side]->result].chipId;

    const Scenario pair = withChips(scenario, {c.chips[0], c.chips[1]});
    for (int k = -kOctaves; k <= kOctaves; ++k) {
        Scenario sized = pair;
        sized.workload =
            k == 0 ? scenario.workload : scaledWorkload(scenario.workload, std::ldexp(1.0, k));
        const Evaluation e = evaluate(sized, catalog);
        const Recommendation r = recommend(sized, catalog, e);
        CrossoverPoint p;
        p.params = parameterCount(sized.workload);
        p.ownSize = k == 0;
        for (const Score &s : r.ranking) {
            if (s.result > 1)
                continue;
            if (s.time)
                p.time[s.result] = s.time->value();
            if (s.cost)
                p.cost[s.result] = s.cost->value();
        }
        c.points.push_back(p);
    }
    std::sort(c.points.begin(), c.points.end(),
              [](const CrossoverPoint &a, const CrossoverPoint &b) { return a.params < b.params; });
    // Walk down from the largest size the accelerator runs while it wins on both counts.
    const auto runs = [](const CrossoverPoint &p) { return p.time[1] && p.cost[1]; };
    const auto wins = [](const CrossoverPoint &p) {
        return (!p.time[0] || *p.time[1] < *p.time[0]) && (!p.cost[0] || *p.cost[1] < *p.cost[0]);
    };
    for (auto it = c.points.rbegin(); it != c.points.rend(); ++it) {
        if (!runs(*it))
            continue;
        if (!c.acceleratorUpTo)
            c.acceleratorUpTo = it->params;
        if (!wins(*it))
            break;
        c.fromParams = it->params;
    }
    c.summary = sentence(c, catalog);
    return c;
}

} // namespace accelplan
