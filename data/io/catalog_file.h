// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A catalog file as `catalog import`/`export` (and the editor) see it: JSON or CSV by the file
// name's extension, read with every problem located, written atomically.
//
// The catalog's own rules (hardware/validation.h) report a record by its position and key; a
// file read here can say where that record is in the file (a JSON path, or a CSV line and
// column), so that a person can fix it.

#include "hardware/catalog.h"
#include "hardware/validation.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace accelplan::data {

enum class CatalogFileFormat { json, csv };

// By the extension, case-insensitively: ".json" or ".csv"; nothing for any other name.
std::optional<CatalogFileFormat> catalogFileFormatOf(const QString &path);

struct CatalogFileRead {
    std::optional<Catalog> catalog; // empty when any problem was found
    QStringList problems;           // one line each: "FILE: WHERE: what is wrong"
    // One line for a broken rule of a record read from this file, naming the file and where
    // the record's field is in it. Set whenever `catalog` is.
    std::function<QString(const ValidationProblem &)> locate;
};

// Reads a JSON or CSV catalog file; `displayName` names it in the problems (default: `path`).
CatalogFileRead readCatalogFile(const QString &path, const QString &displayName = {});

// Writes JSON or CSV (by the extension) with writeFileWhole (io/save_file.h): on failure the old
// file is left as it was.
bool writeCatalogFile(const QString &path, const Catalog &catalog, QString *error);

// "FILE: chips[3].memory_bytes: what (chip ID)": a rule broken by a record at a JSON path,
// also how a catalog database's problems are named (by the path its export would have).
QString describeAtJsonPath(const QString &file, const ValidationProblem &problem);

} // namespace accelplan::data
