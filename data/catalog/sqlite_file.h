// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The catalog file as a file: is it SQLite at all, can it be written, where its backup goes,
// and SQLite's errors in words people understand ("locked by another program").

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace accelplan::data::sqlite {

// True when `path` starts with SQLite's header. Otherwise `why` says what the file is not.
bool looksLikeSqlite(const QString &path, QString *why);

// True when the file and its folder can be written (WAL needs files beside the catalog).
bool isWritable(const QString &path);

// "catalog.sqlite.schema-1.backup", or with "-2", "-3" ... when that name is taken.
QString backupPathFor(const QString &path, int schemaVersion);
// "catalog.sqlite.<tag>.backup" likewise ("data-2026.11-1" before a newer seed is merged).
QString backupPathFor(const QString &path, const QString &tag);

// A consistent copy of the open database at `target` (VACUUM INTO): safe while in WAL mode.
bool backup(QSqlDatabase &db, const QString &target, QString *why);

// SQLite's error with a hint for the common faults (locked, read-only, not a database).
QString describeError(const QSqlError &error);
bool isBusy(const QSqlError &error);

} // namespace accelplan::data::sqlite
