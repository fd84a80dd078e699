// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writing a file whole, or not at all.
//
// QSaveFile::commit() in Qt 6.4 ignores a failure of the last buffered write: on a full disk
// it renamed a truncated file over the user's good one (found by tests/ui/test_full_disk).
// Flushing first and committing only what was written whole closes that gap.
//
// A target that is not a regular file is not replaced: renaming a new file over a device or a
// named pipe (FIFO) put a regular file in its place (as root, over /dev/null). Character
// devices and pipes are written in place; other kinds of file are refused.

#include <QByteArray>
#include <QString>

class QSaveFile;

namespace accelplan::data {

// Flushes `file` and commits it if every byte reached the disk; otherwise discards it, leaving
// the previous file as it was, and says why in `reason`.
bool commitWhole(QSaveFile &file, QString *reason);

// Writes `bytes` to `path`: a regular file (or a new one) is replaced atomically, and on
// failure the old file is untouched; a character device or a pipe gets the bytes in place
// (a pipe that no program reads is refused rather than waited on). On failure `reason` says
// why (the system's words, without the path).
bool writeFileWhole(const QString &path, const QByteArray &bytes, QString *reason);

} // namespace accelplan::data
