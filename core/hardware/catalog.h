// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The whole hardware catalog as plain values: what data/ loads from SQLite and core reads.

#include "hardware/chip.h"
#include "hardware/offering.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace accelplan {

struct Catalog {
    std::string dataVersion; // e.g. "2026.11-1"
    std::vector<Chip> chips;
    std::vector<Offering> offerings;
    // For each record the user changed (a chip's id, an offering's "provider/instance"): the
    // fields that differ from its shipped version, as the files name them ("memory_bytes",
    // "usd_per_hour.spot"). Filled by the store that loads the catalog; empty otherwise.
    std::map<std::string, std::vector<std::string>> changedFields;

    const Chip *findChip(std::string_view id) const;
    std::vector<const Offering *> offeringsFor(std::string_view chipId) const;
    const Offering *findOffering(std::string_view offeringId) const; // "provider/instance"
};

} // namespace accelplan
