// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A record of the user's catalog against its shipped version: which fields the user changed,
// what its provenance is, and the three-way merge that brings in a newer shipped version
// while keeping the user's changes. Field names are the files' keys ("memory_bytes",
// "peak_flops.fp8", "usd_per_hour.spot"); a chip's sources count as one field, "sources".

#include "hardware/catalog.h"

#include <QStringList>

#include <optional>

namespace accelplan::data {

QStringList changedFields(const Chip &mine, const Chip &shipped);
QStringList changedFields(const Offering &mine, const Offering &shipped);

// shipped when the record equals its shipped version, user-modified when it differs,
// user-added when there is none. The record's own provenance is not compared.
Provenance provenanceOf(const Chip &record, const std::optional<Chip> &shipped);
Provenance provenanceOf(const Offering &record, const std::optional<Offering> &shipped);

// Every field the user left as `oldShipped` had it takes `newShipped`'s value; every field the
// user changed keeps the user's value. The result's provenance is set against `newShipped`.
Chip mergeShipped(const Chip &mine, const Chip &oldShipped, const Chip &newShipped);
Offering mergeShipped(const Offering &mine, const Offering &oldShipped, const Offering &newShipped);

} // namespace accelplan::data
