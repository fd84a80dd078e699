// SPDX-License-Identifier: GPL-3.0-or-later
// Unit text: parsing and formatting speed (the catalog editor and CSV import parse every cell).

#include "units/format.h"
#include "units/parse.h"

#include <benchmark/benchmark.h>

using namespace accelplan::units;

static void BM_ParseBandwidth(benchmark::State &state) {
    for (auto _ : state) {
        auto r = parseMeasure("3.35 TB/s", Measure::Bandwidth);
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_ParseBandwidth);

static void BM_ParsePrice(benchmark::State &state) {
    for (auto _ : state) {
        auto r = parseMeasure("$2,450.50/h", Measure::MoneyRate);
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_ParsePrice);

static void BM_FormatComputeRate(benchmark::State &state) {
    for (auto _ : state) {
        auto s = formatMeasure(9.894e14, Measure::ComputeRate);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(BM_FormatComputeRate);

static void BM_FormatMoney(benchmark::State &state) {
    for (auto _ : state) {
        auto s = formatMeasure(123456.78, Measure::Money);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(BM_FormatMoney);

BENCHMARK_MAIN();
