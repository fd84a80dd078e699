// SPDX-License-Identifier: GPL-3.0-or-later
// Serving physics checked by hand: KV-cache bytes, a memory-bound decode step against weights
// over bandwidth, the SLO boundary of server mode, layouts, memory fit and the problems a
// candidate that cannot serve reports.

#include "efficiency/efficiency_data.h"
#include "evaluation/evaluate.h"
#include "helpers/near.h"
#include "helpers/test_chips.h"
#include "inference/batch_metrics.h"
#include "inference/forward_pass.h"
#include "inference/replica_layout.h"
#include "inference/serving_memory.h"
#include "inference/serving_model.h"
#include "inference/serving_search.h"
#include "inference/simulate_inference.h"
#include "workload/counts.h"
#include "workload/presets.h"

#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

using namespace accelplan;

namespace {

TransformerShape preset(const char *id) {
    const std::optional<Workload> w = findPreset(id);
    const TransformerShape *shape = w ? w->transformer() : nullptr;
    if (!shape)
        qFatal("no transformer preset %s", id);
    return *shape;
}

ServingModel servingModel(const TransformerShape &shape, const InferenceSettings &settings,
                          const Chip &chip) {
    return std::get<ServingModel>(makeServingModel(shape, settings, chip));
}

// Llama 3.1 8B served in server mode at fp8, 1,024 tokens in and 256 out: the SLO and rate
// tests' setting, on one H100.
InferenceSettings server8bSettings() {
    InferenceSettings settings;
    settings.precision = Precision::fp8;
    settings.inputTokens = 1024;
    settings.outputTokens = 256;
    settings.mode = InferenceMode::server;
    return settings;
}

// `model` served on `chip` at `precision`, `input` tokens in and `output` out (the model keeps
// a pointer to the chip).
ServingModel served(const char *model, Precision precision, int input, int output,
                    const Chip &chip) {
    InferenceSettings settings;
    settings.precision = precision;
    settings.inputTokens = input;
    settings.outputTokens = output;
    return servingModel(preset(model), settings, chip);
}

using test::near;

} // namespace

class TestInference : public QObject {
    Q_OBJECT

private slots:
    void kvCacheOfLlama31At8k() {
        // 80 layers x 8 KV heads x 128 wide x (K and V) x 2 bytes = 327,680 bytes a token;
        // 8,192 tokens hold 2,684,354,560 bytes (2.5 GiB) per sequence.
        const Chip chip = test::h100Sxm();
        InferenceSettings settings;
        settings.precision = Precision::bf16;
        const ServingModel m = servingModel(preset("llama-3.1-70b"), settings, chip);
        QCOMPARE(m.kvBytesPerToken.value(), 327680.0);
        const MemoryBreakdown one = servingMemoryPerChip(m, {1, 1, 1}, 1, 8192, 0);
        QCOMPARE(one.kvCache.value(), 2684354560.0);
        // Tensor parallelism splits the 8 KV heads; beyond 8 chips the heads are copied.
        QCOMPARE(servingMemoryPerChip(m, {8, 1, 1}, 1, 8192, 0).kvCache.value(), 2684354560.0 / 8);
        QCOMPARE(servingMemoryPerChip(m, {16, 1, 1}, 1, 8192, 0).kvCache.value(), 2684354560.0 / 8);
        // An fp8 cache halves it.
        settings.kvPrecision = Precision::fp8;
        QCOMPARE(servingModel(preset("llama-3.1-70b"), settings, chip).kvBytesPerToken.value(),
                 163840.0);
    }

