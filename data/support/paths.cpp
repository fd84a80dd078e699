// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace accelplan::data {

QString shippedDataDir() {
    const QString fromEnv = qEnvironmentVariable("ACCELPLAN_DATA_DIR");
    if (!fromEnv.isEmpty() && QDir(fromEnv).exists())
        return QDir(fromEnv).absolutePath();
    const QString beside = QDir(QCoreApplication::applicationDirPath())
                               .absoluteFilePath(QStringLiteral("../share/accelplan"));
    if (QDir(beside).exists())
        return QDir(beside).canonicalPath();
    return {};
}

QString userDataDir() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir;
}

} // namespace accelplan::data
