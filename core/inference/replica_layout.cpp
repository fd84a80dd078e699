// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/replica_layout.h"

#include "inference/tensor_parallel_comm.h"

#include <algorithm>
#include <cstdint>

namespace accelplan {
namespace {

// The divisors of n >= 1 in increasing order, found up to its square root: a count near
// INT_MAX has at most a few thousand, where trying every integer took seconds (and i * i
// overflowed an int).
std::vector<int> divisorsOf(int n) {
    std::vector<int> small, large;
    for (std::int64_t i = 1; i * i <= n; ++i) {
        if (n % i != 0)
            continue;
        small.push_back(int(i));
        if (i * i != n)
            large.push_back(int(n / i));
    }
    small.insert(small.end(), large.rbegin(), large.rend());
    return small;
}

} // namespace

std::vector<ReplicaLayout> replicaLayouts(int chips, int layers, const Chip &chip,
                                          const ParallelismRequest &pinned) {
    std::vector<ReplicaLayout> out;
    if (chips < 1)
        return out;
    const int maxStages = std::max(1, layers);
    for (const int tp : divisorsOf(chips)) {
        if ((pinned.tp && *pinned.tp != tp) || !groupIsLinked(chip, tp))
            continue;
        for (const int pp : divisorsOf(chips / tp)) {
            if (pp > maxStages)
                break;
            if ((pinned.pp && *pinned.pp != pp) || !groupIsLinked(chip, tp * pp))
                continue;
            const int replicas = chips / tp / pp;
            if (pinned.dp && *pinned.dp != replicas)
                continue;
            out.push_back({tp, pp, replicas});
        }
    }
    return out;
}

} // namespace accelplan
