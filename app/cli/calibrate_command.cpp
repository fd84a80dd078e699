// SPDX-License-Identifier: GPL-3.0-or-later
// accelplan-cli calibrate: fits the efficiency table to the published measurements of a
// calibration folder and says, by grouped cross-validation, how well the fit predicts cases
// it was not fitted on. --write saves the fitted table (resources/efficiency/efficiency.csv
// is the shipped one).

#include "catalog/catalog_store.h"
#include "cli.h"
#include "efficiency/fit.h"
#include "io/calibration_cases.h"
#include "io/save_file.h"

#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <map>
#include <thread>

namespace accelplan::cli {

namespace {

struct Args {
    QString cases;
    QString catalog; // empty: the shipped catalog, in a temporary file
    QString write;
    int folds = 5;
    int sweeps = 2;
    int threads = 0; // 0: one per core
    int splits = 1;  // ways of putting the groups into folds (fit::groupedFolds)
    bool perCase = false;
};

std::optional<Args> parseArgs(const QStringList &args, QTextStream &err) {
    Args out;
    const QString prefix = QStringLiteral("accelplan-cli calibrate: ");
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString name = args[i];
        std::optional<QString> value;
        if (name.startsWith(QLatin1String("--")) && name.contains(u'=')) {
            value = name.section(u'=', 1);
            name = name.section(u'=', 0, 0);
        }
        if (name == QLatin1String("--per-case")) {
            out.perCase = true;
            continue;
        }
        static const QStringList withValue{QStringLiteral("--cases"),  QStringLiteral("--catalog"),
                                           QStringLiteral("--write"),  QStringLiteral("--folds"),
                                           QStringLiteral("--sweeps"), QStringLiteral("--threads"),
                                           QStringLiteral("--splits")};
        if (!withValue.contains(name)) {
            err << prefix << "unknown option '" << args[i] << "'\n";
            return std::nullopt;
        }
        if (!value) {
            if (i + 1 >= args.size()) {
                err << prefix << name << " needs a value\n";
                return std::nullopt;
            }
            value = args[++i];
        }
        bool ok = true;
        if (name == QLatin1String("--cases"))
            out.cases = *value;
        else if (name == QLatin1String("--catalog"))
            out.catalog = *value;
        else if (name == QLatin1String("--write"))
            out.write = *value;
        else if (name == QLatin1String("--folds"))
            out.folds = value->toInt(&ok);
        else if (name == QLatin1String("--sweeps"))
            out.sweeps = value->toInt(&ok);
        else if (name == QLatin1String("--splits"))
            out.splits = value->toInt(&ok);
        else
            out.threads = value->toInt(&ok);
        if (!ok || (name == QLatin1String("--folds") && (out.folds < 2 || out.folds > 50)) ||
            (name == QLatin1String("--sweeps") && (out.sweeps < 1 || out.sweeps > 20)) ||
            (name == QLatin1String("--threads") && (out.threads < 1 || out.threads > 256)) ||
            (name == QLatin1String("--splits") && (out.splits < 1 || out.splits > 20))) {
            err << prefix << name << " '" << *value
                << "' is out of range (folds 2 to 50, sweeps 1 to 20, threads 1 to 256, splits 1 "
                   "to 20)\n";
            return std::nullopt;
        }
    }
    if (out.cases.isEmpty()) {
        err << "usage: accelplan-cli calibrate --cases DIR [--write FILE] [--folds K] "
               "[--sweeps N] [--threads N] [--catalog DB] [--per-case] [--splits S]\n";
        return std::nullopt;
    }
    return out;
}

QString percent(double logError) {
    return QString::number(100 * (std::exp(logError) - 1), 'f', 1) + QStringLiteral(" %");
}

void printSummary(QTextStream &out, const QString &name, const fit::CrossValidation &cv,
                  const std::vector<std::size_t> &which) {
    const auto in = fit::absoluteErrors(cv.inSample, which),
               held = fit::absoluteErrors(cv.heldOut, which);
    const auto twice =
        std::count_if(held.begin(), held.end(), [](double e) { return e >= std::log(2.0); });
    const double inMedian = fit::quantile(in, 0.5), heldMedian = fit::quantile(held, 0.5);
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
               .arg(name, -10)
               .arg(which.size(), 5)
               .arg(percent(inMedian), 10)
               .arg(percent(fit::quantile(in, 0.9)), 10)
               .arg(percent(heldMedian), 10)
               .arg(percent(fit::quantile(held, 0.9)), 10)
               .arg(twice, 5)
               .arg(inMedian > 0 ? QString::number(heldMedian / inMedian, 'f', 2)
                                 : QStringLiteral("-"),
                    7);
}

// The cross-validated median and p90 of each split, and their mean: how much the figure above
// owes to the one split it was measured on.
void printSplits(QTextStream &out, const QString &name, const fit::CrossValidation &cv,
                 const std::vector<std::size_t> &which) {
    std::vector<const std::vector<std::optional<double>> *> splits{&cv.heldOut};
    for (const auto &s : cv.otherSplits)
        splits.push_back(&s);
    QStringList medians, p90s;
    double medianSum = 0, p90Sum = 0;
    for (const auto *s : splits) {
        const auto held = fit::absoluteErrors(*s, which);
        const double median = fit::quantile(held, 0.5), p90 = fit::quantile(held, 0.9);
        medianSum += median;
        p90Sum += p90;
        medians << percent(median);
        p90s << percent(p90);
    }
    const double n = double(splits.size());
    out << QStringLiteral("%1 CV median %2 (mean %3), CV p90 %4 (mean %5)\n")
               .arg(name, -10)
               .arg(medians.join(QStringLiteral(", ")), percent(medianSum / n),
                    p90s.join(QStringLiteral(", ")), percent(p90Sum / n));
}

} // namespace

