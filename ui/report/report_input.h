// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Everything a report is made from: the scenario's full analysis (the same one the workspace
// draws, so the app and the report never disagree) and where the scenario came from. The app
// and the CLI fill it the same way, so both write the same document.

#include "plan/analysis.h"

#include <QDateTime>
#include <QString>

#include <memory>

namespace accelplan::ui::report {

struct ReportInput {
    Analysis analysis;
    QString scenarioFile; // as the user named it; empty for an unsaved scenario
    QDateTime generated;

    const Scenario &scenario() const { return analysis.scenario; }
    const Catalog &catalog() const { return *analysis.catalog; }
    const Evaluation &evaluation() const { return analysis.evaluation; }
    const Recommendation &recommendation() const { return analysis.recommendation; }
};

// Analyzes `scenario` against `catalog` fully (with the chip-count sweeps the charts need).
ReportInput makeReportInput(const Scenario &scenario, std::shared_ptr<const Catalog> catalog,
                            QString scenarioFile);
// For callers that already have the analysis (the workspace).
ReportInput makeReportInput(Analysis analysis, QString scenarioFile);

} // namespace accelplan::ui::report
