// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Duplicate keys in a JSON object. Qt's parser keeps the last of them without a word, so a file
// that says `"count": 8` and later `"count": 64` would be read as 64 and look like 8 to whoever
// reads it. Every file AccelPlan reads refuses them instead.

#include "io/io_error.h"

#include <QByteArray>

namespace accelplan::data {

// Records, for each key that appears twice in one object of `utf8` (a document Qt parsed
// without error), its JSON path and the lines of both places. Returns whether there were none.
bool checkNoDuplicateKeys(const QByteArray &utf8, IoErrorLog &log);

} // namespace accelplan::data
