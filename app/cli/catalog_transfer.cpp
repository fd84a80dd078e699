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
    const auto store = openStore(options, err);
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
