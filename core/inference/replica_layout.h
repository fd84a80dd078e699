// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a candidate's chips serve: identical replicas, each split tp-way by tensor parallelism
// (inside a layer) and pp-way by pipeline parallelism (layers in stages).

#include "hardware/chip.h"
#include "scenario/scenario.h"

#include <vector>

namespace accelplan {

struct ReplicaLayout {
    int tp = 1;
    int pp = 1;
    int replicas = 1;
    int chipsPerReplica() const { return tp * pp; }
    bool operator==(const ReplicaLayout &) const = default;
};

// Every layout of `chips` chips the request allows: tp × pp × replicas == chips, pp no larger
// than `layers`, the chips of a replica linked (one scale-up domain, or a known network). Pinned
// tp, pp or dp are kept.
std::vector<ReplicaLayout> replicaLayouts(int chips, int layers, const Chip &chip,
                                          const ParallelismRequest &pinned);

} // namespace accelplan
