// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The scenario a new window starts with when no file is given: a common question (fine-tune
// and serve a 70B model) on four chips from different vendors, so that every panel and chart
// has something to show.

#include "scenario/scenario.h"

namespace accelplan::ui {

Scenario defaultScenario();

} // namespace accelplan::ui
