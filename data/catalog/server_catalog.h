// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A team catalog on a PostgreSQL server (Qt's QPSQL driver): where it is, how to connect, who
// may write, how its errors read, and how members learn of each other's changes.
//
// The tables are the same as in SQLite (schema.cpp). What differs: the schema version is kept
// in catalog_meta (no PRAGMA user_version); a write locks the catalog for its transaction (as
// SQLite's BEGIN IMMEDIATE does) and announces itself on commit with NOTIFY; who may write is
// the server's business (GRANT), asked once when the catalog is opened.

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace accelplan::data::server {

// The channel a write announces itself on; every open catalog listens.
inline constexpr const char *kChangeChannel = "accelplan_catalog";

// True for "postgresql://..." and "postgres://..." (a libpq connection URL).
bool isServerLocation(const QString &location);

// The location without its password, for messages and titles.
QString shownLocation(const QString &location);

// Opens a QPSQL connection named `name` to `location`: postgresql://[user[:password]@][host]
// [:port]/database, with "?host=/socket/folder" for a Unix socket. `busyTimeoutMs` bounds how
// long a write waits for another member's. On failure `error` says why, in words.
bool connect(const QString &name, const QString &location, int busyTimeoutMs, QString *error);

// Is this connection to a server (not an SQLite file)?
bool isServer(const QSqlDatabase &db);

// May the connected role change the catalog's records?
bool canWrite(QSqlDatabase &db);
// The connected role's name.
QString roleOf(QSqlDatabase &db);

// The server's error with words for the common faults: no permission, a lock held too long,
// the server unreachable, a refused login.
QString describeError(const QSqlError &error);

// Is `code` a PostgreSQL SQLSTATE (five characters) rather than an SQLite result code?
bool isSqlState(const QString &code);

} // namespace accelplan::data::server
