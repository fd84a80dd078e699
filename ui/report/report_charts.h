// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report's charts: the workspace's own chart classes, fed the same analysis and drawn as
// vectors onto the page.

#include "report/page_flow.h"
#include "report/report_input.h"

namespace accelplan::ui::report {

void writeCharts(PageFlow &flow, const ReportInput &in);

} // namespace accelplan::ui::report
