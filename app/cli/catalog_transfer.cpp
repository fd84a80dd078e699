// SPDX-License-Identifier: GPL-3.0-or-later
// `catalog export FILE` and `catalog import FILE`: the user catalog to and from JSON or CSV.

#include "catalog_command.h"
#include "cli.h"

#include "io/catalog_file.h"

#include <QTextStream>

namespace accelplan::cli::catalog {

int exportFile(const Options &options) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString &file = options.operands.first();
    if (!data::catalogFileFormatOf(file)) {
        err << "accelplan-cli catalog export: " << file
            << ": the file name must end in .json or .csv (that picks the format)\n";
        return UsageError;
    }
    const auto store = openStore(options.catalogPath, err);
    if (!store)
        return BadInput;
    QString error;
    const std::optional<Catalog> catalog = store->load(&error);
    if (!catalog || !data::writeCatalogFile(file, *catalog, &error)) {
        err << "accelplan-cli: " << error << "\n";
        return BadInput;
    }
    out << "exported " << catalog->chips.size() << " chips and " << catalog->offerings.size()
        << " offerings to " << file << "\n";
    return Success;
}

} // namespace accelplan::cli::catalog

namespace accelplan::cli::catalog {

int importFile(const Options &options) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString &file = options.operands.first();
    if (!data::catalogFileFormatOf(file)) {
        err << "accelplan-cli catalog import: " << file
            << ": the file name must end in .json or .csv (that picks the format)\n";
        return UsageError;
    }
    const data::CatalogFileRead read = data::readCatalogFile(file);
    if (!read.catalog) {
        for (const QString &problem : read.problems)
            err << problem << "\n";
        err << file << ": nothing was imported\n";
        return BadInput;
    }
    const auto store = openStore(options.catalogPath, err);
    if (!store)
        return BadInput;
    using Mode = data::CatalogStore::ImportMode;
    const auto result = store->importCatalog(
        *read.catalog, options.replace ? Mode::replace : Mode::merge, read.locate);
    if (!result.ok) {
        for (const QString &problem : result.problems)
            err << problem << "\n";
        err << file << ": nothing was imported\n";
        return BadInput;
    }
    out << "imported " << file << " into " << store->path() << ": chips " << result.chipsAdded
        << " added, " << result.chipsChanged << " changed, " << result.chipsRemoved
        << " removed; offerings " << result.offeringsAdded << " added, " << result.offeringsChanged
        << " changed, " << result.offeringsRemoved << " removed\n";
    return Success;
}

} // namespace accelplan::cli::catalog
