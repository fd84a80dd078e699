// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One write to the catalog: BEGIN IMMEDIATE (on a server, a lock on catalog_meta) takes the
// write lock up front (waiting up to the busy timeout for another program to finish), so that
// a write never fails half-way because another writer came first. Rolled back unless
// committed; on a server, a commit tells the other members (NOTIFY).

#include <QSqlDatabase>
#include <QString>

namespace accelplan::data {

class WriteTransaction {
public:
    explicit WriteTransaction(QSqlDatabase db) : db_(std::move(db)) {}
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    // On failure `error` says why in words ("the catalog is locked by another program ...").
    bool begin(QString *error);
    bool commit(QString *error);

private:
    QSqlDatabase db_;
    bool open_ = false;
};

} // namespace accelplan::data