    void weightOnlyQuantizationStreamsNarrowWeightsIntoWideMath() {
        // int8 weights multiplied in bf16 (W8A16): each weight moves as one byte, as with int8
        // math, but the products run at the bf16 rate, half the H100's int8 rate. A narrower
        // math than the weights is a stated problem, not a silent choice.
        const Chip chip = test::h100Sxm();
        InferenceSettings w8a8;
        w8a8.precision = Precision::int8;
        InferenceSettings w8a16 = w8a8;
        w8a16.computePrecision = Precision::bf16;
        const ServingModel narrow = servingModel(preset("llama-3.1-8b"), w8a8, chip);
        const ServingModel wide = servingModel(preset("llama-3.1-8b"), w8a16, chip);
        QCOMPARE(wide.weightBytes, narrow.weightBytes);
        QCOMPARE(wide.weightBytes, 1.0);
        QVERIFY(wide.computePrecision == Precision::bf16);
        QVERIFY(narrow.computePrecision == Precision::int8);
        QCOMPARE(wide.peak.value(), 989.4e12);
        QCOMPARE(narrow.peak.value(), 1978.9e12);
        // A long prompt is bound by the products, so it takes longer with the wider math.
        const PassTokens prompt{0, 0, 4096, 2048};
        QVERIFY(stageTime(wide, {1, 1, 1}, prompt).matrix >
                1.5 * stageTime(narrow, {1, 1, 1}, prompt).matrix);
        InferenceSettings backwards;
        backwards.precision = Precision::bf16;
        backwards.computePrecision = Precision::int8;
        const auto refused = makeServingModel(preset("llama-3.1-8b"), backwards, chip);
        QVERIFY(std::holds_alternative<std::string>(refused));
        QVERIFY(std::get<std::string>(refused).find("narrower than the weights'") !=
                std::string::npos);
    }

    void batchOneDecodeIsWeightsOverBandwidth() {
        // With perfect efficiency and no fixed costs, a batch-1 decode step streams every
        // layer weight and the output head once (the input table is only looked up): about
        // 139.1 GB for Llama 3.1 70B in bf16, 41.5 ms at 3.35 TB/s.
        const Chip chip = test::h100Sxm();
        ServingModel m = served("llama-3.1-70b", Precision::bf16, 1, 2, chip);
        m.efficiency.memoryBandwidth = 1.0;
        m.efficiency.stepOverhead = units::seconds(0);
        m.efficiency.layerOverhead = units::seconds(0);
        const TransformerCounts c = countParameters(preset("llama-3.1-70b"));
        const double streamed = (c.total() - c.embedding) * 2.0;
        QVERIFY(near(streamed, 139.1e9, 0.005));
        const PassTokens pass{1, 0, 0, 0};
        const StageTime t = stageTime(m, {1, 1, 1}, pass);
        QVERIFY(near(t.weights.value(), streamed / 3.35e12, 1e-12));
        QVERIFY(t.matrix < 0.01 * t.weights);
        // The matrix work of one token hides almost entirely behind the weight stream.
        QVERIFY(near(t.total().value(), streamed / 3.35e12, 0.005));
        QVERIFY(near(t.total().value(), 0.0415, 0.01));
        // Eight chips each stream an eighth, and pay two all-reduces per layer.
        const StageTime t8 = stageTime(m, {8, 1, 1}, pass);
        QVERIFY(near(t8.weights.value(), streamed / 8 / 3.35e12, 1e-12));
        QVERIFY(t8.communication.value() > 0);
    }

    void promptAttentionRunsAtTheRuntimesShare() {
        // A 4,096-token prompt of Llama 3.1 8B on one H100 in bf16 at a prefill efficiency of
        // 1: each token attends to 2,048 earlier positions on average, and its score and value
        // products cost attentionFlopsPerPosition per position (4 x 32 layers x 32 heads x 128
        // = 524,288 FLOPs). A runtime that reaches a quarter of the prefill rate on them
        // (prefill attention 0.25) takes four times as long on them, and no longer on the rest.
        const Chip chip = test::h100Sxm();
        ServingModel m = served("llama-3.1-8b", Precision::bf16, 4096, 1, chip);
        QCOMPARE(m.shape.attentionFlopsPerPosition, 4.0 * 32 * 32 * 128);
        m.efficiency.prefillCompute = 1.0;
        m.efficiency.prefillAttention = 1.0;
        const PassTokens prompt{0, 0, 4096, 2048};
        const StageTime fused = stageTime(m, {1, 1, 1}, prompt);
        const double flops = 4096.0 * 2048 * 4 * 32 * 32 * 128;
        QVERIFY(near(fused.attention.value(), flops / 989.4e12));
        m.efficiency.prefillAttention = 0.25;
        const StageTime unfused = stageTime(m, {1, 1, 1}, prompt);
        QVERIFY(near(unfused.attention.value(), 4 * flops / 989.4e12));
        QCOMPARE(unfused.matrix.value(), fused.matrix.value());
        QVERIFY(unfused.total() > fused.total());
    }

