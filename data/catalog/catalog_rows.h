#pragma once
// Mapping between the catalog's values and its SQL rows: column lists, reading a row into a
// Chip or Offering and binding one for insertion. Kept in one place so that the loader, the
// writer and the migrations agree on the columns.

#include "hardware/catalog.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace accelplan::data::rows {

// "id, vendor, ..." in the order chipFrom() reads them.
const QString &chipColumns();
const QString &offeringColumns();
const QString &sourceColumns(); // chip_id, position, field, url, title, retrieved

// Inserts (or replaces) records. Each returns false and sets `error` on failure; the caller
// owns the transaction.
bool insertChip(QSqlDatabase &db, const Chip &chip, QString *error);
bool insertOffering(QSqlDatabase &db, const Offering &offering, QString *error);

// Loads chips in id order with their sources, all of them or the one with `onlyId`. Returns
// false and sets `error` on failure.
bool loadChips(QSqlDatabase &db, const std::optional<std::string> &onlyId, std::vector<Chip> *chips,
               QString *error);
// Loads offerings by provider and instance, all of them or those of chip `onlyChip`.
bool loadOfferings(QSqlDatabase &db, const std::optional<std::string> &onlyChip,
                   std::vector<Offering> *offerings, QString *error);

// A value of the catalog_meta table ("data_version"), empty when unset.
QString meta(QSqlDatabase &db, const QString &key);
bool setMeta(QSqlDatabase &db, const QString &key, const QString &value, QString *error);

} // namespace accelplan::data::rows
