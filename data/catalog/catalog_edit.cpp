// SPDX-License-Identifier: GPL-3.0-or-later
// CatalogStore's single-record writes: save and delete chips, offerings and sources, and reset
// records to their shipped values. See catalog_store.h for the promises.

#include "catalog/catalog_store.h"

#include "catalog/catalog_diff.h"
#include "catalog/catalog_rows.h"
#include "catalog/write_transaction.h"
#include "support/qt_text.h"

#include <QSqlDatabase>

#include <functional>
#include <set>

namespace accelplan::data {
namespace {

// Runs `body` in one write transaction. `body` adds its problems to the list and returns
// false to roll back.
bool inTransaction(QSqlDatabase db, QStringList *problems,
                   const std::function<bool(QStringList *)> &body) {
    WriteTransaction transaction(db);
    QString why;
    if (!transaction.begin(&why)) {
        *problems << why;
        return false;
    }
    if (!body(problems))
        return false;
    if (!transaction.commit(&why)) {
        *problems << why;
        return false;
    }
    return true;
}

// Is the record still as the caller read it? `current` is its revision now (empty: absent).
bool unchangedSinceRead(const QString &what, std::optional<qint64> expected,
                        std::optional<qint64> current, QStringList *problems) {
    if (!expected || *expected == current.value_or(CatalogStore::kAbsent))
        return true;
    if (*expected == CatalogStore::kAbsent)
        *problems << QStringLiteral("%1 was added by another program meanwhile").arg(what);
    else if (!current)
        *problems
            << QStringLiteral("%1 was deleted by another program since it was read").arg(what);
    else
        *problems << QStringLiteral("%1 was changed by another program since it was read "
                                    "(revision %2, now %3): reload it and make the change again")
                         .arg(what)
                         .arg(*expected)
                         .arg(*current);
    return false;
}

void addRuleProblems(const std::vector<ValidationProblem> &broken, QStringList *problems) {
    for (const ValidationProblem &p : broken)
        *problems << qs(p.describe());
}

// Joins the problems into `error`, one line each, naming the file and saying nothing changed.
bool fail(const QString &file, const QStringList &problems, QString *error) {
    QStringList lines;
    for (const QString &p : problems)
        lines << QStringLiteral("%1: %2").arg(file, p);
    if (lines.isEmpty())
        lines << QStringLiteral("%1: the write failed").arg(file);
    lines.last() += QStringLiteral("; nothing was changed");
    *error = lines.join(u'\n');
    return false;
}

} // namespace

bool CatalogStore::saveChip(const Chip &input, QString *error,
                            std::optional<qint64> expectedRevision) {
    if (!checkWritable(error))
        return false;
    QSqlDatabase db = database();
    QStringList problems;
    const bool ok = inTransaction(db, &problems, [&](QStringList *out) {
        const QString what = QStringLiteral("chip %1").arg(qs(input.id));
        QString why;
        const auto current = rows::chipRevision(db, input.id, &why);
        std::vector<Chip> shipped;
        if (!why.isEmpty() ||
            !rows::loadChips(db, input.id, &shipped, &why, rows::Table::shipped)) {
            *out << why;
            return false;
        }
        if (!unchangedSinceRead(what, expectedRevision, current, out))
            return false;
        Chip chip = input;
        chip.provenance = provenanceOf(
            chip, shipped.empty() ? std::nullopt : std::optional<Chip>(shipped.front()));
        addRuleProblems(validateChip(chip), out);
        if (!out->isEmpty())
            return false;
        const bool written =
            current ? rows::updateChip(db, chip, &why) : rows::insertChip(db, chip, &why);
        if (!written)
            *out << why;
        return written;
    });
    return ok || fail(nativePath(), problems, error);
}

bool CatalogStore::deleteChip(const std::string &id, QString *error,
                              std::optional<qint64> expectedRevision) {
    if (!checkWritable(error))
        return false;
    QSqlDatabase db = database();
    QStringList problems;
    const bool ok = inTransaction(db, &problems, [&](QStringList *out) {
        QString why;
        const auto current = rows::chipRevision(db, id, &why);
        if (!why.isEmpty()) {
            *out << why;
            return false;
        }
        const QString what = QStringLiteral("chip %1").arg(qs(id));
        if (!current) {
            if (!expectedRevision)
                *out << QStringLiteral("%1 is not in the catalog").arg(what);
            else
                unchangedSinceRead(what, expectedRevision, current, out);
            return false;
        }
        if (!unchangedSinceRead(what, expectedRevision, current, out))
            return false;
        if (!rows::deleteChip(db, id, &why)) {
            *out << why;
            return false;
        }
        return true;
    });
    return ok || fail(nativePath(), problems, error);
}

bool CatalogStore::saveOffering(const Offering &input, QString *error,
                                std::optional<qint64> expectedRevision) {
    if (!checkWritable(error))
        return false;
    QSqlDatabase db = database();
    QStringList problems;
    const bool ok = inTransaction(db, &problems, [&](QStringList *out) {
        const QString what = QStringLiteral("offering %1").arg(qs(input.id()));
        QString why;
        const auto current = rows::offeringRevision(db, input.provider, input.instance, &why);
        std::optional<Offering> shipped;
        const bool chipThere = why.isEmpty() && rows::chipRevision(db, input.chipId, &why);
        if (!why.isEmpty() || !rows::loadOffering(db, input.provider, input.instance, &shipped,
                                                  &why, rows::Table::shipped)) {
            *out << why;
            return false;
        }
        if (!unchangedSinceRead(what, expectedRevision, current, out))
            return false;
        Offering offering = input;
        offering.provenance = provenanceOf(offering, shipped);
        addRuleProblems(validateOffering(offering), out);
        if (!input.chipId.empty() && !chipThere)
            *out << QStringLiteral("%1: chip: '%2' is not a chip of the catalog")
                        .arg(what, qs(input.chipId));
        if (!out->isEmpty())
            return false;
        const bool written = current ? rows::updateOffering(db, offering, &why)
                                     : rows::insertOffering(db, offering, &why);
        if (!written)
            *out << why;
        return written;
    });
    return ok || fail(nativePath(), problems, error);
}

bool CatalogStore::deleteOffering(const std::string &offeringId, QString *error,
                                  std::optional<qint64> expectedRevision) {
    if (!checkWritable(error))
        return false;
    QSqlDatabase db = database();
    const rows::OfferingKey key = rows::splitOfferingId(offeringId);
    const std::string &provider = key.provider;
    const std::string &instance = key.instance;
    QStringList problems;
    const bool ok = inTransaction(db, &problems, [&](QStringList *out) {
        QString why;
        const auto current = rows::offeringRevision(db, provider, instance, &why);
        if (!why.isEmpty()) {
            *out << why;
            return false;
        }
        const QString what = QStringLiteral("offering %1").arg(qs(offeringId));
        if (!current) {
            if (!expectedRevision)
                *out << QStringLiteral("%1 is not in the catalog").arg(what);
            else
                unchangedSinceRead(what, expectedRevision, current, out);
            return false;
        }
        if (!unchangedSinceRead(what, expectedRevision, current, out))
            return false;
        if (!rows::deleteOffering(db, provider, instance, &why)) {
            *out << why;
            return false;
        }
        return true;
    });
    return ok || fail(nativePath(), problems, error);
}

bool CatalogStore::saveSource(const std::string &chipId, std::size_t position, const Source &source,
                              QString *error, std::optional<qint64> expectedRevision) {
    QString why;
    std::optional<Chip> chip = this->chip(chipId, &why);
    if (!chip) {
        *error = why.isEmpty() ? located(QStringLiteral("chip %1 is not in the catalog; nothing "
                                                        "was changed")
                                             .arg(qs(chipId)))
                               : why;
        return false;
    }
    if (position > chip->sources.size()) {
        *error = located(QStringLiteral("chip %1 has %2 sources, there is no position %3; "
                                        "nothing was changed")
                             .arg(qs(chipId))
                             .arg(chip->sources.size())
                             .arg(position));
        return false;
    }
    if (position == chip->sources.size())
        chip->sources.push_back(source);
    else
        chip->sources[position] = source;
    // The chip was read outside the write transaction: its revision guards that read too.
    const auto revision = expectedRevision ? expectedRevision : chipRevision(chipId, &why);
    return saveChip(*chip, error, revision ? revision : std::optional<qint64>(kAbsent));
}

bool CatalogStore::deleteSource(const std::string &chipId, std::size_t position, QString *error,
                                std::optional<qint64> expectedRevision) {
    QString why;
    const auto revision = expectedRevision ? expectedRevision : chipRevision(chipId, &why);
    std::optional<Chip> chip = this->chip(chipId, &why);
    if (!chip || position >= chip->sources.size()) {
        *error = !why.isEmpty() ? why
                                : located(QStringLiteral("chip %1 has no source at position %2; "
                                                         "nothing was changed")
                                              .arg(qs(chipId))
                                              .arg(position));
        return false;
    }
    chip->sources.erase(chip->sources.begin() + std::ptrdiff_t(position));
    return saveChip(*chip, error, revision);
}

bool CatalogStore::resetChip(const std::string &id, QString *error) {
    if (!checkWritable(error))
        return false;
    QSqlDatabase db = database();
    QStringList problems;
    const bool ok = inTransaction(db, &problems, [&](QStringList *out) {
        QString why;
        std::vector<Chip> shipped;
        if (!rows::loadChips(db, id, &shipped, &why, rows::Table::shipped)) {
            *out << why;
            return false;
        }
        if (shipped.empty()) {
            *out << QStringLiteral("chip %1 was not shipped: there are no shipped values to "
                                   "reset it to")
                        .arg(qs(id));
            return false;
        }
        const auto current = rows::chipRevision(db, id, &why);
        const bool written =
            why.isEmpty() && (current ? rows::updateChip(db, shipped.front(), &why)
                                      : rows::insertChip(db, shipped.front(), &why));
        if (!written)
            *out << why;
        return written;
    });
    return ok || fail(nativePath(), problems, error);
}

bool CatalogStore::resetOffering(const std::string &offeringId, QString *error) {
    if (!checkWritable(error))
        return false;
    QSqlDatabase db = database();
    const rows::OfferingKey key = rows::splitOfferingId(offeringId);
    const std::string &provider = key.provider;
    const std::string &instance = key.instance;
    QStringList problems;
    const bool ok = inTransaction(db, &problems, [&](QStringList *out) {
        QString why;
        std::optional<Offering> shipped;
        if (!rows::loadOffering(db, provider, instance, &shipped, &why, rows::Table::shipped)) {
            *out << why;
            return false;
        }
        if (!shipped) {
            *out << QStringLiteral("offering %1 was not shipped: there are no shipped values to "
                                   "reset it to")
                        .arg(qs(offeringId));
            return false;
        }
        if (!rows::chipRevision(db, shipped->chipId, &why)) {
            *out << (why.isEmpty() ? QStringLiteral("offering %1 is for chip %2, which is no "
                                                    "longer in the catalog: reset the chip first")
                                         .arg(qs(offeringId), qs(shipped->chipId))
                                   : why);
            return false;
        }
        const auto current = rows::offeringRevision(db, provider, instance, &why);
        const bool written = why.isEmpty() && (current ? rows::updateOffering(db, *shipped, &why)
                                                       : rows::insertOffering(db, *shipped, &why));
        if (!written)
            *out << why;
        return written;
    });
    return ok || fail(nativePath(), problems, error);
}

bool CatalogStore::resetToShipped(QString *error) {
    if (!checkWritable(error))
        return false;
    QSqlDatabase db = database();
    QStringList problems;
    const bool ok = inTransaction(db, &problems, [&](QStringList *out) {
        QString why;
        std::vector<Chip> chips;
        std::vector<Offering> offerings;
        bool done = rows::loadChips(db, std::nullopt, &chips, &why, rows::Table::shipped) &&
                    rows::loadOfferings(db, std::nullopt, &offerings, &why, rows::Table::shipped) &&
                    rows::deleteAll(db, &why, rows::Table::user);
        for (const Chip &chip : chips)
            done = done && rows::insertChip(db, chip, &why);
        // A shipped offering whose chip is no longer shipped stays out (it has no chip).
        std::set<std::string> chipIds;
        for (const Chip &chip : chips)
            chipIds.insert(chip.id);
        for (const Offering &offering : offerings)
            done = done &&
                   (!chipIds.contains(offering.chipId) || rows::insertOffering(db, offering, &why));
        if (!done)
            *out << why;
        return done;
    });
    return ok || fail(nativePath(), problems, error);
}

} // namespace accelplan::data
