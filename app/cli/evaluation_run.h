// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What `evaluate` and `compare` share: reading the scenario and the catalog (every problem
// printed on stderr, located), and printing the result in the chosen format.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "plan/analysis.h"
#include "plan/recommend.h"
#include "scenario/scenario.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace accelplan::cli {

enum class OutputFormat { json, table, csv };

// The options both commands take; `rest` holds what is left for the command itself.
struct EvaluationArgs {
    QString scenarioPath;
    QString catalogPath;
    OutputFormat format = OutputFormat::json;
    QStringList rest;
};

// Parses [--format F] [--catalog DB] and one SCENARIO argument, handing other options back in
// `rest`. Without --format: a table on a terminal, JSON otherwise (pipes, files, scripts).
// Prints the problem and returns nothing on a usage error.
std::optional<EvaluationArgs> parseEvaluationArgs(const QStringList &args, const QString &command);

struct EvaluationInputs {
    Scenario scenario;
    std::shared_ptr<const Catalog> catalog; // never null
};

// Reads the scenario and the catalog. On bad input prints one line per problem on stderr and
// returns nothing. The constraints' providers must be in the catalog, and with `checkCandidates`
// the scenario's chips and offerings too.
std::optional<EvaluationInputs> loadInputs(const EvaluationArgs &args, bool checkCandidates);

// Prints the analysis's evaluation with its recommendation, growth and sensitivity (JSON and
// table; CSV has the results only). `maxChips`: compare's largest count searched.
void printAnalysis(const Analysis &analysis, OutputFormat format,
                   std::optional<int> maxChips = std::nullopt);

} // namespace accelplan::cli
