// SPDX-License-Identifier: GPL-3.0-or-later
// CatalogStore::mergeSeed(): a newer shipped catalog into the user's, keeping the user's edits.
// A three-way merge per record: the shipped version the user started from (shipped_* tables),
// the user's version, and the newer shipped one.

#include "catalog/catalog_store.h"

#include "catalog/catalog_diff.h"
#include "catalog/catalog_rows.h"
#include "catalog/catalog_snapshot.h"
#include "catalog/sqlite_file.h"
#include "catalog/write_transaction.h"
#include "support/qt_text.h"

#include <QDir>
#include <QRegularExpression>

namespace accelplan::data {
namespace {

// How one record of the newer seed is merged. `write(record, exists)` stores a user record.
template <class Record, class Write>
bool mergeRecord(const Record &theirs, const std::optional<Record> &base,
                 const std::optional<Record> &mine, Write write, CatalogStore::SeedMergeResult *r) {
    if (!mine) {
        if (base) {
            ++r->keptDeleted; // the user deleted it: it stays deleted
            return true;
        }
        ++r->added;
        return write(theirs, false);
    }
    Record merged;
    if (base) {
        merged = mergeShipped(*mine, *base, theirs);
        if (merged.provenance == Provenance::userModified)
            ++r->keptEdits;
    } else {
        // The user made a record of this id before it was shipped: theirs stays.
        merged = *mine;
        merged.provenance = provenanceOf(merged, theirs);
        if (merged.provenance == Provenance::userModified)
            ++r->keptEdits;
    }
    if (merged == *mine)
        return true;
    if (merged.provenance == Provenance::shipped)
        ++r->updated;
    return write(merged, true);
}

} // namespace

CatalogStore::SeedMergeResult CatalogStore::mergeSeed(const Catalog &seed) {
    SeedMergeResult result;
    QString why;
    if (!checkWritable(&result.error))
        return result;
    QSqlDatabase db = database();

    // Backed up first, named after the data version it holds.
    const QString oldVersion = dataVersion();
    QString tag = QStringLiteral("data-%1").arg(oldVersion.isEmpty() ? QStringLiteral("unknown")
                                                                     : oldVersion);
    tag.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    // A team catalog's server keeps its own backups; the merge is one transaction there too.
    if (!server_)
        result.backupPath = sqlite::backupPathFor(path_, tag);
    if (!server_ && !sqlite::backup(db, result.backupPath, &why)) {
        result.error = located(
            QStringLiteral("cannot back up the catalog to %1 before merging "
                           "the shipped catalog %2: %3; nothing was changed")
                .arg(QDir::toNativeSeparators(result.backupPath), qs(seed.dataVersion), why));
        result.backupPath.clear();
        return result;
    }

    WriteTransaction transaction(db);
    CatalogSnapshot now;
    bool ok = transaction.begin(&why) && readSnapshot(db, &now, &why);
    for (const Chip &theirs : seed.chips) {
        if (!ok)
            break;
        ok = mergeRecord(
            theirs, findById(now.shippedChips, theirs.id), findById(now.chips, theirs.id),
            [&](const Chip &c, bool exists) {
                if (exists)
                    return rows::updateChip(db, c, &why);
                now.chips.emplace(c.id, c); // its offerings may come in below
                return rows::insertChip(db, c, &why);
            },
            &result);
    }
    for (const Offering &theirs : seed.offerings) {
        if (!ok)
            break;
        const auto mine = findById(now.offerings, theirs.id());
        if (!mine && !now.chips.contains(theirs.chipId)) {
            ++result.keptDeleted; // the user deleted its chip
            continue;
        }
        ok = mergeRecord(
            theirs, findById(now.shippedOfferings, theirs.id()), mine,
            [&](const Offering &o, bool exists) {
                return exists ? rows::updateOffering(db, o, &why)
                              : rows::insertOffering(db, o, &why);
            },
            &result);
    }
    // The newer seed is the shipped version from now on; records it no longer ships keep their
    // old shipped version (the user's copies stay as they are).
    for (const Chip &theirs : seed.chips) {
        if (!ok)
            break;
        ok = now.shippedChips.contains(theirs.id)
                 ? rows::updateChip(db, theirs, &why, rows::Table::shipped)
                 : rows::insertChip(db, theirs, &why, rows::Table::shipped);
    }
    for (const Offering &theirs : seed.offerings) {
        if (!ok)
            break;
        ok = now.shippedOfferings.contains(theirs.id())
                 ? rows::updateOffering(db, theirs, &why, rows::Table::shipped)
                 : rows::insertOffering(db, theirs, &why, rows::Table::shipped);
    }
    ok = ok &&
         rows::setMeta(db, QLatin1String(rows::kDataVersionKey), qs(seed.dataVersion), &why) &&
         transaction.commit(&why);
    if (!ok) {
        const QString backup = result.backupPath;
        result = SeedMergeResult{};
        result.backupPath = backup;
        result.error = located(QStringLiteral("cannot merge the shipped catalog %1: %2; nothing "
                                              "was changed")
                                   .arg(qs(seed.dataVersion), why));
        return result;
    }
    result.ok = true;
    return result;
}

int compareDataVersions(const QString &a, const QString &b) {
    static const QRegularExpression number(QStringLiteral("\\d+"));
    auto numbers = [](const QString &v) {
        QList<qlonglong> out;
        for (auto it = number.globalMatch(v); it.hasNext();)
            out << it.next().captured().toLongLong();
        return out;
    };
    const QList<qlonglong> x = numbers(a), y = numbers(b);
    for (qsizetype i = 0; i < std::max(x.size(), y.size()); ++i) {
        const qlonglong p = i < x.size() ? x[i] : -1;
        const qlonglong q = i < y.size() ? y[i] : -1;
        if (p != q)
            return p < q ? -1 : 1;
    }
    return 0;
}

} // namespace accelplan::data
