// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/save_file.h"

#include <QSaveFile>

namespace accelplan::data {

bool commitWhole(QSaveFile &file, QString *reason) {
    if (!file.flush()) {
        *reason = file.errorString();
        file.cancelWriting();
        file.commit(); // with writing cancelled, this only removes the temporary file
        return false;
    }
    if (!file.commit()) {
        *reason = file.errorString();
        return false;
    }
    return true;
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *reason) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        *reason = file.errorString();
        return false;
    }
    return commitWhole(file, reason);
}

} // namespace accelplan::data
