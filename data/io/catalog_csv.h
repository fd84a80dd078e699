// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The catalog as one CSV file, for spreadsheets: `catalog export FILE.csv` writes it and
// `catalog import FILE.csv` reads it. The layout (resources/catalog/README.md says the same for
// users):
//
//   format,accelplan.catalog/1
//   catalog_version,2026.11-1
//
//   [chips]
//   id,vendor,family,name,kind,year,...,provenance
//   nvidia-h100-sxm5-80gb,NVIDIA,Hopper,H100 SXM5 80GB,gpu,2022,...,shipped
//
//   [sources]
//   chip,field,url,title,retrieved
//   nvidia-h100-sxm5-80gb,*,https://...,NVIDIA H100 datasheet,2026-11-01
//
//   [offerings]
//   chip,provider,instance,region,chips_per_instance,usd_per_hour.on-demand,...
//
// - Before the first section, "key,value" lines: `format` (required) and `catalog_version`.
// - A line holding only `[chips]`, `[sources]` or `[offerings]` starts that section (each at
//   most once; [chips] is required); the next line names its columns, in any order. Columns
//   are the JSON document's keys, nested ones dotted (`peak_flops.bf16`, `scale_up.topology`,
//   `usd_per_hour.spot`); required columns must be there, unknown ones are an error.
// - A chip's sources are the [sources] rows naming it, in file order.
// - An empty cell is an unknown value. Quantities are numbers in base units (bytes, FLOP/s,
//   bytes/s, W, US dollars; prices in US dollars per instance-hour), as in the JSON document,
//   or strings with a unit ("3.35 TB/s", "80 GB", "$55.04/h").
// - Blank lines are skipped.
//
// Every problem names the file, its line and column, the column's name and what is wrong:
// "chips.csv:12:40: memory_bandwidth_bytes_per_s: '3.35 TB' is not a bandwidth ...".

#include "hardware/catalog.h"
#include "hardware/validation.h"
#include "io/io_error.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace accelplan::data {

// Where each record read from a CSV file is, for locating the catalog rules' problems.
struct CatalogCsvLocations {
    struct Row {
        int line = 0;
        QHash<QString, int> columns; // column name -> column (1-based characters) on that line
    };
    std::vector<Row> chips;                // Catalog::chips order
    std::vector<std::vector<Row>> sources; // per chip, its sources in order
    std::vector<Row> offerings;            // Catalog::offerings order
};

struct CatalogCsvRead {
    std::optional<Catalog> catalog; // empty when any problem was found
    IoErrors errors;
    CatalogCsvLocations locations;
};

CatalogCsvRead readCatalogCsv(const QByteArray &bytes, const QString &fileName);
QByteArray writeCatalogCsv(const Catalog &catalog);

// "FILE:LINE:COLUMN: memory_bytes: what (chip ID)" for a rule broken by a record read from it.
QString describeAtCsvLocation(const QString &fileName, const CatalogCsvLocations &locations,
                              const ValidationProblem &problem);

} // namespace accelplan::data