    void decodeBecomesComputeBoundWithBatch() {
        const Chip chip = test::h100Sxm();
        const ServingModel m = served("llama-3.1-8b", Precision::fp8, 128, 128, chip);
        const ReplicaLayout one{1, 1, 1};
        const StageTime small = stageTime(m, one, {1, 192, 0, 0});
        const StageTime large = stageTime(m, one, {4096, 192, 0, 0});
        QVERIFY(small.memory() > small.compute());
        QVERIFY(large.compute() > large.memory());
        // Batching raises throughput and per-token latency together.
        const BatchMetrics b1 = batchMetrics(m, one, Schedule::continuous, 1);
        const BatchMetrics b64 = batchMetrics(m, one, Schedule::continuous, 64);
        QVERIFY(b64.tokensPerSecond > 20 * b1.tokensPerSecond);
        QVERIFY(b64.tpot > b1.tpot);
    }

    void sloBoundaryPicksTheLastBatchThatMeetsIt() {
        InferenceSettings settings = server8bSettings();
        const Chip chip = test::h100Sxm(); // outlives m, which points to it
        const ServingModel m = servingModel(preset("llama-3.1-8b"), settings, chip);
        const std::vector<ReplicaLayout> layouts{{1, 1, 1}};
        const ServerLoad load = serverLoad();
        const BatchMetrics at48 = batchMetrics(m, layouts[0], Schedule::continuous, 48);

        settings.slo.tpot = at48.tpot * load.tpotTail; // exactly at the boundary
        ServingChoice c = chooseServing(m, settings, layouts);
        QVERIFY(c.found);
        QVERIFY(c.problems.empty());
        QCOMPARE(c.metrics.batch, 48.0);
        QVERIFY(meetsSlo(c.metrics, settings.slo));

        settings.slo.tpot = at48.tpot * load.tpotTail * (1 - 1e-9); // just below it
        c = chooseServing(m, settings, layouts);
        QCOMPARE(c.metrics.batch, 47.0);

        // Served throughput is the full-batch rate derated for random arrivals.
        QVERIFY(near(c.metrics.tokensPerSecond,
                     batchMetrics(m, layouts[0], Schedule::continuous, 47).tokensPerSecond *
                         load.utilisation,
                     1e-12));

        settings.slo.tpot = units::seconds(1e-6); // out of reach
        c = chooseServing(m, settings, layouts);
        QCOMPARE(c.metrics.batch, 1.0);
        QCOMPARE(c.problems.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(c.problems[0]).contains(QStringLiteral("misses the SLO")));
    }

    // Offline with a target and no batch: the largest batch that keeps it (the mean, no
    // queue); the whole memory's batch would miss it.
    void offlineWithATargetKeepsIt() {
        InferenceSettings settings = server8bSettings();
        settings.mode = InferenceMode::offline;
        const Chip chip = test::h100Sxm(); // outlives m, which points to it
        const ServingModel m = servingModel(preset("llama-3.1-8b"), settings, chip);
        const std::vector<ReplicaLayout> layouts{{1, 1, 1}};
        const ServingChoice full = chooseServing(m, settings, layouts);
        const BatchMetrics at48 = batchMetrics(m, layouts[0], Schedule::continuous, 48);
        QVERIFY(full.metrics.batch > 48);
        settings.slo.tpot = at48.tpot; // exactly batch 48's
        ServingChoice c = chooseServing(m, settings, layouts);
        QCOMPARE(c.metrics.batch, 48.0);
        QVERIFY(c.metrics.tpot <= *settings.slo.tpot);
        QVERIFY(c.problems.empty());
        settings.slo.tpot = at48.tpot * (1 - 1e-9);
        QCOMPARE(chooseServing(m, settings, layouts).metrics.batch, 47.0);
        // A batch given is kept as given: the ranking then judges it against the target.
        settings.batch = 96;
        QCOMPARE(chooseServing(m, settings, layouts).metrics.batch, 96.0);
    }

