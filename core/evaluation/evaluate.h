// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one entry point every way in uses (app, CLI, report, tests): pure and reentrant, so the
// app can call it off the UI thread and benchmarks can call it in a loop.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "scenario/scenario.h"

namespace accelplan {

Evaluation evaluate(const Scenario &scenario, const Catalog &catalog);

} // namespace accelplan
