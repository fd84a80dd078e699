// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Atomic file writes that also notice a full disk.
//
// QSaveFile::commit() in Qt 6.4 ignores a failure of the last buffered write: on a full disk
// it renamed a truncated file over the user's good one (found by tests/ui/test_full_disk).
// Flushing first and committing only what was written whole closes that gap.

#include <QByteArray>
#include <QString>

class QSaveFile;

namespace accelplan::data {

// Flushes `file` and commits it if every byte reached the disk; otherwise discards it, leaving
// the previous file as it was, and says why in `reason`.
bool commitWhole(QSaveFile &file, QString *reason);

// Replaces `path` with `bytes` atomically; on failure the old file is untouched and `reason`
// says why (the system's words, without the path).
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *reason);

} // namespace accelplan::data
