// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Disaggregated serving: prompts are prefilled on one pool of chips and answers decoded on
// another, each pool with its own layout and batch. For a given input and output length the
// two pools balance when they complete requests at the same rate; this finds the split of a
// chip budget that does so.

#include "hardware/chip.h"
#include "inference/replica_layout.h"
#include "scenario/scenario.h"
#include "workload/model.h"

#include <optional>

namespace accelplan {

struct PoolSplit {
    int prefillChips = 0;
    int decodeChips = 0;
    ReplicaLayout prefillLayout; // of the prefill pool's replicas
    ReplicaLayout decodeLayout;
    double prefillRequestsPerSecondPerChip = 0;
    double decodeRequestsPerSecondPerChip = 0;
    double requestsPerSecond = 0; // what the two pools together sustain: the slower one's rate
};

// Splits `chips` chips of `chip` between the two pools serving `shape` at `settings` (the
// mode and SLO apply to each pool: TTFT to the prefill pool, TPOT to the decode pool).
// Empty when a pool cannot serve at all (the model does not fit the chips, or there are
// fewer than two). `settings.beams` is taken as given (see inference/decoding.h).
std::optional<PoolSplit> balancedPools(const TransformerShape &shape,
                                       const InferenceSettings &settings, const Chip &chip,
                                       int chips);

} // namespace accelplan
