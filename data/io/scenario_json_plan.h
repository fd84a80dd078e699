// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The scenario's planning sections, beyond the contract's keys (see README, "Scenario
// extensions"): what "best" means (`goal`), what a recommendation must respect
// (`constraints`) and how serving demand grows (`growth`). Read with every problem located,
// written so that reading back gives the very same values.

#include "io/json_fields.h"
#include "scenario/scenario.h"

#include <QJsonObject>

namespace accelplan::data {

Goal readGoal(JsonFields goal);
Constraints readConstraints(JsonFields constraints);
GrowthPlan readGrowth(JsonFields growth);

QJsonObject goalToJson(const Goal &goal);
QJsonObject constraintsToJson(const Constraints &constraints);
QJsonObject growthToJson(const GrowthPlan &growth);

} // namespace accelplan::data
