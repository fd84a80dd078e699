// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report_input.h"

namespace accelplan::ui::report {

ReportInput makeReportInput(const Scenario &scenario, std::shared_ptr<const Catalog> catalog,
                            QString scenarioFile) {
    return makeReportInput(analyzeFully(scenario, std::move(catalog)), std::move(scenarioFile));
}

ReportInput makeReportInput(Analysis analysis, QString scenarioFile) {
    if (!analysis.sweepsDone)
        addCountSweeps(analysis);
    return {std::move(analysis), std::move(scenarioFile), QDateTime::currentDateTime()};
}

} // namespace accelplan::ui::report
