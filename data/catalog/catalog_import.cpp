// SPDX-License-Identifier: GPL-3.0-or-later
// CatalogStore::importCatalog(): a whole catalog file into the user's catalog, all or nothing.

#include "catalog/catalog_store.h"

#include "catalog/catalog_diff.h"
#include "catalog/catalog_rows.h"
#include "catalog/catalog_snapshot.h"
#include "catalog/write_transaction.h"

#include <QSqlDatabase>

#include <set>

namespace accelplan::data {
namespace {

// The incoming records with their provenance against the shipped ones (a file's own
// provenance says what it was where it came from, not what it is here).
Catalog withProvenance(const Catalog &incoming, const CatalogSnapshot &s) {
    Catalog out = incoming;
    for (Chip &chip : out.chips)
        chip.provenance = provenanceOf(chip, findById(s.shippedChips, chip.id));
    for (Offering &o : out.offerings)
        o.provenance = provenanceOf(o, findById(s.shippedOfferings, o.id()));
    return out;
}

} // namespace

CatalogStore::ImportResult
CatalogStore::importCatalog(const Catalog &incomingFile, ImportMode mode,
                            const std::function<QString(const ValidationProblem &)> &locate) {
    ImportResult result;
    QString why;
    if (!checkWritable(&why)) {
        result.problems << why;
        return result;
    }
    QSqlDatabase db = database();
    WriteTransaction transaction(db);
    CatalogSnapshot now;
    if (!transaction.begin(&why) || !readSnapshot(db, &now, &why)) {
        result.problems << located(why + QStringLiteral("; nothing was imported"));
        return result;
    }
    const Catalog incoming = withProvenance(incomingFile, now);

    // The rules over the file's records; when merging, the catalog's other chips count too (an
    // offering may name one), but their own problems are not the file's.
    Catalog checked = incoming;
    std::set<std::string> incomingChips;
    for (const Chip &chip : incoming.chips)
        incomingChips.insert(chip.id);
    if (mode == ImportMode::merge) {
        for (const auto &[id, chip] : now.chips)
            if (!incomingChips.contains(id))
                checked.chips.push_back(chip);
    }
    for (const ValidationProblem &p : validateCatalog(checked)) {
        if (p.record == ValidationProblem::Record::chip && p.index >= incoming.chips.size())
            continue;
        result.problems << locate(p);
    }
    if (!result.problems.isEmpty())
        return result;

    bool ok = true;
    if (mode == ImportMode::replace) {
        std::set<std::string> incomingOfferings;
        for (const Offering &o : incoming.offerings)
            incomingOfferings.insert(o.id());
        for (auto it = now.chips.begin(); ok && it != now.chips.end();) {
            if (incomingChips.contains(it->first)) {
                ++it;
                continue;
            }
            ok = rows::deleteChip(db, it->first, &why);
            ++result.chipsRemoved;
            // Its offerings went along with it.
            std::erase_if(now.offerings, [&](const auto &entry) {
                const bool gone = entry.second.chipId == it->first;
                result.offeringsRemoved += gone && !incomingOfferings.contains(entry.first);
                return gone;
            });
            it = now.chips.erase(it);
        }
        for (auto it = now.offerings.begin(); ok && it != now.offerings.end();) {
            if (incomingOfferings.contains(it->first)) {
                ++it;
                continue;
            }
            ok = rows::deleteOffering(db, it->second.provider, it->second.instance, &why);
            ++result.offeringsRemoved;
            it = now.offerings.erase(it);
        }
    }
    for (const Chip &chip : incoming.chips) {
        if (!ok)
            break;
        const auto existing = findById(now.chips, chip.id);
        if (existing && *existing == chip)
            continue;
        ok = existing ? rows::updateChip(db, chip, &why) : rows::insertChip(db, chip, &why);
        ++(existing ? result.chipsChanged : result.chipsAdded);
    }
    for (const Offering &o : incoming.offerings) {
        if (!ok)
            break;
        const auto existing = findById(now.offerings, o.id());
        if (existing && *existing == o)
            continue;
        ok = existing ? rows::updateOffering(db, o, &why) : rows::insertOffering(db, o, &why);
        ++(existing ? result.offeringsChanged : result.offeringsAdded);
    }
    if (!ok || !transaction.commit(&why)) {
        result = ImportResult{};
        result.problems << located(why + QStringLiteral("; nothing was imported"));
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace accelplan::data
