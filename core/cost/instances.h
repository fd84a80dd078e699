// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Clouds rent instances, not chips: a candidate pays for whole instances.

namespace accelplan {

struct InstanceCount {
    int instances = 0;
    int billedChips = 0; // instances times chips per instance: what the bill counts
    bool operator==(const InstanceCount &) const = default;
};

// The fewest whole instances holding `chips` (12 chips on 8-chip instances: 2 instances, 16
// chips billed). A chip count below one needs no instance.
InstanceCount instancesFor(int chips, int chipsPerInstance);

} // namespace accelplan