int runCalibrate(const QStringList &argList) {
    QTextStream out(stdout), err(stderr);
    const auto args = parseArgs(argList, err);
    if (!args)
        return UsageError;

    data::CalibrationCases read = data::readCalibrationCases(args->cases);
    if (!read.errors.isEmpty()) {
        err << data::toString(read.errors);
        return BadInput;
    }
    QTemporaryDir scratch;
    const QString catalogPath = args->catalog.isEmpty()
                                    ? scratch.filePath(QStringLiteral("shipped.sqlite"))
                                    : args->catalog;
    QString error;
    const auto catalog = data::loadCatalog(catalogPath, &error);
    if (!catalog) {
        err << "accelplan-cli calibrate: " << error << "\n";
        return BadInput;
    }

    fit::Options options;
    options.sweeps = args->sweeps;
    options.threads =
        args->threads > 0 ? args->threads : int(std::max(1U, std::thread::hardware_concurrency()));
    options.progress = [&err](const std::string &line) {
        err << QString::fromStdString(line) << "\n";
        err.flush();
    };
    const std::vector<fit::Case> &cases = read.cases;
    const fit::CrossValidation cv = fit::crossValidate(shippedEfficiencyData(), cases, *catalog,
                                                       args->folds, options, args->splits);

    std::map<QString, std::vector<std::size_t>> byKind;
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        byKind[QString::fromStdString(cases[i].kind)].push_back(i);
        all.push_back(i);
    }
    const auto fittedRows =
        std::count_if(cv.all.rows().begin(), cv.all.rows().end(),
                      [](const EfficiencyRow &r) { return !r.fittedOn.empty(); });
    out << cases.size() << " cases, " << args->folds
        << " folds grouped by chip family x workload family; " << fittedRows << " of "
        << cv.all.rows().size() << " rows fitted (the others keep their priors: fewer than "
        << fit::kMinCases << " cases from " << fit::kMinSources << " sources)\n\n";
    if (args->perCase) {
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const auto shown = [](const std::optional<double> &e) {
                return e ? (*e >= 0 ? QStringLiteral("+") : QStringLiteral("-")) +
                               percent(std::fabs(*e))
                         : QStringLiteral("no number");
            };
            out << QStringLiteral("%1 %2 fold %3  in-sample %4  held out %5\n")
                       .arg(QString::fromStdString(cases[i].id), -7)
                       .arg(QString::fromStdString(cases[i].group), -28)
                       .arg(cv.foldOf[i])
                       .arg(shown(cv.inSample[i]), 10)
                       .arg(shown(cv.heldOut[i]), 10);
        }
        out << "\n";
    }
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
               .arg(QStringLiteral("kind"), -10)
               .arg(QStringLiteral("cases"), 5)
               .arg(QStringLiteral("in median"), 10)
               .arg(QStringLiteral("in p90"), 10)
               .arg(QStringLiteral("CV median"), 10)
               .arg(QStringLiteral("CV p90"), 10)
               .arg(QStringLiteral(">=2x"), 5)
               .arg(QStringLiteral("CV/in"), 7);
    for (const auto &[kind, which] : byKind)
        printSummary(out, kind, cv, which);
    printSummary(out, QStringLiteral("all"), cv, all);
    if (!cv.otherSplits.empty()) {
        out << "\nover " << cv.otherSplits.size() + 1
            << " splits of the groups into folds (the first is the one above):\n";
        for (const auto &[kind, which] : byKind)
            printSplits(out, kind, cv, which);
    }

    if (!args->write.isEmpty()) {
        QString problem;
        if (!data::writeFileWhole(args->write, QByteArray::fromStdString(cv.all.toCsv()),
                                  &problem)) {
            err << "accelplan-cli calibrate: " << problem << "\n";
            return BadInput;
        }
        out << "\nwrote the fitted table to " << args->write << "\n";
    }
    return Success;
}

} // namespace accelplan::cli
