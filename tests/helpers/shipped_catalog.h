// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The shipped seed catalog, loaded into a private SQLite file so that tests running side by
// side never share (or lock) one catalog file. Needs ACCELPLAN_DATA_DIR (set by ctest).

#include "catalog/catalog_store.h"
#include "hardware/catalog.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace accelplan::test {

inline std::shared_ptr<const Catalog> shippedCatalog() {
    QTemporaryDir dir;
    QString error;
    auto catalog = data::loadCatalog(dir.filePath(QStringLiteral("catalog.sqlite")), &error);
    if (!catalog)
        qFatal("cannot load the shipped catalog: %s", qPrintable(error));
    return std::make_shared<const Catalog>(std::move(*catalog));
}

} // namespace accelplan::test
