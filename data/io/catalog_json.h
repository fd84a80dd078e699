// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The catalog document (`format: accelplan.catalog/1`, see the contract): what `catalog export
// FILE.json` writes, `catalog import FILE.json` reads, and what the shipped seed is.
//
// Beyond the contract's keys it carries every field of the catalog (family, process, fp64 and
// int4 rates, on-chip SRAM, memory type, notes, provenance) so that a round trip loses nothing.
// Numbers are base units; a reader also accepts a string with a unit ("3.35 TB/s").

#include "hardware/catalog.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace accelplan::data {

inline constexpr char kCatalogFormat[] = "accelplan.catalog/1";

struct CatalogReadResult {
    std::optional<Catalog> catalog; // empty when any problem was found
    QStringList problems;           // "FILE: JSON.PATH: what is wrong", one per problem
};

// Reads a document; `fileName` only labels the problems. Checks the format and the types of
// each key; the catalog's own rules (validation.h) are checked separately.
CatalogReadResult readCatalogJson(const QByteArray &bytes, const QString &fileName);
CatalogReadResult readCatalogJsonFile(const QString &path);

enum class JsonContent { everything, chipsOnly };
QByteArray writeCatalogJson(const Catalog &catalog, JsonContent content = JsonContent::everything);

// The JSON path of a validation problem's field: "chips[3].peak_flops.fp8".
QString jsonPathOf(bool chip, std::size_t index, const std::string &field);

} // namespace accelplan::data
