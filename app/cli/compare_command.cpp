// SPDX-License-Identifier: GPL-3.0-or-later
// accelplan-cli compare SCENARIO.json --all-chips [--max-chips N] [filters] [--format ...]
//                       [--catalog DB]

#include "cli.h"
#include "evaluation_run.h"

#include "plan/analysis.h"
#include "plan/chip_filter.h"
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
    "  --kind K        with --all-chips, only chips of kind K: gpu, tpu, npu, cpu, other\n"
    "  --vendor V      ... only vendor V's chips (NVIDIA, AMD, Google, Huawei, ...)\n"
    "  --class C       ... only chips of class C: datacenter, workstation, edge\n"
    "  --ecosystem E   ... only chips programmed through E: CUDA, ROCm, XLA, CANN, Neuron,\n"
    "                  SynapseAI\n"
    "  --provider P    ... only chips that cloud provider P rents (aws, gcp, azure, ...)\n"
    "  --format, --catalog  as for evaluate (see accelplan-cli evaluate --help)\n"
    "\n"
    "Exit status: 0 success, 1 bad input (one line per problem on stderr), 2 usage error.\n";

struct CompareOptions {
    bool allChips = false;
    int maxChips = kDefaultMaxChips;
    ChipFilter filter;
};

// The options that take a value, given as "--name value" or "--name=value".
const QStringList kValueOptions{QStringLiteral("--max-chips"), QStringLiteral("--kind"),
                                QStringLiteral("--vendor"),    QStringLiteral("--class"),
                                QStringLiteral("--ecosystem"), QStringLiteral("--provider")};

// Sets the filter named by `name` from `value`; false when the value is not one it takes.
bool setFilter(ChipFilter &filter, const QString &name, const QString &value) {
    const std::string v = value.trimmed().toStdString();
    if (name == QLatin1String("--kind"))
        return (filter.kind = chipKindFromString(v)).has_value();
    if (name == QLatin1String("--class"))
        return (filter.chipClass = chipClassFromString(v)).has_value();
    if (name == QLatin1String("--ecosystem"))
        return (filter.ecosystem = ecosystemFromString(v)).has_value();
    if (v.empty())
        return false;
    (name == QLatin1String("--vendor") ? filter.vendor : filter.provider) = v;
    return true;
}

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
        } else if (kValueOptions.contains(name) && value) {
            if (!setFilter(out.filter, name, *value)) {
                err << "accelplan-cli compare: " << name << " does not take '" << *value << "'\n";
                return std::nullopt;
            }
        } else {
            err << "accelplan-cli compare: unknown option '" << rest[i] << "'\n";
            return std::nullopt;
        }
    }
    if (!out.filter.any() && !out.allChips) {
        err << "accelplan-cli compare: --kind, --vendor, --class, --ecosystem and --provider "
               "choose among every chip: give --all-chips too\n";
        return std::nullopt;
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
        if (kValueOptions.contains(args[i]) && i + 1 < args.size()) {
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
    std::vector<Candidate> bases = everyChip(*inputs->catalog, scenario, options->filter);
    if (!options->allChips) {
        if (scenario.candidates.empty()) {
            err << parsed->scenarioPath
                << ": candidates: no chips to compare; list candidates, or give --all-chips\n";
            return BadInput;
        }
        bases = scenario.candidates;
    } else if (bases.empty()) {
        err << parsed->scenarioPath << ": no chip of the catalog passes the filters given\n";
        return BadInput;
    }
    Analysis analysis = analyzeEvaluation(
        scenario, inputs->catalog,
        compareAtBestCounts(scenario, *inputs->catalog, bases, options->maxChips));
    addSensitivityAndGrowth(analysis);
    printAnalysis(analysis, parsed->format, options->maxChips);
    return Success;
}

} // namespace accelplan::cli