    void requestedRateIsCarriedOrRefused() {
        InferenceSettings settings = server8bSettings();
        const Chip chip = test::h100Sxm(); // outlives m, which points to it
        const ServingModel m = servingModel(preset("llama-3.1-8b"), settings, chip);
        const std::vector<ReplicaLayout> layouts{{1, 1, 1}};
        // A rate well inside capacity flows through at the fewest requests in flight.
        settings.requestsPerSecond = 5;
        ServingChoice c = chooseServing(m, settings, layouts);
        QVERIFY(c.found && c.problems.empty());
        QCOMPARE(c.metrics.samplesPerSecond, 5.0);
        QVERIFY(near(c.metrics.tokensPerSecond, 5.0 * 256, 1e-9));
        const BatchMetrics fewer =
            batchMetrics(m, layouts[0], Schedule::continuous, c.metrics.batch - 1);
        QVERIFY(fewer.samplesPerSecond * serverLoad().utilisation < 5);
        // Beyond capacity it says how much the candidate carries.
        settings.requestsPerSecond = 1e6;
        c = chooseServing(m, settings, layouts);
        QCOMPARE(c.problems.size(), std::size_t(1));
        QVERIFY(
            QString::fromStdString(c.problems[0]).startsWith(QStringLiteral("carries at most")));
    }

    // What a fleet carries within the SLO: the derated rate at the largest batch that meets
    // it, by hand; twice the replicas carry twice as much; a rate up to it is met, beyond it
    // the SLO is missed.
    void fleetCapacityIsTheRateAtTheLargestBatchWithinTheSlo() {
        InferenceSettings settings = server8bSettings();
        const Chip chip = test::h100Sxm(); // outlives m, which points to it
        const ServingModel m = servingModel(preset("llama-3.1-8b"), settings, chip);
        const std::vector<ReplicaLayout> one{{1, 1, 1}};
        const ServerLoad load = serverLoad();
        const BatchMetrics at48 = batchMetrics(m, one[0], Schedule::continuous, 48);
        settings.slo.tpot = at48.tpot * load.tpotTail; // 48 in flight is the most within it
        const double byHand = at48.samplesPerSecond * load.utilisation;

        settings.requestsPerSecond = byHand / 4;
        ServingChoice c = chooseServing(m, settings, one);
        QVERIFY(c.capacity);
        QVERIFY(near(*c.capacity, byHand, 1e-12));
        QVERIFY(c.problems.empty());
        settings.requestsPerSecond = byHand * 0.999;
        QVERIFY(chooseServing(m, settings, one).problems.empty());
        settings.requestsPerSecond = byHand * 1.05;
        QCOMPARE(chooseServing(m, settings, one).problems.size(), std::size_t(1));

        const std::vector<ReplicaLayout> two{{1, 1, 2}};
        settings.requestsPerSecond.reset();
        c = chooseServing(m, settings, two);
        QVERIFY(c.capacity);
        QVERIFY(near(*c.capacity, 2 * byHand, 0.02));
    }

    void layoutsCoverEveryFactorisation() {
        const Chip chip = test::h100Sxm();
        const auto all = replicaLayouts(8, 80, chip, {});
        // tp x pp x replicas = 8: (1,1,8) (1,2,4) (1,4,2) (1,8,1) (2,1,4) (2,2,2) (2,4,1)
        // (4,1,2) (4,2,1) (8,1,1).
        QCOMPARE(all.size(), std::size_t(10));
        for (const ReplicaLayout &l : all)
            QCOMPARE(l.tp * l.pp * l.replicas, 8);
        ParallelismRequest pinned;
        pinned.tp = 2;
        pinned.dp = 4;
        const auto some = replicaLayouts(8, 80, chip, pinned);
        QCOMPARE(some.size(), std::size_t(1));
        QCOMPARE(some[0], (ReplicaLayout{2, 1, 4}));
        pinned.dp = 3;
        QVERIFY(replicaLayouts(8, 80, chip, pinned).empty());
    }

    // Trying every integer up to the count overflowed at INT_MAX (a SIGFPE in `chips % tp`)
    // and took seconds for 1e8 chips; the divisors are what a layout can use.
    void layoutsOfTheLargestCountsAreItsDivisors() {
        const Chip chip = test::h100Sxm();
        const int prime = std::numeric_limits<int>::max(); // 2^31 - 1 is prime
        QCOMPARE(replicaLayouts(prime, 80, chip, {}),
                 (std::vector<ReplicaLayout>{{1, 1, prime}, {prime, 1, 1}}));
        // 1e8 = 2^8 x 5^8 has 81 divisors; with pp at most 4 layers (1, 2 or 4).
        const auto layouts = replicaLayouts(100'000'000, 4, chip, {});
        QCOMPARE(layouts.size(), std::size_t(81 + 72 + 63));
        for (const ReplicaLayout &l : layouts)
            QCOMPARE(std::int64_t(l.tp) * l.pp * l.replicas, std::int64_t(100'000'000));
    }

