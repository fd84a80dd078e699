// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/replica_layout.h"

#include "inference/tensor_parallel_comm.h"

namespace accelplan {

std::vector<ReplicaLayout> replicaLayouts(int chips, int layers, const Chip &chip,
                                          const ParallelismRequest &pinned) {
    std::vector<ReplicaLayout> out;
    for (int tp = 1; tp <= chips; ++tp) {
        if (chips % tp != 0 || (pinned.tp && *pinned.tp != tp) || !groupIsLinked(chip, tp))
            continue;
        for (int pp = 1; pp * tp <= chips && pp <= std::max(1, layers); ++pp) {
            if ((chips / tp) % pp != 0 || (pinned.pp && *pinned.pp != pp) ||
                !groupIsLinked(chip, tp * pp))
                continue;
            const int replicas = chips / (tp * pp);
            if (pinned.dp && *pinned.dp != replicas)
                continue;
            out.push_back({tp, pp, replicas});
        }
    }
    return out;
}

} // namespace accelplan
