// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `accelplan-cli catalog list|show|export|import|validate`: the parts shared by the catalog
// subcommands. Each subcommand gets its parsed options and returns the exit status.

#include "catalog/catalog_store.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace accelplan::cli::catalog {

struct Options {
    QString subcommand;
    QStringList operands; // CHIP_ID or FILE
    QString catalogPath;  // --catalog DB; empty: the user's catalog
    QString format;       // --format, empty when not given
    QString kind;         // --kind, empty when not given
    bool replace = false; // --replace (import)
};

int list(const Options &options);
int show(const Options &options);
int exportFile(const Options &options);
int importFile(const Options &options); // merges, or replaces with --replace
int validate(const Options &options);

// Opens the catalog `--catalog` names (empty: the user's), saying so when a newer shipped
// catalog was merged in; on failure prints the reason and returns null.
std::unique_ptr<data::CatalogStore> openStore(const QString &catalogPath, QTextStream &err);

} // namespace accelplan::cli::catalog