    void largestBatchFillsTheMemory() {
        const Chip chip = test::h100Sxm();
        InferenceSettings settings;
        settings.precision = Precision::fp8;
        settings.inputTokens = 2048;
        settings.outputTokens = 512;
        const ServingModel m = servingModel(preset("llama-3.1-70b"), settings, chip);
        const ReplicaLayout tp2{2, 1, 1};
        const int most = largestBatch(m, tp2, Schedule::continuous);
        QVERIFY(most > 10);
        QVERIFY(batchMetrics(m, tp2, Schedule::continuous, most).fits);
        QVERIFY(!batchMetrics(m, tp2, Schedule::continuous, most + 1).fits);
        // 141 GB of bf16 weights do not fit one 80 GB chip at all.
        settings.precision = Precision::bf16;
        const ServingModel wide = servingModel(preset("llama-3.1-70b"), settings, chip);
        QCOMPARE(largestBatch(wide, {1, 1, 1}, Schedule::continuous), 0);
        QVERIFY(largestBatch(wide, {2, 1, 1}, Schedule::continuous) > 0);
    }

    void modelThatFitsNowhereSaysWhatItNeeds() {
        Catalog catalog;
        catalog.chips.push_back(test::h100Sxm());
        Scenario s;
        s.workload = *findPreset("llama-3.1-405b");
        InferenceSettings settings;
        settings.precision = Precision::bf16;
        s.inference = settings;
        s.candidates.push_back({"nvidia-h100-sxm5-80gb", 2, std::nullopt, {}});
        const Evaluation e = evaluate(s, catalog);
        const CandidateResult &r = e.results.at(0);
        QVERIFY(r.inference);
        QVERIFY(!r.inference->fits);
        QCOMPARE(r.problems.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(r.problems[0])
                    .startsWith(QStringLiteral("does not fit: needs")));
    }

    void theRuntimeSetsThePerStepCostAndTheResultSaysWhich() {
        // A forward pass pays its runtime's host cost (a fixed part, and a part per sequence)
        // on top of the same kernels: served with vLLM instead of TensorRT-LLM on the same
        // chip, a decode step of one sequence differs by exactly the difference of the two
        // runtimes' rows, whatever the table's values are.
        const Chip chip = test::h100Sxm();
        InferenceSettings settings;
        settings.precision = Precision::bf16;
        settings.inputTokens = 512;
        settings.outputTokens = 64;
        InferenceSettings vllm = settings, trt = settings;
        vllm.runtime = "vllm";
        trt.runtime = "tensorrt-llm";
        const PassTokens pass{1, 512, 0, 0};
        const StageTime v =
            stageTime(servingModel(preset("llama-3.1-8b"), vllm, chip), {1, 1, 1}, pass);
        const StageTime t =
            stageTime(servingModel(preset("llama-3.1-8b"), trt, chip), {1, 1, 1}, pass);
        const EfficiencyData &data = efficiencyData();
        const auto row = [&data](const char *runtime) {
            return *data.find("inference", runtime, "step_overhead_us") +
                   *data.find("inference", runtime, "sequence_overhead_us");
        };
        const double rowV = row("runtime:vllm"), rowT = row("runtime:tensorrt-llm");
        QVERIFY(near((v.overhead - t.overhead).value(), (rowV - rowT) * 1e-6, 1e-9));
        QVERIFY(near((v.total() - t.total()).value(), (rowV - rowT) * 1e-6, 1e-9));
        QCOMPARE(v.weights, t.weights);
        QCOMPARE(v.matrix, t.matrix);
        // Half the step's fixed cost per stage of a two-stage pipeline: each runs half the
        // layers and the scheduler's work is counted once per pass.
        const StageTime v2 =
            stageTime(servingModel(preset("llama-3.1-8b"), vllm, chip), {1, 2, 1}, pass);
        const StageTime t2 =
            stageTime(servingModel(preset("llama-3.1-8b"), trt, chip), {1, 2, 1}, pass);
        QVERIFY(near((v2.overhead - t2.overhead).value(), (rowV - rowT) * 0.5e-6, 1e-9));

        // The result names the runtime; one the scenario did not choose is an assumption.
        Catalog catalog;
        catalog.chips.push_back(chip);
        Scenario s;
        s.workload = *findPreset("llama-3.1-8b");
        s.inference = settings;
        s.candidates.push_back({chip.id, 1, std::nullopt, {}});
        const CandidateResult assumed = evaluate(s, catalog).results.at(0);
        QCOMPARE(assumed.inference->runtime, std::string("tensorrt-llm"));
        QVERIFY(std::find(assumed.assumptions.begin(), assumed.assumptions.end(),
                          "served with TensorRT-LLM, the usual runtime for CUDA "
                          "(inference.runtime chooses another)") != assumed.assumptions.end());
        s.inference = vllm;
        const CandidateResult chosen = evaluate(s, catalog).results.at(0);
        QCOMPARE(chosen.inference->runtime, std::string("vllm"));
        for (const std::string &a : chosen.assumptions)
            QVERIFY2(a.find("runtime") == std::string::npos, a.c_str());
        QVERIFY(chosen.inference->tpot != assumed.inference->tpot);
    }

