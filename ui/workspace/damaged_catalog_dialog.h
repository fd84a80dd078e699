// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// When the user's catalog cannot be opened (damaged, not a catalog, from a newer AccelPlan):
// says why and offers to start from the shipped catalog. The old file is never deleted: it is
// renamed beside the new one ("catalog.sqlite.set-aside-<date>-<time>") and the dialog says where.

#include "hardware/catalog.h"

#include <QString>

#include <memory>

class QWidget;

namespace accelplan::ui {

// Asks (object name "damagedCatalogBox"; buttons "startFromShippedButton" and
// "continueWithoutButton"). Returns the shipped catalog when the user chose it and it could be
// set up; otherwise null, after saying why when setting it up failed.
std::shared_ptr<const Catalog> offerShippedCatalog(QWidget *parent, const QString &catalogPath,
                                                   const QString &error);

} // namespace accelplan::ui
