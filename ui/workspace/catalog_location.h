// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which catalog the app works on: the user's own file (an empty location), another file, or a
// team catalog on a server (postgresql://user@host/db). `accelplan --catalog LOCATION` sets it
// for one run; Catalog → Use Team Catalog… keeps it in the settings for the next ones.

#include <QString>

namespace accelplan::ui {

QString catalogLocation();
// For this run only (the command line); wins over the settings.
void setCatalogLocationForThisRun(const QString &location);
// Kept in the settings, and used from now on.
void rememberCatalogLocation(const QString &location);

} // namespace accelplan::ui
