// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The whole hardware catalog as plain values: what data/ loads from SQLite and core reads.

#include "hardware/chip.h"
#include "hardware/offering.h"

#include <string>
#include <string_view>
#include <vector>

namespace accelplan {

struct Catalog {
    std::string dataVersion; // e.g. "2026.11-1"
    std::vector<Chip> chips;
    std::vector<Offering> offerings;

    const Chip *findChip(std::string_view id) const;
    std::vector<const Offering *> offeringsFor(std::string_view chipId) const;
    const Offering *findOffering(std::string_view offeringId) const; // "provider/instance"
};

} // namespace accelplan
