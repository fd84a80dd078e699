// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation_run.h"

#include "catalog/catalog_store.h"
#include "io/result_csv.h"
#include "io/result_json.h"
#include "io/result_table.h"
#include "io/scenario_check.h"
#include "io/scenario_json.h"

#include <QFile>
#include <QTextStream>

#include <unistd.h>

namespace accelplan::cli {
namespace {

std::optional<OutputFormat> formatFromString(const QString &s) {
    if (s == QLatin1String("json"))
        return OutputFormat::json;
    if (s == QLatin1String("table"))
        return OutputFormat::table;
    if (s == QLatin1String("csv"))
        return OutputFormat::csv;
    return std::nullopt;
}

void writeOut(const QByteArray &bytes) {
    QFile out;
    if (out.open(stdout, QIODevice::WriteOnly))
        out.write(bytes);
}

} // namespace

std::optional<EvaluationArgs> parseEvaluationArgs(const QStringList &args, const QString &command) {
    QTextStream err(stderr);
    const QString prefix = QStringLiteral("accelplan-cli ") + command + QStringLiteral(": ");
    EvaluationArgs out;
    bool formatGiven = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        // "--format json" and "--format=json" alike.
        QString name = arg;
        std::optional<QString> value;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            name = arg.section(QLatin1Char('='), 0, 0);
            value = arg.section(QLatin1Char('='), 1);
        }
        const bool takesValue =
            name == QLatin1String("--format") || name == QLatin1String("--catalog");
        if (takesValue && !value) {
            if (i + 1 >= args.size()) {
                err << prefix << name << " needs a value\n";
                return std::nullopt;
            }
            value = args[++i];
        }
        if (name == QLatin1String("--format")) {
            const auto format = formatFromString(*value);
            if (!format) {
                err << prefix << "unknown format '" << *value << "'; expected json, table or csv\n";
                return std::nullopt;
            }
            out.format = *format;
            formatGiven = true;
        } else if (name == QLatin1String("--catalog")) {
            if (value->isEmpty()) {
                err << prefix << "--catalog needs a file name\n";
                return std::nullopt;
            }
            out.catalogPath = *value;
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            out.rest << arg; // the command's own options
        } else if (out.scenarioPath.isEmpty()) {
            out.scenarioPath = arg;
        } else {
            err << prefix << "one scenario at a time; unexpected '" << arg << "'\n";
            return std::nullopt;
        }
    }
    if (out.scenarioPath.isEmpty()) {
        err << prefix << "which scenario? give SCENARIO.json\n";
        return std::nullopt;
    }
    if (!formatGiven)
        out.format = isatty(STDOUT_FILENO) ? OutputFormat::table : OutputFormat::json;
    return out;
}

std::optional<EvaluationInputs> loadInputs(const EvaluationArgs &args, bool checkCandidates) {
    QTextStream err(stderr);
    data::ScenarioReadResult read = data::readScenarioFile(args.scenarioPath);
    if (!read.scenario) {
        err << data::toString(read.errors);
        return std::nullopt;
    }
    QString error;
    std::optional<Catalog> catalog = data::loadCatalog(args.catalogPath, &error);
    if (!catalog) {
        err << "accelplan-cli: " << error << "\n";
        return std::nullopt;
    }
    data::IoErrors problems = data::checkConstraints(*read.scenario, *catalog, args.scenarioPath);
    if (checkCandidates)
        problems += data::checkCandidates(*read.scenario, *catalog, args.scenarioPath);
    if (!problems.isEmpty()) {
        err << data::toString(problems);
        return std::nullopt;
    }
    return EvaluationInputs{std::move(*read.scenario),
                            std::make_shared<const Catalog>(std::move(*catalog))};
}

void printAnalysis(const Analysis &analysis, OutputFormat format, std::optional<int> maxChips) {
    const Evaluation &evaluation = analysis.evaluation;
    switch (format) {
    case OutputFormat::json:
        writeOut(data::resultToJson(evaluation, {&analysis.recommendation, maxChips, &analysis}));
        return;
    case OutputFormat::table:
        writeOut(data::resultToTable(evaluation, &analysis.recommendation, &analysis).toUtf8());
        return;
    case OutputFormat::csv: writeOut(data::resultToCsv(evaluation)); return;
    }
}

} // namespace accelplan::cli
