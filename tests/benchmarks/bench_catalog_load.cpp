// SPDX-License-Identifier: GPL-3.0-or-later
// Catalog loading at application start: a catalog of 1,000 chips (two sources each) and 10,000
// offerings, read from SQLite into core's values (target: under 50 ms, so the app starts at
// once), and the same catalog through the CSV and JSON files people import and export.

#include "catalog/catalog_store.h"
#include "io/catalog_csv.h"
#include "io/catalog_json.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>

using namespace accelplan;

namespace {

constexpr int kChips = 1000;
constexpr int kOfferingsPerChip = 10;

// The shipped seed's chips and offerings, repeated under new ids up to the sizes above, so that
// every row holds realistic values (rates, notes, sources of the usual length).
Catalog bigCatalog(const Catalog &seed) {
    Catalog big;
    big.dataVersion = seed.dataVersion;
    for (int i = 0; i < kChips; ++i) {
        Chip chip = seed.chips[std::size_t(i) % seed.chips.size()];
        chip.id += "-" + std::to_string(i);
        while (chip.sources.size() < 2)
            chip.sources.push_back(chip.sources.empty()
                                       ? Source{"*", "https://example.org", "", "", {}}
                                       : chip.sources.front());
        chip.sources.resize(2);
        const Offering &model = seed.offerings[std::size_t(i) % seed.offerings.size()];
        for (int k = 0; k < kOfferingsPerChip; ++k) {
            Offering o = model;
            o.chipId = chip.id;
            o.instance = chip.id + "-" + std::to_string(k);
            big.offerings.push_back(std::move(o));
        }
        big.chips.push_back(std::move(chip));
    }
    return big;
}

struct Fixture {
    QTemporaryDir dir;
    QString path;
    Catalog catalog;
    QByteArray csv;
    QByteArray json;
};

Fixture &fixture() {
    static Fixture f;
    return f;
}

void setCounters(benchmark::State &state) {
    state.counters["chips"] = double(fixture().catalog.chips.size());
    state.counters["offerings"] = double(fixture().catalog.offerings.size());
}

} // namespace

static void BM_LoadFromSqlite(benchmark::State &state) {
    QString error;
    auto store = data::CatalogStore::open(fixture().path, &error);
    for (auto _ : state) {
        auto catalog = store->load(&error);
        if (!catalog)
            state.SkipWithError(qPrintable(error));
        benchmark::DoNotOptimize(catalog);
    }
    setCounters(state);
}
BENCHMARK(BM_LoadFromSqlite)->Unit(benchmark::kMillisecond);

// What the app does at start: open the file (checks, shipped seed version) and load it.
static void BM_OpenAndLoad(benchmark::State &state) {
    for (auto _ : state) {
        QString error;
        auto catalog = data::loadCatalog(fixture().path, &error);
        if (!catalog)
            state.SkipWithError(qPrintable(error));
        benchmark::DoNotOptimize(catalog);
    }
    setCounters(state);
}
BENCHMARK(BM_OpenAndLoad)->Unit(benchmark::kMillisecond);

static void BM_ReadCsv(benchmark::State &state) {
    for (auto _ : state) {
        auto read = data::readCatalogCsv(fixture().csv, QStringLiteral("big.csv"));
        benchmark::DoNotOptimize(read);
    }
    state.SetBytesProcessed(state.iterations() * fixture().csv.size());
    setCounters(state);
}
BENCHMARK(BM_ReadCsv)->Unit(benchmark::kMillisecond);

static void BM_ReadJson(benchmark::State &state) {
    for (auto _ : state) {
        auto read = data::readCatalogJson(fixture().json, QStringLiteral("big.json"));
        benchmark::DoNotOptimize(read);
    }
    state.SetBytesProcessed(state.iterations() * fixture().json.size());
    setCounters(state);
}
BENCHMARK(BM_ReadJson)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    Fixture &f = fixture();
    f.path = f.dir.filePath(QStringLiteral("big.sqlite"));
    QString error;
    const QString seedPath = data::shippedSeedPath();
    const data::CatalogReadResult seed = data::readCatalogJsonFile(seedPath);
    if (seedPath.isEmpty() || !seed.catalog) {
        std::fprintf(stderr, "bench_catalog_load: the shipped seed does not read: %s\n",
                     qPrintable(seed.problems.join(u'\n')));
        return 1;
    }
    f.catalog = bigCatalog(*seed.catalog);
    if (!data::CatalogStore::create(f.path, f.catalog, &error)) {
        std::fprintf(stderr, "bench_catalog_load: %s\n", qPrintable(error));
        return 1;
    }
    f.csv = data::writeCatalogCsv(f.catalog);
    f.json = data::writeCatalogJson(f.catalog);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
