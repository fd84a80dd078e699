// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The user's records and their shipped versions, read at once inside a write transaction, by
// id: what an import and a seed merge compare against.

#include "hardware/catalog.h"

#include <QSqlDatabase>
#include <QString>

#include <map>
#include <optional>
#include <string>

namespace accelplan::data {

template <class Record> using ById = std::map<std::string, Record>;

struct CatalogSnapshot {
    ById<Chip> chips, shippedChips;
    ById<Offering> offerings, shippedOfferings; // by "provider/instance"
};

bool readSnapshot(QSqlDatabase &db, CatalogSnapshot *snapshot, QString *error);

template <class Record>
std::optional<Record> findById(const ById<Record> &records, const std::string &id) {
    const auto it = records.find(id);
    return it == records.end() ? std::nullopt : std::optional<Record>(it->second);
}

} // namespace accelplan::data
