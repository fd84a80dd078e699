// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What `evaluate` and `compare` share: reading the scenario and the catalog (every problem
// printed on stderr, located), and printing the result in the chosen format.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "plan/plan_details.h"
#include "plan/recommend.h"
#include "scenario/scenario.h"

#include <QString>
#include <QStringList>

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
    Catalog catalog;
};

// Reads the scenario and the catalog. On bad input prints one line per problem on stderr and
// returns nothing. The constraints' providers must be in the catalog, and with `checkCandidates`
// the scenario's chips and offerings too.
std::optional<EvaluationInputs> loadInputs(const EvaluationArgs &args, bool checkCandidates);

struct PrintExtras {
    std::optional<int> maxChips;          // compare: the largest count searched
    const PlanDetails *details = nullptr; // growth and sensitivity (json and table)
};

void printEvaluation(const Evaluation &evaluation, const Recommendation &recommendation,
                     OutputFormat format, const PrintExtras &extras = {});

} // namespace accelplan::cli
