// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The trade the UI plots: as the batch grows, throughput per chip rises and each user's speed
// falls. One point per batch size on the layout the scenario's mode chooses, from one request
// up to the most that fit.

#include "hardware/chip.h"
#include "inference/replica_layout.h"
#include "scenario/scenario.h"
#include "units/quantities.h"
#include "workload/model.h"

#include <vector>

namespace accelplan {

struct CurvePoint {
    int batch = 0; // requests in flight on the whole candidate
    units::Seconds ttft = units::seconds(0);
    units::Seconds tpot = units::seconds(0);    // 0 for networks without decode steps
    units::Seconds latency = units::seconds(0); // one request (generic networks: one batch)
    // What one user sees: output tokens per second of one request (generic networks: one
    // over the batch latency, in samples per second).
    double perUserRate = 0;
    double tokensPerSecondPerChip = 0;  // output tokens (generic networks: 0)
    double samplesPerSecondPerChip = 0; // requests completed
    bool meetsSlo = true;               // the scenario's SLO at p99, when it has one
};

struct ThroughputLatencyCurve {
    ReplicaLayout layout;
    std::vector<CurvePoint> points; // batch ascending
};

// Empty points when the workload cannot be served on the candidate at all.
ThroughputLatencyCurve throughputLatencyCurve(const Workload &workload,
                                              const InferenceSettings &settings, const Chip &chip,
                                              const Candidate &candidate);

} // namespace accelplan
