// SPDX-License-Identifier: GPL-3.0-or-later
#include "cost/instances.h"

#include <algorithm>

namespace accelplan {

InstanceCount instancesFor(int chips, int chipsPerInstance) {
    if (chips <= 0)
        return {};
    // A catalog row always has at least one chip per instance; guard against division by zero.
    const int perInstance = std::max(chipsPerInstance, 1);
    const int instances = (chips + perInstance - 1) / perInstance;
    return {instances, instances * perInstance};
}

} // namespace accelplan
