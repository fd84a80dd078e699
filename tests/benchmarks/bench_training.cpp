// SPDX-License-Identifier: GPL-3.0-or-later
// Training simulation speed: the desktop app recomputes on every keystroke, so one layout
// evaluation must take well under a microsecond, a full layout search for Llama 3.1 405B on
// 16,384 chips under 50 ms, and a scenario evaluated on every chip of the catalog under
// 0.5 s. The catalog is the shipped seed (build/share/accelplan, or ACCELPLAN_DATA_DIR).
//
// The layout evaluation and the search run twice: before the catalog is loaded and after,
// since loading it brings Qt's SQL plugin into the process, which once left the core 6 times
// slower on AVX-512 machines (issue #16). The program prints both figures and fails when they
// differ by more than 20 %.

#include "catalog/catalog_store.h"
#include "evaluation/evaluate.h"
#include "training/layout_search.h"
#include "training/simulate_training.h"
#include "training/step_time.h"
#include "training/training_setup.h"
#include "workload/presets.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

using namespace accelplan;
using namespace accelplan::training;

namespace {

Chip hopper() {
    Chip c;
    c.id = "nvidia-h100-sxm5-80gb";
    c.software = "CUDA";
    c.peak[indexOf(Precision::bf16)] = units::flopsPerSecond(989.4e12);
    c.peak[indexOf(Precision::fp8)] = units::flopsPerSecond(1978.9e12);
    c.memory = units::bytes(80e9);
    c.memoryBandwidth = units::bytesPerSecond(3.35e12);
    c.scaleUp.bandwidthPerDirection = units::bytesPerSecond(450e9);
    c.scaleUp.domainSize = 8;
    c.scaleUp.topology = Topology::switched;
    c.scaleOutBandwidth = units::bytesPerSecond(50e9);
    return c;
}

TrainingSettings pretraining() {
    TrainingSettings t;
    t.tokens = 15.6e12;
    t.seqLen = 8192;
    t.globalBatch = 2048;
    return t;
}

Setup setup405b(int chips) {
    return *makeSetup(*findPreset("llama-3.1-405b"), pretraining(), hopper(), chips).setup;
}

// Layouts of 16,384 chips the search would try, cycled through so that no branch is always
// taken the same way.
std::vector<Parallelism> sampleLayouts() {
    std::vector<Parallelism> layouts;
    const Recompute policies[] = {Recompute::none, Recompute::selective, Recompute::full};
    for (int tp : {1, 2, 4, 8})
        for (int pp : {1, 4, 16, 64})
            for (int cp : {1, 2})
                for (int zero : {0, 1, 3})
                    for (Recompute r : policies) {
                        Parallelism p;
                        p.tp = tp;
                        p.pp = pp;
                        p.cp = cp;
                        p.dp = 16384 / (tp * pp * cp);
                        p.zero = zero;
                        p.microbatch = 1;
                        p.recompute = r;
                        layouts.push_back(p);
                    }
    return layouts;
}

// The shipped catalog, loaded once in main().
Catalog &catalog() {
    static Catalog c;
    return c;
}

// The fine-tuning scenario: Llama 3.1 70B, 20 B tokens at 8k, batch 512, bf16.
Scenario fineTune70b(int count) {
    Scenario s;
    s.name = "Llama 3.1 70B fine-tune";
    s.workload = *findPreset("llama-3.1-70b");
    TrainingSettings t;
    t.tokens = 2e10;
    t.seqLen = 8192;
    t.globalBatch = 512;
    s.training = t;
    for (const Chip &chip : catalog().chips)
        s.candidates.push_back({chip.id, count, std::nullopt, {}});
    return s;
}

// The benchmarks that need no catalog, run before it is loaded as well as after.
constexpr const char *kLayoutBenchmarks = "^BM_(LayoutEvaluation|Search405bOn16k)$";
// How far the figures before and after the catalog load may differ.
constexpr double kAgreement = 0.2;

// Prints as the console reporter does and keeps each benchmark's CPU time per iteration (the
// least, with repetitions), for the comparison at the end.
class Recorder : public benchmark::ConsoleReporter {
public:
    struct Figure {
        double cpuTime = 0;
        benchmark::TimeUnit unit = benchmark::kNanosecond;
    };
    std::map<std::string, Figure> figures;

    Recorder() : ConsoleReporter(OO_None) {}

