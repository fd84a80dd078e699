// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/sqlite_statement.h"

#include "catalog/sqlite_file.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <sqlite3.h>

namespace accelplan::data::sqlite {

sqlite3 *connectionOf(QSqlDatabase &db) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

Statement::Statement(QSqlDatabase &db, const QString &sql) : db_(connectionOf(db)) {
    if (!db_) {
        error_ = QStringLiteral("the catalog connection is not an SQLite connection");
        return;
    }
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db_, utf8.constData(), int(utf8.size()), &statement_, nullptr) !=
        SQLITE_OK) {
        fail();
        sqlite3_finalize(statement_);
        statement_ = nullptr;
    }
}

Statement::~Statement() { sqlite3_finalize(statement_); }

void Statement::fail() {
    const int code = sqlite3_extended_errcode(db_);
    error_ = describeError(QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(db_)),
                                     QSqlError::StatementError, QString::number(code)));
}

void Statement::bind(int index, std::string_view text) {
    if (statement_ && sqlite3_bind_text(statement_, index, text.data(), int(text.size()),
                                        SQLITE_TRANSIENT) != SQLITE_OK)
        fail();
}

bool Statement::step() {
    if (!statement_ || !error_.isEmpty())
        return false;
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        fail();
    return false;
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::string Statement::text(int column) const {
    // Text stays UTF-8 from the file to std::string: no conversion on the way.
    const auto *chars = reinterpret_cast<const char *>(sqlite3_column_text(statement_, column));
    return chars ? std::string(chars, std::size_t(sqlite3_column_bytes(statement_, column)))
                 : std::string();
}

std::optional<double> Statement::real(int column) const {
    if (isNull(column))
        return std::nullopt;
    return sqlite3_column_double(statement_, column);
}

qint64 Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

} // namespace accelplan::data::sqlite
