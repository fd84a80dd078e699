// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/catalog_file.h"

#include "io/catalog_csv.h"
#include "io/catalog_json.h"
#include "io/csv.h"
#include "io/read_file.h"
#include "io/save_file.h"
#include "support/qt_text.h"

#include <QFileInfo>

namespace accelplan::data {

std::optional<CatalogFileFormat> catalogFileFormatOf(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json"))
        return CatalogFileFormat::json;
    if (suffix == QLatin1String("csv"))
        return CatalogFileFormat::csv;
    return std::nullopt;
}

QString describeAtJsonPath(const QString &file, const ValidationProblem &problem) {
    const bool chip = problem.record == ValidationProblem::Record::chip;
    QString line =
        QStringLiteral("%1: %2: %3")
            .arg(file, jsonPathOf(chip, problem.index, problem.field), qs(problem.message));
    if (!problem.subject.empty())
        line += QStringLiteral(" (%1 %2)")
                    .arg(chip ? QStringLiteral("chip") : QStringLiteral("offering"),
                         qs(problem.subject));
    return line;
}

CatalogFileRead readCatalogFile(const QString &path, const QString &displayName) {
    const QString name = displayName.isEmpty() ? path : displayName;
    CatalogFileRead result;
    const auto format = catalogFileFormatOf(path);
    if (!format) {
        result.problems << QStringLiteral(
                               "%1: not a catalog file name: it must end in .json or .csv")
                               .arg(name);
        return result;
    }
    if (*format == CatalogFileFormat::csv) {
        QString problem;
        const std::optional<QByteArray> bytes = readRegularFile(path, kMaxCsvFileBytes, &problem);
        if (!bytes) {
            result.problems << QStringLiteral("%1: %2").arg(name, problem);
            return result;
        }
        if (bytes->size() > kMaxCsvFileBytes) {
            result.problems << QStringLiteral("%1: is larger than %2 MB, larger than any catalog")
                                   .arg(name)
                                   .arg(kMaxCsvFileBytes / (1024 * 1024));
            return result;
        }
        CatalogCsvRead csv = readCatalogCsv(*bytes, name);
        for (const IoError &e : csv.errors)
            result.problems << e.toString();
        result.catalog = std::move(csv.catalog);
        if (result.catalog)
            result.locate = [name,
                             locations = std::move(csv.locations)](const ValidationProblem &p) {
                return describeAtCsvLocation(name, locations, p);
            };
        return result;
    }
    CatalogReadResult json = readCatalogJsonFile(path);
    for (QString &problem : json.problems) {
        // readCatalogJsonFile names the file by its path; the caller may want another name.
        if (name != path && problem.startsWith(path))
            problem.replace(0, path.size(), name);
    }
    result.catalog = std::move(json.catalog);
    result.problems = std::move(json.problems);
    if (result.catalog)
        result.locate = [name](const ValidationProblem &p) { return describeAtJsonPath(name, p); };
    return result;
}

bool writeCatalogFile(const QString &path, const Catalog &catalog, QString *error) {
    const auto format = catalogFileFormatOf(path);
    if (!format) {
        *error =
            QStringLiteral("%1: not a catalog file name: it must end in .json or .csv").arg(path);
        return false;
    }
    const QByteArray bytes =
        *format == CatalogFileFormat::csv ? writeCatalogCsv(catalog) : writeCatalogJson(catalog);
    QString reason;
    if (!writeFileWhole(path, bytes, &reason)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, reason);
        return false;
    }
    return true;
}

} // namespace accelplan::data
