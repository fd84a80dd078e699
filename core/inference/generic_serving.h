// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Serving a network described by its totals (CNN, recommender, diffusion): a batch of samples
// takes the larger of its work at the compute rate and its weights at memory bandwidth, plus a
// fixed cost per batch. Every chip holds a copy when the network fits;
// otherwise a group of chips shares one copy (recommenders' embedding tables). A speech model
// (Whisper) runs its encoder over the request's audio windows, then decodes its text a token
// at a time, each step reading the decoder's weights and the encoder's keys and values.

#include "evaluation/result.h"
#include "hardware/chip.h"
#include "inference/serving_search.h"
#include "scenario/scenario.h"
#include "workload/model.h"

#include <optional>

namespace accelplan {

// Speech: a request's latency over the seconds of audio it carries (below 1 keeps up with
// live speech); empty for every other workload.
std::optional<double> realTimeFactor(const InferenceResult &result, const Workload &workload,
                                     const InferenceSettings &settings);

ServingChoice chooseGenericServing(const GenericShape &shape, const InferenceSettings &settings,
                                   const Chip &chip, int chips);

} // namespace accelplan
