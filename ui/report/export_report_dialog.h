// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// File → Export report…: asks where (and on which paper), writes the report of what the
// workspace shows, and says so, or why not.

#include "plan/analysis.h"

#include <QString>

#include <memory>

class QWidget;

namespace accelplan::ui::report {

void exportReportDialog(QWidget *parent, const std::shared_ptr<const Analysis> &analysis,
                        const QString &scenarioFile);

} // namespace accelplan::ui::report