    void ReportRuns(const std::vector<Run> &runs) override {
        for (const Run &run : runs) {
            if (run.run_type != Run::RT_Iteration || run.error_occurred)
                continue;
            const Figure figure{run.GetAdjustedCPUTime(), run.time_unit};
            const auto [it, added] = figures.try_emplace(run.benchmark_name(), figure);
            if (!added && figure.cpuTime < it->second.cpuTime)
                it->second = figure;
        }
        ConsoleReporter::ReportRuns(runs);
    }
};

// Both figures of each benchmark that ran before and after the catalog load; false when one
// pair differs by more than kAgreement.
bool agreeBeforeAndAfter(const Recorder &before, const Recorder &after) {
    bool agree = true;
    std::printf("\nCPU time per iteration, before and after loading the catalog:\n");
    for (const auto &[name, first] : before.figures) {
        const auto found = after.figures.find(name);
        if (found == after.figures.end())
            continue;
        const double ratio = found->second.cpuTime / first.cpuTime;
        const bool close = std::fabs(ratio - 1) <= kAgreement;
        agree = agree && close;
        const char *unit = benchmark::GetTimeUnitString(first.unit);
        std::printf("  %-24s %10.4g %s before, %10.4g %s after (x%.2f)%s\n", name.c_str(),
                    first.cpuTime, unit, found->second.cpuTime, unit, ratio,
                    close ? "" : ": too far apart");
    }
    return agree;
}

} // namespace

// One layout evaluation: the search's inner loop. Target: at least 1e6 per second.
static void BM_LayoutEvaluation(benchmark::State &state) {
    const Setup u = setup405b(16384);
    const std::vector<Parallelism> layouts = sampleLayouts();
    std::size_t i = 0;
    for (auto _ : state) {
        StepTimeEstimate e = estimateStepTime(u, layouts[i], RecomputeScope::asNeeded);
        benchmark::DoNotOptimize(e);
        i = (i + 1 == layouts.size()) ? 0 : i + 1;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LayoutEvaluation);

// The full search for Llama 3.1 405B on 16,384 chips. Target: under 50 ms.
static void BM_Search405bOn16k(benchmark::State &state) {
    const Setup u = setup405b(16384);
    long evaluated = 0;
    for (auto _ : state) {
        SearchResult r = searchLayouts(u, {}, Recompute::automatic);
        evaluated = r.evaluated;
        benchmark::DoNotOptimize(r);
    }
    state.counters["layouts"] = double(evaluated);
}
BENCHMARK(BM_Search405bOn16k)->Unit(benchmark::kMillisecond);

// From the scenario to the contract's result, setup and search included.
static void BM_SimulateTraining405bOn16k(benchmark::State &state) {
    const Chip c = hopper();
    const Workload w = *findPreset("llama-3.1-405b");
    const Candidate candidate{c.id, 16384, std::nullopt, {}};
    for (auto _ : state) {
        TrainingOutcome out = simulateTraining(w, pretraining(), candidate, c);
        benchmark::DoNotOptimize(out);
    }
}
BENCHMARK(BM_SimulateTraining405bOn16k)->Unit(benchmark::kMillisecond);

// Every chip of the catalog as a candidate of one training scenario, through evaluate() as
// the CLI runs it, at one chip count.
static void BM_EvaluateAllChips(benchmark::State &state) {
    const Scenario s = fineTune70b(int(state.range(0)));
    for (auto _ : state) {
        Evaluation e = evaluate(s, catalog());
        benchmark::DoNotOptimize(e);
    }
    state.counters["chips"] = double(s.candidates.size());
}
BENCHMARK(BM_EvaluateAllChips)->Arg(64)->Arg(4096)->Unit(benchmark::kMillisecond);

// compare --all-chips looks for each chip's best count up to 4,096: every chip at every
// power of two from 8 to 4,096 bounds that work from above.
static void BM_EvaluateAllChipsAllCounts(benchmark::State &state) {
    std::vector<Scenario> scenarios;
    for (int count = 8; count <= 4096; count *= 2)
        scenarios.push_back(fineTune70b(count));
    for (auto _ : state) {
        for (const Scenario &s : scenarios) {
            Evaluation e = evaluate(s, catalog());
            benchmark::DoNotOptimize(e);
        }
    }
    state.counters["evaluations"] = double(scenarios.size() * catalog().chips.size());
}
BENCHMARK(BM_EvaluateAllChipsAllCounts)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;

    std::printf("Before loading the catalog:\n");
    Recorder before;
    benchmark::RunSpecifiedBenchmarks(&before, kLayoutBenchmarks);

    QTemporaryDir dir;
    QString error;
    auto loaded = data::loadCatalog(dir.filePath(QStringLiteral("catalog.sqlite")), &error);
    if (!loaded) {
        std::fprintf(stderr, "bench_training: %s\n", qPrintable(error));
        return 1;
    }
    catalog() = std::move(*loaded);

    std::printf("\nAfter loading the catalog (Qt's SQL plugin in the process):\n");
    Recorder after;
    benchmark::RunSpecifiedBenchmarks(&after);
    benchmark::Shutdown();
    return agreeBeforeAndAfter(before, after) ? 0 : 1;
}
