// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/sqlite_file.h"

#include "catalog/server_catalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

namespace accelplan::data::sqlite {
namespace {

// SQLite's primary result codes (the low byte of the extended code).
constexpr int kBusy = 5;
constexpr int kLocked = 6;
constexpr int kReadOnly = 8;
constexpr int kCorrupt = 11;
constexpr int kFull = 13;
constexpr int kNotADatabase = 26;

// SQLite's file header: 100 bytes, numbers big-endian.
constexpr qint64 kHeaderSize = 100;

quint32 bigEndian(const QByteArray &bytes, int offset, int count) {
    quint32 value = 0;
    for (int i = 0; i < count; ++i)
        value = (value << 8) | quint8(bytes[offset + i]);
    return value;
}

int primaryCode(const QSqlError &error) {
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

} // namespace

bool looksLikeSqlite(const QString &path, QString *why) {
    const QFileInfo info(path);
    if (!info.exists()) {
        *why = QStringLiteral("does not exist");
        return false;
    }
    if (!info.isFile()) {
        *why = QStringLiteral("is not a file");
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot be read: %1").arg(file.errorString());
        return false;
    }
    static const QByteArray kMagic("SQLite format 3\0", 16);
    const QByteArray header = file.read(kHeaderSize);
    if (!header.startsWith(kMagic)) {
        *why = QStringLiteral("is not an SQLite database (not an AccelPlan catalog); it was not "
                              "changed");
        return false;
    }
    const qint64 size = info.size();
    if (header.size() < kHeaderSize) {
        *why = QStringLiteral("is damaged: cut short at %1 bytes, inside its header; it was not "
                              "changed")
                   .arg(size);
        return false;
    }
    const quint32 pageSize = bigEndian(header, 16, 2) == 1 ? 65536 : bigEndian(header, 16, 2);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0) {
        *why = QStringLiteral("is damaged: its header names no valid page size; it was not "
                              "changed");
        return false;
    }
    // The header's page count is valid when its change counter matches (SQLite's file format,
    // section 1.3.7). While a write-ahead log exists a checkpoint may be growing the file, so
    // only a file without one is judged by it.
    const quint32 pages = quint32(bigEndian(header, 28, 4));
    const bool countValid = pages > 0 && bigEndian(header, 24, 4) == bigEndian(header, 92, 4);
    const qint64 announced = qint64(pages) * pageSize;
    if (countValid && size < announced && !QFileInfo::exists(path + QStringLiteral("-wal"))) {
        *why = QStringLiteral("is damaged: cut short at %1 bytes of the %2 its header announces; "
                              "it was not changed")
                   .arg(size)
                   .arg(announced);
        return false;
    }
    return true;
}

bool isWritable(const QString &path) {
    const QFileInfo info(path);
    return info.isWritable() && QFileInfo(info.absolutePath()).isWritable();
}

QString backupPathFor(const QString &path, int schemaVersion) {
    return backupPathFor(path, QStringLiteral("schema-%1").arg(schemaVersion));
}

QString backupPathFor(const QString &path, const QString &tag) {
    const QString base = QStringLiteral("%1.%2.backup").arg(path, tag);
    QString candidate = base;
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = QStringLiteral("%1-%2").arg(base).arg(n);
    return candidate;
}

bool backup(QSqlDatabase &db, const QString &target, QString *why) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(target);
    if (!q.exec()) {
        *why = describeError(q.lastError());
        return false;
    }
    return true;
}

bool isBusy(const QSqlError &error) {
    const int code = primaryCode(error);
    return code == kBusy || code == kLocked;
}

QString describeError(const QSqlError &error) {
    // The same words serve a team catalog's server, whose codes are SQLSTATEs.
    if (server::isSqlState(error.nativeErrorCode()))
        return server::describeError(error);
    const QString text = error.text().trimmed();
    switch (primaryCode(error)) {
    case kBusy:
    case kLocked:
        return QStringLiteral("the catalog is locked by another program (%1); try again when it "
                              "is done")
            .arg(text);
    case kReadOnly: return QStringLiteral("the catalog is read-only (%1)").arg(text);
    case kCorrupt: return QStringLiteral("the catalog file is damaged (%1)").arg(text);
    case kFull: return QStringLiteral("the disk is full (%1)").arg(text);
    case kNotADatabase:
        return QStringLiteral("the file is not an SQLite database or is damaged (%1)").arg(text);
    default: return text;
    }
}

} // namespace accelplan::data::sqlite
