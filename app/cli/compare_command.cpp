// SPDX-License-Identifier: GPL-3.0-or-later
// accelplan-cli compare SCENARIO.json --all-chips [--max-chips N] [--format ...] [--catalog DB]

#include "cli.h"
#include "evaluation_run.h"

#include "plan/analysis.h"
#include "plan/count_search.h"

#include <QTextStream>

#include <vector>

namespace accelplan::cli {
namespace {

constexpr char kCompareHelp[] =
    "usage: accelplan-cli compare SCENARIO.json --all-chips [--max-chips N]\n"
    "                             [--format json|table|csv] [--catalog DB]\n"
    "\n"
    "Like evaluate, but each chip runs at the best count up to N (default 4096), found by\n"
    "search under the scenario's goal (default: the cheapest; among counts costing at most 5 %\n"
    "more, the fastest). The result lists the chips ranked, with why the winner wins.\n"
    "\n"
    "  --all-chips     every chip in the catalog (without it: the chips of the scenario's\n"
    "                  candidates, with their offerings)\n"
    "  --max-chips N   the most chips of one kind to consider, 1 to 1048576\n"
    "  --format, --catalog  as for evaluate (see accelplan-cli evaluate --help)\n"
    "\n"
    "Exit status: 0 success, 1 bad input (one line per problem on stderr), 2 usage error.\n";

struct CompareOptions {
    bool allChips = false;
    int maxChips = kDefaultMaxChips;
};

// Reads the command's own options; prints the problem and returns nothing on a usage error.
std::optional<CompareOptions> parseCompareOptions(const QStringList &rest) {
    QTextStream err(stderr);
    CompareOptions out;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        QString name = rest[i];
        std::optional<QString> value;
        if (name.contains(QLatin1Char('='))) {
            value = name.section(QLatin1Char('='), 1);
            name = name.section(QLatin1Char('='), 0, 0);
        }
        if (name == QLatin1String("--all-chips") && !value) {
            out.allChips = true;
        } else if (name == QLatin1String("--max-chips")) {
            if (!value && i + 1 < rest.size())
                value = rest[++i];
            bool ok = false;
            const int n = value ? value->toInt(&ok) : 0;
            if (!ok || n < 1 || n > kMaxChips) {
                err << "accelplan-cli compare: --max-chips needs a whole number from 1 to "
                    << kMaxChips << (value ? ", got '" + *value + "'" : QString()) << "\n";
                return std::nullopt;
            }
            out.maxChips = n;
        } else {
            err << "accelplan-cli compare: unknown option '" << rest[i] << "'\n";
            return std::nullopt;
        }
    }
    return out;
}

} // namespace

int runCompare(const QStringList &args) {
    QTextStream err(stderr);
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        QTextStream(stdout) << kCompareHelp;
        return Success;
    }
    // "--max-chips N": N is the option's value, not the scenario.
    QStringList joined;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--max-chips") && i + 1 < args.size()) {
            joined << args[i] + QLatin1Char('=') + args[i + 1];
            ++i;
        } else {
            joined << args[i];
        }
    }
    const auto parsed = parseEvaluationArgs(joined, QStringLiteral("compare"));
    const auto options = parsed ? parseCompareOptions(parsed->rest) : std::nullopt;
    if (!parsed || !options) {
        err << kCompareHelp;
        return UsageError;
    }
    const auto inputs = loadInputs(*parsed, !options->allChips);
    if (!inputs)
        return BadInput;
    const Scenario &scenario = inputs->scenario;
    std::vector<Candidate> bases = everyChip(*inputs->catalog, scenario);
    if (!options->allChips) {
        if (scenario.candidates.empty()) {
            err << parsed->scenarioPath
                << ": candidates: no chips to compare; list candidates, or give --all-chips\n";
            return BadInput;
        }
        bases = scenario.candidates;
    }
    Analysis analysis = analyzeEvaluation(
        scenario, inputs->catalog,
        compareAtBestCounts(scenario, *inputs->catalog, bases, options->maxChips));
    addSensitivityAndGrowth(analysis);
    printAnalysis(analysis, parsed->format, options->maxChips);
    return Success;
}

} // namespace accelplan::cli
