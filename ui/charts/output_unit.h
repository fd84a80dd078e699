// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What one unit of a serving scenario's output is, in words for axis titles: a model that
// generates text is paid per output token, any other network per sample.

#include "scenario/scenario.h"

#include <QString>

namespace accelplan::ui {

// Whether the scenario's serving output is counted in tokens (else in samples).
bool servesTokens(const Scenario &scenario);
// "per million output tokens" or "per million samples".
QString perMillionOutputs(const Scenario &scenario);

} // namespace accelplan::ui
