// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "catalog/catalog_store.h"
#include "io/scenario_json.h"
#include "report/report_writer.h"

#include <QTextStream>

namespace accelplan::cli {

int runReport(const QStringList &args) {
    QTextStream err(stderr);
    QString scenarioPath, outputPath, catalogPath;
    auto paper = ui::report::PaperSize::a4;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        if ((a == QLatin1String("-o") || a == QLatin1String("--output")) && hasValue) {
            outputPath = args[++i];
        } else if (a == QLatin1String("--catalog") && hasValue) {
            catalogPath = args[++i];
        } else if (a == QLatin1String("--paper") && hasValue) {
            const QString p = args[++i].toLower();
            if (p == QLatin1String("letter"))
                paper = ui::report::PaperSize::letter;
            else if (p != QLatin1String("a4")) {
                err << "accelplan-cli report: --paper takes a4 or letter, got '" << p << "'\n";
                return UsageError;
            }
        } else if (!a.startsWith(QLatin1Char('-')) && scenarioPath.isEmpty()) {
            scenarioPath = a;
        } else {
            err << "accelplan-cli report: unexpected argument '" << a << "'\n";
            return UsageError;
        }
    }
    if (scenarioPath.isEmpty() || outputPath.isEmpty()) {
        err << "usage: accelplan-cli report SCENARIO.json -o REPORT.pdf [--paper a4|letter] "
               "[--catalog DB]\n";
        return UsageError;
    }
    const data::ScenarioReadResult read = data::readScenarioFile(scenarioPath);
    if (!read.scenario) {
        err << data::toString(read.errors);
        return BadInput;
    }
    QString error;
    std::optional<Catalog> catalog = data::loadCatalog(catalogPath, &error);
    if (!catalog) {
        err << "accelplan-cli: " << error << "\n";
        return BadInput;
    }
    const ui::report::ReportInput input = ui::report::makeReportInput(
        *read.scenario, std::make_shared<const Catalog>(std::move(*catalog)), scenarioPath);
    if (!ui::report::writeReport(input, outputPath, paper, &error)) {
        err << "accelplan-cli: " << error << "\n";
        return BadInput;
    }
    return Success;
}

} // namespace accelplan::cli
