// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/write_transaction.h"

#include "catalog/catalog_rows.h"
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
    open_ = exec(db_, QStringLiteral("BEGIN IMMEDIATE"), error);
    if (!open_)
        return false;
    // Numbered: the records this transaction writes take the number as their revision.
    const QString key = QLatin1String(rows::kWriteCountKey);
    const qint64 count = rows::meta(db_, key).toLongLong();
    return rows::setMeta(db_, key, QString::number(count + 1), error);
}

bool WriteTransaction::commit(QString *error) {
    if (!open_ || !exec(db_, QStringLiteral("COMMIT"), error))
        return false;
    open_ = false;
    return true;
}

} // namespace accelplan::data
