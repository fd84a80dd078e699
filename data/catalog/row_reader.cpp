// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/row_reader.h"

#include "catalog/sqlite_file.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <sqlite3.h>

namespace accelplan::data {

sqlite3 *sqlite::connectionOf(QSqlDatabase &db) {
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

RowReader::RowReader(QSqlDatabase &db, const QString &sql) : db_(sqlite::connectionOf(db)) {
    if (!db_) {
        query_.emplace(db);
        query_->setForwardOnly(true);
        if (!query_->prepare(sql)) {
            error_ = sqlite::describeError(query_->lastError());
            query_.reset();
        }
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

RowReader::~RowReader() { sqlite3_finalize(statement_); }

void RowReader::fail() {
    if (query_) {
        error_ = sqlite::describeError(query_->lastError());
        return;
    }
    const int code = sqlite3_extended_errcode(db_);
    error_ = sqlite::describeError(QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(db_)),
                                             QSqlError::StatementError, QString::number(code)));
}

void RowReader::bind(int index, std::string_view text) {
    if (query_) {
        query_->bindValue(index - 1, QString::fromUtf8(text.data(), qsizetype(text.size())));
        return;
    }
    if (statement_ && sqlite3_bind_text(statement_, index, text.data(), int(text.size()),
                                        SQLITE_TRANSIENT) != SQLITE_OK)
        fail();
}

bool RowReader::step() {
    if (!ok() || !error_.isEmpty())
        return false;
    if (query_) {
        if (!executed_) {
            executed_ = true;
            if (!query_->exec()) {
                fail();
                return false;
            }
        }
        if (query_->next())
            return true;
        // Rows come from the server a few at a time: a link lost half-way ends the rows early,
        // and that must read as a failure, not as a shorter catalog.
        if (query_->lastError().isValid())
            fail();
        return false;
    }
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        fail();
    return false;
}

bool RowReader::isNull(int column) const {
    if (query_)
        return query_->isNull(column);
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::string RowReader::text(int column) const {
    if (query_)
        return query_->value(column).toString().toStdString();
    // Text stays UTF-8 from the file to std::string: no conversion on the way.
    const auto *chars = reinterpret_cast<const char *>(sqlite3_column_text(statement_, column));
    return chars ? std::string(chars, std::size_t(sqlite3_column_bytes(statement_, column)))
                 : std::string();
}

std::optional<double> RowReader::real(int column) const {
    if (isNull(column))
        return std::nullopt;
    if (query_)
        return query_->value(column).toDouble();
    return sqlite3_column_double(statement_, column);
}

qint64 RowReader::integer(int column) const {
    if (query_)
        return query_->value(column).toLongLong();
    return sqlite3_column_int64(statement_, column);
}

} // namespace accelplan::data
