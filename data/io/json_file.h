// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading a JSON document from a file or bytes, with every way it can be unreadable reported
// as a located problem: missing, unreadable, a directory, empty, too large, binary, not UTF-8,
// a syntax error (at its line and column), nested too deeply, not an object at the root, or a
// key given twice in one object.

#include "io/io_error.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>
#include <utility>

namespace accelplan::data {

// Larger files are refused before parsing: no JSON AccelPlan reads comes near this.
inline constexpr qint64 kMaxJsonFileBytes = 64LL * 1024 * 1024;

// The document's root object, or nothing with the reasons in `log` (named after log.file()).
std::optional<QJsonObject> readJsonObjectFile(const QString &path, IoErrorLog &log);
std::optional<QJsonObject> parseJsonObject(const QByteArray &bytes, IoErrorLog &log);

// 1-based line and column of a byte offset in UTF-8 text; columns count characters, not bytes.
std::pair<int, int> lineAndColumn(const QByteArray &utf8, qsizetype offset);

} // namespace accelplan::data
