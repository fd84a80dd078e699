// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading many rows of the catalog. On SQLite, through its own C API on the connection Qt
// opened: Qt's QSqlQuery turns every value into a QVariant (and text into UTF-16 and back),
// and for the 10,000-offering catalog that alone takes longer than the 50 ms the whole load may
// take at start. On a server (QPSQL) the rows come over the network anyway: QSqlQuery reads
// them, forward only. Writes and small reads stay with QSqlQuery.

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace accelplan::data {

namespace sqlite {
// The sqlite3 connection behind a QSQLITE database (QSqlDriver::handle()), or null.
sqlite3 *connectionOf(QSqlDatabase &db);
} // namespace sqlite

class RowReader {
public:
    // Prepares `sql` on the database's connection; ok() says whether that worked.
    RowReader(QSqlDatabase &db, const QString &sql);
    ~RowReader();
    RowReader(const RowReader &) = delete;
    RowReader &operator=(const RowReader &) = delete;

    bool ok() const { return statement_ != nullptr || query_.has_value(); }
    void bind(int index, std::string_view text); // 1-based, as SQLite counts
    // The next row: true while there is one. After false, error() says whether one occurred.
    bool step();
    // The failure in words (as describeError() words QSqlQuery's); empty when none.
    const QString &error() const { return error_; }

    // Values of the current row, 0-based columns.
    bool isNull(int column) const;
    std::string text(int column) const;
    std::optional<double> real(int column) const; // nothing for NULL
    qint64 integer(int column) const;

private:
    void fail();

    sqlite3 *db_ = nullptr;
    sqlite3_stmt *statement_ = nullptr;
    std::optional<QSqlQuery> query_; // on a server
    bool executed_ = false;
    QString error_;
};

} // namespace accelplan::data
