// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything the workspace shows about one scenario, computed in one place so that the window,
// the charts and the PDF report draw the very same numbers: the evaluation, the recommendation,
// the serving curves, the same candidates at other chip counts, what moves the answer most and
// the growth plan. Pure C++ (no Qt), so it can run on any thread.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "inference/latency_curve.h"
#include "plan/growth.h"
#include "plan/recommend.h"
#include "plan/sensitivity.h"
#include "scenario/scenario.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace accelplan::ui {

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
    Scenario scenario;
    Evaluation evaluation;
    Recommendation recommendation;
    // One per candidate, in the scenario's order; empty points without inference.
    std::vector<ThroughputLatencyCurve> curves;
    // One per candidate when the scenario trains; filled by addCountSweeps().
    std::vector<CountSweep> sweeps;
    bool sweepsDone = false;
    // What moves the answer of one candidate (the winner, else the first that runs) most;
    // filled by addSensitivityAndGrowth(), empty when no candidate runs.
    std::optional<Sensitivity> sensitivity;
    std::size_t sensitivityCandidate = 0;
    // One per candidate when the scenario has a growth plan and serves; same function.
    std::vector<GrowthOutcome> growth;

    const Chip *chipOf(std::size_t candidate) const;
};

// The evaluation, the recommendation and the serving curves: the fast part.
Analysis analyze(const Scenario &scenario, std::shared_ptr<const Catalog> catalog);

// The chip counts a sweep tries around `count`: quarters to fourfold in powers of two.
std::vector<int> sweepCounts(int count);

// Trains every candidate at sweepCounts() of its count: the slower part, done after analyze()
// so that the first charts appear at once.
void addCountSweeps(Analysis &analysis);

// The sensitivity of the recommended candidate and, with a growth plan, each candidate's fleet
// month by month; slower than the sweeps' share, so done with them.
void addSensitivityAndGrowth(Analysis &analysis);

// Every part, for callers that wait anyway (the PDF report, tests).
Analysis analyzeFully(const Scenario &scenario, std::shared_ptr<const Catalog> catalog);

} // namespace accelplan::ui
