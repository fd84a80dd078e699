// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Serving a network described by its totals (CNN, recommender, diffusion): a batch of samples
// takes the larger of its work at the compute rate and its weights at memory bandwidth, plus a
// fixed cost per batch. Every chip holds a copy when the network fits;
// otherwise a group of chips shares one copy (recommenders' embedding tables).

#include "hardware/chip.h"
#include "inference/serving_search.h"
#include "scenario/scenario.h"
#include "workload/model.h"

namespace accelplan {

ServingChoice chooseGenericServing(const GenericShape &shape, const InferenceSettings &settings,
                                   const Chip &chip, int chips);

} // namespace accelplan
