// SPDX-License-Identifier: GPL-3.0-or-later
// `accelplan-cli compare --all-chips` speed: every chip of the shipped catalog at its best count
// up to 4,096, found by search, then ranked with explanations. Target (issues #5 and #7): under
// 0.5 s for a scenario, since the desktop app reruns it as the user types. The catalog is the
// shipped seed (build/share/accelplan, or ACCELPLAN_DATA_DIR).

#include "catalog/catalog_store.h"
#include "io/result_json.h"
#include "plan/count_search.h"
#include "plan/recommend.h"
#include "workload/presets.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>

using namespace accelplan;

namespace {

// The shipped catalog, loaded once in main().
Catalog &catalog() {
    static Catalog c;
    return c;
}

// The contract's example: Llama 3.1 70B fine-tuned on 20 B tokens, then served in fp8.
Scenario fineTuneAndServe70b() {
    Scenario s;
    s.name = "Llama 3.1 70B: fine-tune and serve";
    s.workload = *findPreset("llama-3.1-70b");
    TrainingSettings t;
    t.tokens = 2e10;
    t.seqLen = 8192;
    t.globalBatch = 512;
    s.training = t;
    InferenceSettings i;
    i.precision = Precision::fp8;
    i.inputTokens = 2048;
    i.outputTokens = 256;
    i.slo.ttft = units::seconds(2.0);
    i.slo.tpot = units::seconds(0.1);
    s.inference = i;
    return s;
}

// Llama 3.1 405B pretrained on 15.6 T tokens: the largest counts matter.
Scenario pretrain405b() {
    Scenario s;
    s.name = "Llama 3.1 405B pretraining";
    s.workload = *findPreset("llama-3.1-405b");
    TrainingSettings t;
    t.tokens = 15.6e12;
    t.seqLen = 8192;
    t.globalBatch = 2048;
    s.training = t;
    return s;
}

// Serving alone, in server mode against an SLO.
Scenario serve70b() {
    Scenario s = fineTuneAndServe70b();
    s.name = "Llama 3.1 70B server";
    s.training.reset();
    s.inference->mode = InferenceMode::server;
    return s;
}

void compareAllChips(benchmark::State &state, const Scenario &scenario) {
    const std::vector<Candidate> chips = everyChip(catalog(), scenario);
    for (auto _ : state) {
        Evaluation e = compareAtBestCounts(scenario, catalog(), chips, kDefaultMaxChips);
        Recommendation r = recommend(scenario, catalog(), e);
        benchmark::DoNotOptimize(e);
        benchmark::DoNotOptimize(r);
    }
    state.counters["chips"] = double(chips.size());
}

} // namespace

static void BM_CompareAllChips_FineTuneAndServe70b(benchmark::State &state) {
    compareAllChips(state, fineTuneAndServe70b());
}
BENCHMARK(BM_CompareAllChips_FineTuneAndServe70b)->Unit(benchmark::kMillisecond);

static void BM_CompareAllChips_Pretrain405b(benchmark::State &state) {
    compareAllChips(state, pretrain405b());
}
BENCHMARK(BM_CompareAllChips_Pretrain405b)->Unit(benchmark::kMillisecond);

static void BM_CompareAllChips_Serve70b(benchmark::State &state) {
    compareAllChips(state, serve70b());
}
BENCHMARK(BM_CompareAllChips_Serve70b)->Unit(benchmark::kMillisecond);

// What the CLI adds around the search: the result document for every chip.
static void BM_WriteResultJson(benchmark::State &state) {
    const Scenario s = fineTuneAndServe70b();
    const Evaluation e =
        compareAtBestCounts(s, catalog(), everyChip(catalog(), s), kDefaultMaxChips);
    const Recommendation r = recommend(s, catalog(), e);
    for (auto _ : state) {
        QByteArray json = data::resultToJson(e, {&r, kDefaultMaxChips});
        benchmark::DoNotOptimize(json);
    }
}
BENCHMARK(BM_WriteResultJson)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    QString error;
    auto loaded = data::loadCatalog(dir.filePath(QStringLiteral("catalog.sqlite")), &error);
    if (!loaded) {
        std::fprintf(stderr, "bench_compare: %s\n", qPrintable(error));
        return 1;
    }
    catalog() = std::move(*loaded);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