    void theRuntimesHostWorkGrowsWithTheSequencesInAPass() {
        // A runtime spends host time on every sequence of a pass (scheduling, inputs,
        // sampling). With 1 ms per pass and 50 us per sequence: a decode step of 64 sequences
        // pays 1 + 64 x 0.05 = 4.2 ms, one of a single sequence 1.05 ms; a prefill-only pass
        // of 8 prompts of 1,024 tokens pays 1 + 8 x 0.05 = 1.4 ms. Each of two pipeline
        // stages carries half of it.
        InferenceSettings settings;
        settings.precision = Precision::bf16;
        settings.inputTokens = 1024;
        settings.outputTokens = 128;
        const Chip chip = test::h100Sxm(); // outlives m, which points to it
        ServingModel m = servingModel(preset("llama-3.1-8b"), settings, chip);
        m.efficiency.stepOverhead = units::seconds(1e-3);
        m.efficiency.sequenceOverhead = units::seconds(50e-6);
        m.efficiency.layerOverhead = units::seconds(0);
        const auto overhead = [&m](const PassTokens &pass, int pp) {
            return stageTime(m, {1, pp, 1}, pass).overhead.value();
        };
        QVERIFY(near(overhead({64, 1100, 0, 0}, 1), 4.2e-3, 1e-12));
        QVERIFY(near(overhead({1, 1100, 0, 0}, 1), 1.05e-3, 1e-12));
        QVERIFY(near(overhead({0, 0, 8 * 1024, 512}, 1), 1.4e-3, 1e-12));
        QVERIFY(near(overhead({64, 1100, 0, 0}, 2), 2.1e-3, 1e-12));
        // A continuous-batching step carries slices of new prompts for the same sequences:
        // they are not counted twice.
        QVERIFY(near(overhead({64, 1100, 64 * 1024 / 128.0, 512}, 1), 4.2e-3, 1e-12));
    }

    void latencyModeServesOneRequestOnTheFastestLayout() {
        Catalog catalog;
        catalog.chips.push_back(test::h100Sxm());
        Scenario s;
        s.workload = *findPreset("llama-3.1-70b");
        InferenceSettings settings;
        settings.precision = Precision::fp8;
        settings.mode = InferenceMode::latency;
        settings.inputTokens = 1000;
        settings.outputTokens = 100;
        s.inference = settings;
        s.candidates.push_back({"nvidia-h100-sxm5-80gb", 8, std::nullopt, {}});
        const InferenceResult r = *evaluate(s, catalog).results.at(0).inference;
        QVERIFY(r.fits);
        QCOMPARE(r.batch, 1);
        QCOMPARE(r.parallelism.tp * r.parallelism.pp * r.parallelism.dp, 8);
        QVERIFY(r.parallelism.tp >= 4); // splitting the weights is what cuts a step's time
        QVERIFY(near(r.latency.value(), r.ttft.value() + 99 * r.tpot.value(), 1e-9));
        QVERIFY(near(r.throughputTokensPerSecond, 100 / r.latency.value(), 1e-9));
    }
};

QTEST_GUILESS_MAIN(TestInference)
#include "test_inference.moc"
