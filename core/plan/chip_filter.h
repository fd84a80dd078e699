// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which catalog chips "compare every chip" tries: by kind, vendor, class, software ecosystem
// and cloud provider, each empty for any. The app's Compare Every Chip window and
// `accelplan-cli compare --all-chips` take the same filter.

#include "hardware/catalog.h"
#include "scenario/scenario.h"

#include <optional>
#include <string>

namespace accelplan {

struct ChipFilter {
    std::optional<ChipKind> kind = {};
    // As the catalog spells it, case aside; "NVIDIA" also matches "NVIDIA (Mellanox)".
    std::string vendor = {};
    std::optional<ChipClass> chipClass = {};
    std::optional<Ecosystem> ecosystem = {}; // plan/ecosystem.h
    std::string provider = {}; // a chip some offering of this provider rents ("aws", "gcp", ...)

    bool any() const {
        return !kind && vendor.empty() && !chipClass && !ecosystem && provider.empty();
    }
};

bool matches(const ChipFilter &filter, const Chip &chip, const Catalog &catalog);

} // namespace accelplan
