// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "version.h"

#include "catalog/catalog_store.h"

#include <QTextStream>

namespace accelplan::cli {

int runVersion(const QStringList &args) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString catalogPath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--catalog") && i + 1 < args.size()) {
            catalogPath = args[++i];
        } else {
            err << "accelplan-cli --version: unexpected argument '" << args[i] << "'\n";
            return UsageError;
        }
    }
    out << "accelplan " << kAppVersion << "\n";
    QString error;
    const QString dataVersion = data::catalogDataVersion(catalogPath, &error);
    if (dataVersion.isEmpty()) {
        out.flush();
        err << "accelplan-cli: "
            << (error.isEmpty() ? QStringLiteral("the catalog has no data version") : error)
            << "\n";
        return BadInput;
    }
    out << "catalog " << dataVersion << "\n";
    return Success;
}

} // namespace accelplan::cli
