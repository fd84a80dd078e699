#pragma once
// Everything a report is made from: the scenario, the catalog it was evaluated against, and
// the evaluation with its recommendation. The app and the CLI fill it the same way, so both
// write the same document.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "plan/recommend.h"
#include "scenario/scenario.h"

#include <QDateTime>
#include <QString>

namespace accelplan::ui::report {

struct ReportInput {
    Scenario scenario;
    Catalog catalog;
    Evaluation evaluation;
    Recommendation recommendation;
    QString scenarioFile; // as the user named it; empty for an unsaved scenario
    QDateTime generated;
};

// Evaluates `scenario` against `catalog` and ranks the candidates.
ReportInput makeReportInput(Scenario scenario, Catalog catalog, QString scenarioFile);

} // namespace accelplan::ui::report
