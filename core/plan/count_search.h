// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How many chips of one kind a scenario should use: `accelplan-cli compare` evaluates each chip
// at the best count up to a limit, found by search.
//
// "Best" follows the scenario's goal (plan/recommend.h) on its focus (training: time to train
// and the run's cost; inference: request latency and cost per million tokens):
// - cheapest: the least cost; among counts within kCostTolerance of it, the fastest. Training
//   cost barely moves while the work scales, so this is the largest run that costs no more
//   than the cheapest, not a run on a handful of chips that takes years.
// - fastest: the least time.
// - cheapest within a deadline: the cheapest count that meets the deadline, else the fastest.
// - lowest latency within a budget: the fastest count within the budget, else the cheapest.
// Times within kTimeTolerance count as equal, and then fewer chips win. A count "runs" when
// its focus fits and, in server mode, meets the SLO and carries the requested rate. Serving at
// a request rate, the count is the fewest chips that run (whole instances being billed, more
// chips can cost the same; the fleet is what the rate needs). A chip
// without a price is judged by its chip time (chip-hours per run, chip-seconds per million
// tokens), which is what a price would multiply.
//
// The search (a run's cost and time change slowly and smoothly with scale): when the limit's
// largest power of two runs, bisect for the fewest chips that run, climb from there by 4x
// until more chips stop paying, then try half and double the best; otherwise climb from one
// chip by doubling. Last, 3/2 of the best when its double cost too much.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "plan/chip_filter.h"
#include "scenario/scenario.h"

#include <span>
#include <vector>

namespace accelplan {

inline constexpr int kDefaultMaxChips = 4096;
inline constexpr double kCostTolerance = 0.05;
inline constexpr double kTimeTolerance = 0.01;

// Whether a serving result does what the settings ask: it fits and, in server mode (for a
// transformer), meets the SLO at its p99 and carries the requested rate.
bool servesAsAsked(const InferenceResult &result, const InferenceSettings &settings,
                   const Workload &workload);

// `base` (its chip, offering and pinned layout) at the best count from 1 to `maxChips`. When
// no count runs: the result at `maxChips`, whose problems say what stops it even there.
CandidateResult searchBestCount(const Scenario &scenario, const Catalog &catalog,
                                const Candidate &base, int maxChips = kDefaultMaxChips);

// One candidate per chip of the catalog, in the catalog's order, no offering, nothing pinned;
// when the scenario trains and serves, one per chip and half (role training, then serving; a
// chip that cannot train, serving only). Only the chips `filter` matches.
std::vector<Candidate> everyChip(const Catalog &catalog, const Scenario &scenario,
                                 const ChipFilter &filter = {});

// Each base at its best count: the evaluation `compare` prints.
Evaluation compareAtBestCounts(const Scenario &scenario, const Catalog &catalog,
                               std::span<const Candidate> bases, int maxChips = kDefaultMaxChips);

} // namespace accelplan
