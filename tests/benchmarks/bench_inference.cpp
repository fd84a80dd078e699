// SPDX-License-Identifier: GPL-3.0-or-later
// Serving search speed. Target (issue 6): a server-mode search over batch sizes and replica
// layouts for one chip and model under 1 ms, so the desktop app can redo it on every keystroke.

#include "../helpers/test_chips.h"
#include "inference/disaggregation.h"
#include "inference/latency_curve.h"
#include "inference/simulate_inference.h"
#include "workload/presets.h"

#include <benchmark/benchmark.h>

using namespace accelplan;

namespace {

InferenceSettings serverSettings() {
    InferenceSettings s;
    s.precision = Precision::fp8;
    s.inputTokens = 2048;
    s.outputTokens = 256;
    s.mode = InferenceMode::server;
    s.slo.ttft = units::seconds(2.0);
    s.slo.tpot = units::seconds(0.05);
    return s;
}

// Server mode on `chips` H100s: every replica layout, the largest batch meeting the SLO.
void serverSearch(benchmark::State &state, const char *model) {
    const Chip chip = test::h100Sxm();
    const Workload w = *findPreset(model);
    const InferenceSettings s = serverSettings();
    const Candidate c{chip.id, int(state.range(0)), std::nullopt, {}};
    for (auto _ : state) {
        InferenceOutcome o = simulateInference(w, s, chip, c);
        benchmark::DoNotOptimize(o);
    }
}

void BM_ServerSearchLlama70B(benchmark::State &state) { serverSearch(state, "llama-3.1-70b"); }
void BM_ServerSearchLlama405B(benchmark::State &state) { serverSearch(state, "llama-3.1-405b"); }
void BM_ServerSearchDeepSeekV3(benchmark::State &state) { serverSearch(state, "deepseek-v3"); }

void BM_CurveLlama70B(benchmark::State &state) {
    const Chip chip = test::h100Sxm();
    const Workload w = *findPreset("llama-3.1-70b");
    const Candidate c{chip.id, 8, std::nullopt, {}};
    for (auto _ : state) {
        ThroughputLatencyCurve curve = throughputLatencyCurve(w, serverSettings(), chip, c);
        benchmark::DoNotOptimize(curve);
    }
}

void BM_BalancedPoolsLlama70B(benchmark::State &state) {
    const Chip chip = test::h100Sxm();
    const Workload w = *findPreset("llama-3.1-70b");
    const TransformerShape *shape = w.transformer();
    if (!shape) {
        state.SkipWithError("llama-3.1-70b is not a transformer preset");
        return;
    }
    for (auto _ : state) {
        auto split = balancedPools(*shape, serverSettings(), chip, int(state.range(0)));
        benchmark::DoNotOptimize(split);
    }
}

} // namespace

BENCHMARK(BM_ServerSearchLlama70B)->Arg(8)->Arg(64)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ServerSearchLlama405B)->Arg(16)->Arg(256)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ServerSearchDeepSeekV3)->Arg(32)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CurveLlama70B)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BalancedPoolsLlama70B)->Arg(64)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
