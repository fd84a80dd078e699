// SPDX-License-Identifier: GPL-3.0-or-later
// `catalog validate [FILE]`: the catalog's rules (hardware/validation.h) over the catalog
// database, or over a catalog file before it is imported, and a TDP and a price for every chip.
// Every problem is one line naming the file and where; any problem makes the exit status 1.
// Estimated TDPs and prices are listed as notes.

#include "catalog_command.h"
#include "cli.h"

#include "efficiency/efficiency_data.h"
#include "hardware/validation.h"
#include "io/catalog_file.h"

#include <QTextStream>

namespace accelplan::cli::catalog {
namespace {

// The rules, then what a catalog needs for costing: every chip with a TDP and a price. The
// estimates among those are notes, on stdout, and never fail the check.
int report(const Catalog &catalog, const std::function<QString(const ValidationProblem &)> &locate,
           const QString &file) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    std::vector<ValidationProblem> problems = validateCatalog(catalog);
    for (ValidationProblem &p : missingCostFacts(catalog))
        problems.push_back(std::move(p));
    for (ValidationProblem &p : unknownEfficiencyFamilies(catalog, efficiencyData()))
        problems.push_back(std::move(p));
    for (const ValidationProblem &p : problems)
        err << locate(p) << "\n";
    const std::vector<ValidationProblem> estimates = estimatedCostFacts(catalog);
    for (const ValidationProblem &p : estimates)
        out << "note: " << locate(p) << "\n";
    if (!estimates.empty())
        out << file << ": " << estimates.size()
            << (estimates.size() == 1 ? " estimate" : " estimates") << " (TDP or price)\n";
    if (!problems.empty()) {
        err << file << ": " << problems.size() << (problems.size() == 1 ? " problem" : " problems")
            << "\n";
        return BadInput;
    }
    out << file << ": no problems in " << catalog.chips.size() << " chips and "
        << catalog.offerings.size() << " offerings\n";
    return Success;
}

int validateFile(const QString &file) {
    QTextStream err(stderr);
    data::CatalogFileRead read = data::readCatalogFile(file);
    if (!read.catalog) {
        for (const QString &problem : read.problems)
            err << problem << "\n";
        return BadInput;
    }
    return report(*read.catalog, read.locate, file);
}

} // namespace

int validate(const Options &options) {
    if (!options.operands.isEmpty())
        return validateFile(options.operands.first());
    QTextStream err(stderr);
    const auto store = openStore(options.catalogPath, err);
    if (!store)
        return BadInput;
    const QStringList damage = store->checkIntegrity();
    if (!damage.isEmpty()) {
        for (const QString &line : damage)
            err << line << "\n";
        return BadInput;
    }
    QString error;
    const std::optional<Catalog> catalog = store->load(&error);
    if (!catalog) {
        err << "accelplan-cli: " << error << "\n";
        return BadInput;
    }
    const QString file = store->path();
    return report(
        *catalog, [&](const ValidationProblem &p) { return data::describeAtJsonPath(file, p); },
        file);
}

} // namespace accelplan::cli::catalog
