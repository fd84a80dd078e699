#include "report/report_input.h"

#include "evaluation/evaluate.h"

namespace accelplan::ui::report {

ReportInput makeReportInput(Scenario scenario, Catalog catalog, QString scenarioFile) {
    ReportInput in;
    in.evaluation = evaluate(scenario, catalog);
    in.recommendation = recommend(scenario, catalog, in.evaluation);
    in.scenario = std::move(scenario);
    in.catalog = std::move(catalog);
    in.scenarioFile = std::move(scenarioFile);
    in.generated = QDateTime::currentDateTime();
    return in;
}

} // namespace accelplan::ui::report
