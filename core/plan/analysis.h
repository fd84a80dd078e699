// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one front door: everything any surface shows about one scenario (the CLI's result
// document, the workspace's numbers and charts, the PDF report), computed here and nowhere
// else, so that no two of them can disagree. The evaluation, the recommendation, the serving
// curves, the same candidates at other chip counts, what moves the answer most and the growth
// plan. Pure and reentrant: the app runs it off the UI thread.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "inference/latency_curve.h"
#include "plan/crossover.h"
#include "plan/growth.h"
#include "plan/recommend.h"
#include "plan/sensitivity.h"
#include "scenario/scenario.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace accelplan {

// One candidate's chip at one count, trained: what the scaling and cost-time charts plot.
struct CountPoint {
    int count = 0;
    bool fits = false;
    Ranged<units::Seconds> timeToTrain; // zero when it does not fit
    std::optional<units::Dollars> cost; // the run, when the chip can be priced
};

// The candidate at its own count and at neighbouring counts, ascending.
struct CountSweep {
    std::size_t candidate = 0; // position in Scenario::candidates
    std::vector<CountPoint> points;
};

struct Analysis {
    std::shared_ptr<const Catalog> catalog;
    // The scenario as evaluated: its candidates are the results' (for compare, each chip at its
    // best count), one per result, in the same order.
    Scenario scenario;
    Evaluation evaluation;
    Recommendation recommendation;
    // One per candidate, in the scenario's order; empty points without inference or before
    // addCurves() (compare's analysis has none: no surface draws them for every chip).
    std::vector<ThroughputLatencyCurve> curves;
    // One per candidate when the scenario trains; filled by addCountSweeps().
    std::vector<CountSweep> sweeps;
    bool sweepsDone = false;
    // What moves the answer of one result (the winner, else the first ranked one that has a
    // time) most; filled by addSensitivityAndGrowth(), empty when no candidate runs.
    std::optional<Sensitivity> sensitivity;
    std::size_t sensitivityResult = 0; // the result it belongs to, when there is one
    // One per candidate when the scenario has a growth plan and serves; same function.
    std::vector<GrowthOutcome> growth;
    // Where the best accelerator overtakes the best CPU as the model grows; same function.
    std::optional<Crossover> crossover;
    std::string crossoverWhy; // why there is none, when there is none

    const Chip *chipOf(std::size_t candidate) const;
};

// The scenario with each candidate of kBestCount at the count the count search prefers for its
// goal (plan/count_search.h); serving at a request rate, the fewest chips that carry it within
// the SLO. When no count runs it: the search's limit, whose problems say why.
Scenario withBestCounts(const Scenario &scenario, const Catalog &catalog);

// The evaluation of the scenario's candidates (their best counts found first), the
// recommendation and the serving curves: the fast part.
Analysis analyze(const Scenario &scenario, std::shared_ptr<const Catalog> catalog);

// The recommendation for an evaluation made elsewhere (compare's chips at their best counts):
// the analysis's candidates become the results' chip, count and offering. No curves.
Analysis analyzeEvaluation(const Scenario &scenario, std::shared_ptr<const Catalog> catalog,
                           Evaluation evaluation);

// Each candidate's throughput against latency, for the serving chart.
void addCurves(Analysis &analysis);

// The chip counts a sweep tries around `count`: quarters to fourfold in powers of two.
std::vector<int> sweepCounts(int count);

// Trains every candidate at sweepCounts() of its count: the slower part, done after analyze()
// so that the first charts appear at once.
void addCountSweeps(Analysis &analysis);

// The sensitivity of the recommended result, with a growth plan each candidate's fleet month
// by month, and the move beyond the CPU.
void addSensitivityAndGrowth(Analysis &analysis);

// Every part, for callers that wait anyway (the PDF report, tests).
Analysis analyzeFully(const Scenario &scenario, std::shared_ptr<const Catalog> catalog);

} // namespace accelplan
