// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading a file a person named, for the formats. Only a regular file is read (after following
// symbolic links): a device such as /dev/zero never ends, and opening a named pipe (FIFO) that
// no program writes waits forever, which froze the app's window. No more than a limit is read.

#include <QByteArray>
#include <QString>

#include <optional>

namespace accelplan::data {

// The file's first `limit` + 1 bytes at most (so that a caller sees when a file is larger than
// it reads), or nothing with `problem` saying why in words, without the path: "no such file",
// "is a folder, not a file", "is a device, not a file; ...", "cannot be read: ...".
std::optional<QByteArray> readRegularFile(const QString &path, qint64 limit, QString *problem);

} // namespace accelplan::data
