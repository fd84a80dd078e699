// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog_snapshot.h"

#include "catalog/catalog_rows.h"

#include <vector>

namespace accelplan::data {

bool readSnapshot(QSqlDatabase &db, CatalogSnapshot *s, QString *error) {
    std::vector<Chip> chips, shippedChips;
    std::vector<Offering> offerings, shippedOfferings;
    if (!rows::loadChips(db, std::nullopt, &chips, error) ||
        !rows::loadChips(db, std::nullopt, &shippedChips, error, rows::Table::shipped) ||
        !rows::loadOfferings(db, std::nullopt, &offerings, error) ||
        !rows::loadOfferings(db, std::nullopt, &shippedOfferings, error, rows::Table::shipped))
        return false;
    for (Chip &chip : chips)
        s->chips.emplace(chip.id, std::move(chip));
    for (Chip &chip : shippedChips)
        s->shippedChips.emplace(chip.id, std::move(chip));
    for (Offering &o : offerings)
        s->offerings.emplace(o.id(), std::move(o));
    for (Offering &o : shippedOfferings)
        s->shippedOfferings.emplace(o.id(), std::move(o));
    return true;
}

} // namespace accelplan::data
