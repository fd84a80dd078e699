// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where AccelPlan's files are: the shipped data (seed catalog, examples) and the user's own.

#include <QString>

namespace accelplan::data {

// The folder holding the shipped data (`catalog/`, `examples/`). Looked up, in order: the
// ACCELPLAN_DATA_DIR environment variable, then `../share/accelplan` beside the executable,
// which is where both the build tree (build/bin -> build/share) and an install put it.
// Empty when none exists.
QString shippedDataDir();

// The user's data folder (QStandardPaths::AppDataLocation), created if missing.
QString userDataDir();

} // namespace accelplan::data
