#include "catalog/sqlite_file.h"

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
constexpr int kNotADatabase = 26;

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
    static const QByteArray kHeader("SQLite format 3\0", 16);
    if (file.read(16) != kHeader) {
        *why = QStringLiteral("is not an SQLite database (not an AccelPlan catalog); it was not "
                              "changed");
        return false;
    }
    return true;
}

bool isWritable(const QString &path) {
    const QFileInfo info(path);
    return info.isWritable() && QFileInfo(info.absolutePath()).isWritable();
}

QString backupPathFor(const QString &path, int schemaVersion) {
    const QString base = QStringLiteral("%1.schema-%2.backup").arg(path).arg(schemaVersion);
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
    const QString text = error.text().trimmed();
    switch (primaryCode(error)) {
    case kBusy:
    case kLocked:
        return QStringLiteral("the catalog is locked by another program (%1); try again when it "
                              "is done")
            .arg(text);
    case kReadOnly: return QStringLiteral("the catalog is read-only (%1)").arg(text);
    case kNotADatabase:
        return QStringLiteral("the file is not an SQLite database or is damaged (%1)").arg(text);
    default: return text;
    }
}

} // namespace accelplan::data::sqlite
