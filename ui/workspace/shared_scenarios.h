// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File → Open Shared Scenario… and Share Scenario…: scenarios kept in the (team) catalog,
// beside files, with who saved them and when.

#include "scenario/scenario.h"

#include <QString>

#include <optional>

class QWidget;

namespace accelplan::ui {

// Lists the catalog's scenarios and reads the one chosen; nothing when cancelled, or when the
// catalog or the scenario cannot be read (said in a message box).
std::optional<Scenario> pickSharedScenario(QWidget *parent, const QString &catalogLocation);

// Asks for a name (the scenario's own by default) and saves `scenario` under it; false when
// cancelled or refused (said in a message box).
bool shareScenario(QWidget *parent, const QString &catalogLocation, const Scenario &scenario);

} // namespace accelplan::ui
