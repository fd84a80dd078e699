// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/write_transaction.h"

#include "catalog/catalog_rows.h"
#include "catalog/server_catalog.h"
#include "catalog/sqlite_file.h"

#include <QSqlQuery>

namespace accelplan::data {
namespace {

bool exec(QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = sqlite::describeError(q.lastError());
    return false;
}

} // namespace

WriteTransaction::~WriteTransaction() {
    if (open_)
        exec(db_, QStringLiteral("ROLLBACK"), nullptr);
}

bool WriteTransaction::begin(QString *error) {
    if (server::isServer(db_)) {
        // One writer at a time, as BEGIN IMMEDIATE makes it in SQLite: the lock conflicts
        // with itself only, so members keep reading; it waits up to the connection's
        // lock_timeout for another member's write.
        open_ = exec(db_, QStringLiteral("BEGIN"), error);
        if (open_ &&
            !exec(db_, QStringLiteral("LOCK TABLE catalog_meta IN SHARE ROW EXCLUSIVE MODE"),
                  error)) {
            exec(db_, QStringLiteral("ROLLBACK"), nullptr);
            open_ = false;
        }
    } else {
        open_ = exec(db_, QStringLiteral("BEGIN IMMEDIATE"), error);
    }
    if (!open_)
        return false;
    // Numbered: the records this transaction writes take the number as their revision.
    const QString key = QLatin1String(rows::kWriteCountKey);
    const qint64 count = rows::meta(db_, key).toLongLong();
    return rows::setMeta(db_, key, QString::number(count + 1), error);
}

bool WriteTransaction::commit(QString *error) {
    if (!open_)
        return false;
    // Delivered to every listening member when (and only if) the transaction commits.
    if (server::isServer(db_) &&
        !exec(db_, QStringLiteral("NOTIFY %1").arg(QLatin1String(server::kChangeChannel)), error))
        return false;
    if (!exec(db_, QStringLiteral("COMMIT"), error))
        return false;
    open_ = false;
    return true;
}

} // namespace accelplan::data
