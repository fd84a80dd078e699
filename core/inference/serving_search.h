// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Choosing how a candidate serves: for every replica layout, the batch the mode asks for
// (offline: the most that fits; latency: the given batch or 1; server: the most whose p99
// TTFT and TPOT meet the SLO, or the fewest that carry the requested rate), then the layout
// with the best throughput (latency mode: the lowest latency).

#include "inference/batch_metrics.h"
#include "inference/replica_layout.h"
#include "inference/serving_model.h"
#include "scenario/scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace accelplan {

struct ServingChoice {
    bool found = false; // a layout fits and runs
    ReplicaLayout layout;
    BatchMetrics metrics;
    std::vector<std::string> problems; // in words; empty when the choice meets everything asked
    // Server mode: the most requests a second the chosen fleet carries within the SLO.
    std::optional<double> capacity;
};

ServingChoice chooseServing(const ServingModel &model, const InferenceSettings &settings,
                            const std::vector<ReplicaLayout> &layouts);

// Whether `m` meets the SLO at its p99 (the model predicts means; see ServerLoad).
bool meetsSlo(const BatchMetrics &m, const Slo &slo);

} // namespace accelplan
