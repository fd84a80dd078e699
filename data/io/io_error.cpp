// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/io_error.h"

namespace accelplan::data {

QString IoError::toString() const {
    QString out = file;
    if (line > 0) {
        out += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            out += QLatin1Char(':') + QString::number(column);
    }
    if (!jsonPath.isEmpty())
        out += QStringLiteral(": ") + jsonPath;
    return out + QStringLiteral(": ") + reason;
}

QString toString(const IoErrors &errors) {
    QString out;
    for (const IoError &e : errors)
        out += e.toString() + QLatin1Char('\n');
    return out;
}

QString jsonMemberPath(const QString &parent, const QString &key) {
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString jsonIndexPath(const QString &parent, qsizetype index) {
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

void IoErrorLog::atPath(const QString &jsonPath, const QString &reason) {
    errors_.append(IoError{file_, jsonPath, 0, 0, reason});
}

void IoErrorLog::atLine(int line, int column, const QString &reason) {
    errors_.append(IoError{file_, {}, line, column, reason});
}

} // namespace accelplan::data
