// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A model preset by id, for tests; a missing one stops the test with its id.

#include "workload/presets.h"

#include <QtGlobal>

namespace accelplan::test {

inline Workload preset(const char *id) {
    const std::optional<Workload> w = findPreset(id);
    if (!w)
        qFatal("no preset %s", id);
    return *w;
}

} // namespace accelplan::test
