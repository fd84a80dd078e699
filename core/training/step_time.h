// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One parallel layout on one setup: the time of a training step, by part, and the memory each
// chip needs, by what it holds. Cheap (no allocation, a few dozen operations) so that the
// search can evaluate millions of layouts per second.

#include "evaluation/result.h"
#include "training/training_setup.h"

namespace accelplan::training {

struct StepTimeEstimate {
    bool valid = false; // the layout is possible at all (sizes divide, batch is enough)
    units::Seconds stepTime = units::seconds(0);
    StepTimeParts parts;
    MemoryBreakdown memory; // per chip, on the fullest stage
    bool fits = false;      // memory.total() within the chip's memory
    int microbatches = 0;   // per step and data-parallel rank
};

// Which layers full recompute covers: all of them (what a user who asks for it means), or
// only as many as it takes to fit, the rest keeping their selective set (Megatron-LM's
// block recompute; what the search uses when the policy is left open).
enum class RecomputeScope { allLayers, asNeeded };

// `layout` must have dp x tp x pp x cp == setup.count; anything else is not valid.
StepTimeEstimate estimateStepTime(const Setup &setup, const Parallelism &layout,
                                  RecomputeScope scope = RecomputeScope::allLayers);

// Memory per chip alone (the first half of estimateStepTime).
MemoryBreakdown memoryPerChip(const Setup &setup, const Parallelism &layout,
                              RecomputeScope scope = RecomputeScope::allLayers);

} // namespace accelplan::training
