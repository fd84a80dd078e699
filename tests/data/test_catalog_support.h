// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the catalog tests: the shipped seed, a store on either back end, sorting for
// comparisons, small edits.

#include "catalog/catalog_store.h"
#include "hardware/catalog.h"
#include "helpers/postgres_server.h"
#include "io/catalog_json.h"

#include <QtTest>

#include <algorithm>

namespace accelplan::test {

inline Catalog shippedSeed() {
    const QString path = data::shippedSeedPath();
    if (path.isEmpty())
        qFatal("the shipped seed is missing: build the accelplan_resources target");
    data::CatalogReadResult read = data::readCatalogJsonFile(path);
    if (!read.catalog)
        qFatal("the shipped seed does not read: %s", qPrintable(read.problems.join(u'\n')));
    return *read.catalog;
}

// The store returns chips by id and offerings by provider/instance; so does this.
inline Catalog sorted(Catalog c) {
    std::sort(c.chips.begin(), c.chips.end(),
              [](const Chip &a, const Chip &b) { return a.id < b.id; });
    std::sort(c.offerings.begin(), c.offerings.end(), [](const Offering &a, const Offering &b) {
        return std::tie(a.provider, a.instance) < std::tie(b.provider, b.instance);
    });
    return c;
}

// A provenance as the files name it, for QCOMPARE.
inline QString name(Provenance p) {
    return QString::fromUtf8(toString(p).data(), qsizetype(toString(p).size()));
}

// Compares two catalogs and names the first difference.
inline void compareCatalogs(const Catalog &actual, const Catalog &expected) {
    QCOMPARE(actual.dataVersion, expected.dataVersion);
    QCOMPARE(actual.chips.size(), expected.chips.size());
    for (std::size_t i = 0; i < actual.chips.size(); ++i)
        QVERIFY2(actual.chips[i] == expected.chips[i], expected.chips[i].id.c_str());
    QCOMPARE(actual.offerings.size(), expected.offerings.size());
    for (std::size_t i = 0; i < actual.offerings.size(); ++i)
        QVERIFY2(actual.offerings[i] == expected.offerings[i], expected.offerings[i].id().c_str());
}

// A chip of the user's own with the values a prediction needs, for the write tests.
inline Chip exampleChip(const std::string &id) {
    Chip chip;
    chip.id = id;
    chip.vendor = "Example";
    chip.name = "Example NPU";
    chip.kind = ChipKind::npu;
    chip.launchYear = 2025;
    chip.peak[indexOf(Precision::bf16)] = units::flopsPerSecond(4e14);
    chip.memory = units::bytes(64e9);
    chip.memoryBandwidth = units::bytesPerSecond(2e12);
    return chip;
}

// A new catalog holding the shipped seed, for a test of the store: an SQLite file in `dir`, or,
// when ACCELPLAN_TEST_CATALOG is "postgresql" (the *_postgresql tests), a new database on a
// PostgreSQL server this process starts once: the same suite on both back ends.
inline std::unique_ptr<data::CatalogStore> seededStore(const QTemporaryDir &dir) {
    QString error;
    std::unique_ptr<data::CatalogStore> store;
    if (qEnvironmentVariable("ACCELPLAN_TEST_CATALOG") == QLatin1String("postgresql")) {
        static PostgresServer server;
        static int databases = 0;
        if (!server.isRunning())
            qFatal("cannot start PostgreSQL: %s", qPrintable(server.error()));
        const QString database = QStringLiteral("store%1").arg(++databases);
        error = server.createDatabase(database);
        if (error.isEmpty())
            store = data::CatalogStore::openServer(
                server.location(QLatin1String(PostgresServer::kAdmin), database),
                [](QString *) { return std::optional(shippedSeed()); }, &error);
    } else {
        store = data::CatalogStore::create(dir.filePath(QStringLiteral("c.sqlite")), shippedSeed(),
                                           &error);
    }
    if (!store)
        qFatal("cannot create a catalog: %s", qPrintable(error));
    return store;
}

// A second connection to the catalog `store` has open (another program, for the store).
inline std::unique_ptr<data::CatalogStore> secondConnection(const data::CatalogStore &store,
                                                            QString *error) {
    if (!store.isServer())
        return data::CatalogStore::open(store.path(), error);
    return data::CatalogStore::openServer(
        store.path(), [](QString *) { return std::optional(shippedSeed()); }, error);
}

} // namespace accelplan::test
