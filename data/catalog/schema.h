// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The catalog's SQLite schema, kept in stepped migrations: step N takes a file from schema
// version N-1 to N (PRAGMA user_version). A new file runs every step; an older file runs the
// missing ones. The SQL stays portable (no AUTOINCREMENT, DOUBLE PRECISION, VARCHAR keys) so
// that the same tables could live in PostgreSQL through QPSQL.

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace accelplan::data::schema {

// The version this build writes. A file with a higher version comes from a newer AccelPlan.
int currentVersion();

// PRAGMA user_version of an open database, or -1 when it cannot be read (`error` says why).
int versionOf(QSqlDatabase &db, QString *error = nullptr);

// How the open database's schema (sqlite_master) differs from the one steps 1..version make,
// one phrase per difference ("'chips' is a view, not a table"); empty when they are the same.
// Reads only the schema: in a file from elsewhere, a view in place of a table or a trigger
// runs SQL of the file's choosing when AccelPlan reads or writes (a query without end, or
// deleting rows). SQLite's own tables (statistics, automatic indexes) are not compared.
QStringList differences(QSqlDatabase &db, int version);

// Runs steps (from, to] inside one transaction and sets user_version to `to`. On failure
// nothing changes and `error` says which step failed and why.
bool migrate(QSqlDatabase &db, int from, int to, QString *error);

} // namespace accelplan::data::schema
