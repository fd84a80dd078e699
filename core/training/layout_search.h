// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The search for the fastest parallel layout that fits: data, tensor, pipeline, context and
// expert parallelism, ZeRO stage, micro-batch size and recompute, within what the scenario
// pins.

#include "scenario/scenario.h"
#include "training/step_time.h"
#include "training/training_setup.h"

#include <optional>
#include <vector>

namespace accelplan::training {

struct LayoutChoice {
    Parallelism layout;
    StepTimeEstimate estimate;
};

struct SearchResult {
    std::optional<LayoutChoice> best;    // the fastest layout that fits
    std::vector<LayoutChoice> runnerUps; // the fastest of other shapes (dp/tp/pp/cp/ep), best first
    std::optional<LayoutChoice> leanest; // when nothing fits: the layout needing least memory
    long evaluated = 0;                  // layouts estimated
};

// `recompute` is the scenario's policy (automatic searches none, selective and full); a
// policy in `request` wins over it.
SearchResult searchLayouts(const Setup &setup, const ParallelismRequest &request,
                           Recompute recompute, int runnerUps = 4);

} // namespace accelplan::training
