// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a user sets once (Edit → Preferences…) and a new scenario starts from: the pricing,
// the electricity price and the data centre's PUE. Kept in the settings beside the window
// layout; absent keys read as the defaults of the scenario format (scenario/scenario.h).

#include "scenario/scenario.h"

namespace accelplan::ui {

struct NewScenarioDefaults {
    Pricing pricing = Pricing::onDemand;
    double electricityUsdPerKwh = 0.10;
    double pue = 1.3;
    bool operator==(const NewScenarioDefaults &) const = default;
};

NewScenarioDefaults newScenarioDefaults();
void setNewScenarioDefaults(const NewScenarioDefaults &defaults);
// `costs` with the user's defaults in place of the format's.
void applyNewScenarioDefaults(Costs &costs);

} // namespace accelplan::ui
