// SPDX-License-Identifier: GPL-3.0-or-later
// accelplan-cli evaluate SCENARIO.json [--format json|table|csv] [--catalog DB]

#include "cli.h"
#include "evaluation_run.h"

#include "plan/analysis.h"

#include <QTextStream>

namespace accelplan::cli {
namespace {

constexpr char kEvaluateHelp[] =
    "usage: accelplan-cli evaluate SCENARIO.json [--format json|table|csv] [--catalog DB]\n"
    "\n"
    "Evaluates every candidate of the scenario: training time, serving latency and throughput,\n"
    "memory fit, cost, energy and CO2, and which candidate to choose.\n"
    "\n"
    "  --format json   the accelplan.result/1 document (plain numbers: seconds, bytes, USD,\n"
    "                  kWh, kg; null where a value does not exist)\n"
    "  --format table  tables for people, every number with its unit\n"
    "  --format csv    one row per candidate, the unit in each column's name\n"
    "                  Without --format: a table on a terminal, JSON when piped or redirected.\n"
    "  --catalog DB    the catalog file to use (created from the shipped seed when missing)\n"
    "\n"
    "Exit status: 0 success, 1 bad input (one line per problem on stderr), 2 usage error.\n";

} // namespace

int runEvaluate(const QStringList &args) {
    QTextStream err(stderr);
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        QTextStream(stdout) << kEvaluateHelp;
        return Success;
    }
    const auto parsed = parseEvaluationArgs(args, QStringLiteral("evaluate"));
    if (!parsed) {
        err << kEvaluateHelp;
        return UsageError;
    }
    if (!parsed->rest.isEmpty()) {
        err << "accelplan-cli evaluate: unknown option '" << parsed->rest.first() << "'\n"
            << kEvaluateHelp;
        return UsageError;
    }
    const auto inputs = loadInputs(*parsed, true);
    if (!inputs)
        return BadInput;
    if (inputs->scenario.candidates.empty()) {
        err << parsed->scenarioPath
            << ": candidates: no candidates to evaluate; list some, or let `accelplan-cli "
               "compare SCENARIO.json --all-chips` try every chip\n";
        return BadInput;
    }
    Analysis analysis = analyze(inputs->scenario, inputs->catalog);
    addSensitivityAndGrowth(analysis);
    printAnalysis(analysis, parsed->format);
    return Success;
}

} // namespace accelplan::cli
