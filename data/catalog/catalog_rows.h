// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Mapping between the catalog's values and its SQL rows: column lists, reading a row into a
// Chip or Offering and binding one for writing. Kept in one place so that the loader, the
// writer and the migrations agree on the columns.
//
// The same rows live in two sets of tables: the user's catalog (chips, chip_sources, offerings)
// and the shipped values it started from (shipped_chips, ...), see schema.cpp step 2.

#include "hardware/catalog.h"

#include <QSqlDatabase>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace accelplan::data::rows {

enum class Table { user, shipped };

// catalog_meta key of the seed's data version the catalog was made from or last merged with.
inline constexpr char kDataVersionKey[] = "data_version";
// catalog_meta key of the number of write transactions so far (write_transaction.cpp).
inline constexpr char kWriteCountKey[] = "write_count";

// "id, vendor, ..." in the order chipFrom() reads them.
const QString &chipColumns();
const QString &offeringColumns();
const QString &sourceColumns(); // chip_id, position, field, url, title, retrieved

// Each function returns false and sets `error` on failure; the caller owns the transaction.

// Inserts a record that is not there yet (a chip with its sources).
bool insertChip(QSqlDatabase &db, const Chip &chip, QString *error, Table table = Table::user);
bool insertOffering(QSqlDatabase &db, const Offering &offering, QString *error,
                    Table table = Table::user);
// Overwrites an existing record in place (a chip's offerings stay: deleting and inserting the
// chip would cascade to them). A user record written gets the current write transaction's
// number as its revision.
bool updateChip(QSqlDatabase &db, const Chip &chip, QString *error, Table table = Table::user);
bool updateOffering(QSqlDatabase &db, const Offering &offering, QString *error,
                    Table table = Table::user);
// Deletes a record; a chip takes its sources and (in the user's tables) its offerings along.
bool deleteChip(QSqlDatabase &db, const std::string &id, QString *error, Table table = Table::user);
bool deleteOffering(QSqlDatabase &db, const std::string &provider, const std::string &instance,
                    QString *error, Table table = Table::user);
// Deletes every record of a set of tables.
bool deleteAll(QSqlDatabase &db, QString *error, Table table);

// Loads chips in id order with their sources, all of them or the one with `onlyId`.
bool loadChips(QSqlDatabase &db, const std::optional<std::string> &onlyId, std::vector<Chip> *chips,
               QString *error, Table table = Table::user);
// Loads offerings by provider and instance: all, those of chip `onlyChip`, or (`onlyOffering`,
// "provider/instance") one.
bool loadOfferings(QSqlDatabase &db, const std::optional<std::string> &onlyChip,
                   std::vector<Offering> *offerings, QString *error, Table table = Table::user);
bool loadOffering(QSqlDatabase &db, const std::string &provider, const std::string &instance,
                  std::optional<Offering> *offering, QString *error, Table table = Table::user);

// An offering's key: "provider/instance" split at the first slash (provider ids have none).
// A named struct rather than a pair so that lambdas can capture its parts (clang 14 cannot
// capture structured bindings).
struct OfferingKey {
    std::string provider;
    std::string instance;
};
inline OfferingKey splitOfferingId(const std::string &id) {
    const auto slash = id.find('/');
    if (slash == std::string::npos)
        return {id, std::string()};
    return {id.substr(0, slash), id.substr(slash + 1)};
}

// The revision of a user record, nothing when there is no such record (or on error, with
// `error` set).
std::optional<qint64> chipRevision(QSqlDatabase &db, const std::string &id, QString *error);
std::optional<qint64> offeringRevision(QSqlDatabase &db, const std::string &provider,
                                       const std::string &instance, QString *error);

// Every user record's revision: chips by id, offerings by "provider/instance".
bool loadRevisions(QSqlDatabase &db, std::map<std::string, qint64> *chips,
                   std::map<std::string, qint64> *offerings, QString *error);

// A value of the catalog_meta table ("data_version"), empty when unset.
QString meta(QSqlDatabase &db, const QString &key);
bool setMeta(QSqlDatabase &db, const QString &key, const QString &value, QString *error);

} // namespace accelplan::data::rows
