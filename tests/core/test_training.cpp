// SPDX-License-Identifier: GPL-3.0-or-later
// The training simulation piece by piece, with cases worked out by hand: compute time from
// FLOPs, memory per chip under each ZeRO stage, the pipeline bubble, what does not fit or is
// not supported, and how the step scales with the chip count.

#include "comm/collectives.h"
#include "helpers/near.h"
#include "helpers/test_presets.h"
#include "training/layout_search.h"
#include "training/simulate_training.h"
#include "training/step_time.h"
#include "training/training_setup.h"
#include "workload/counts.h"
#include "workload/presets.h"

#include <QtTest>

#include <cmath>

using namespace accelplan;
using namespace accelplan::training;

namespace {

// An H100 SXM-like chip with the catalog's figures.
// The same with memory to spare, for memory accounting without offloading.
Chip roomyHopper();

Chip hopper() {
    Chip c;
    c.id = "nvidia-h100-sxm5-80gb";
    c.kind = ChipKind::gpu;
    c.software = "CUDA";
    c.peak[indexOf(Precision::bf16)] = units::flopsPerSecond(989.4e12);
    c.peak[indexOf(Precision::fp16)] = units::flopsPerSecond(989.4e12);
    c.peak[indexOf(Precision::fp8)] = units::flopsPerSecond(1978.9e12);
    c.memory = units::bytes(80e9);
    c.memoryBandwidth = units::bytesPerSecond(3.35e12);
    c.scaleUp.fabric = "NVLink 4";
    c.scaleUp.bandwidthPerDirection = units::bytesPerSecond(450e9);
    c.scaleUp.domainSize = 8;
    c.scaleUp.topology = Topology::switched;
    c.scaleOutBandwidth = units::bytesPerSecond(50e9);
    return c;
}

Chip roomyHopper() {
    Chip c = hopper();
    c.memory = units::bytes(1e13);
    return c;
}

using test::preset;

TrainingSettings settings(int seqLen, int batch, Precision p = Precision::bf16) {
    TrainingSettings t;
    t.tokens = 1e10;
    t.seqLen = seqLen;
    t.globalBatch = batch;
    t.precision = p;
    return t;
}

Setup setupFor(const Workload &w, const TrainingSettings &t, const Chip &c, int count) {
    const SetupOrProblem made = makeSetup(w, t, c, count);
    if (!made.setup)
        qFatal("no setup: %s", made.problem.c_str());
    return *made.setup;
}

Parallelism layout(int dp, int tp, int pp, int zero, int mb, Recompute r = Recompute::none) {
    Parallelism p;
    p.dp = dp;
    p.tp = tp;
    p.pp = pp;
    p.zero = zero;
    p.microbatch = mb;
    p.recompute = r;
    return p;
}

using test::near;

} // namespace

class TestTraining : public QObject {
    Q_OBJECT

private slots:
    // One chip, Llama 3.1 8B, 4 sequences of 4096 tokens as 4 micro-batches of 1. The matrix
    // time is the FLOPs over the rate: 6 x layer weights per token at the bf16 peak times
    // the family's efficiency and the size factors 4096 / (4096 + halfWidth) for the width
    // and 4096 / (4096 + halfRows) for the tokens per product, attention's causal half at
    // the attention kernels' share of that rate, and the output projection likewise.
    void computeTimeFromFlops() {
        const Workload w = preset("llama-3.1-8b");
        const Chip c = hopper();
        const Setup u = setupFor(w, settings(4096, 4), c, 1);
        const StepTimeEstimate e = estimateStepTime(u, layout(1, 1, 1, 0, 1));
        QVERIFY(e.valid);
        QCOMPARE(e.microbatches, 4);

        const TransformerShape &s = *w.transformer();
        const TransformerCounts counts = countParameters(s);
        const double layerWeights = counts.matmulActive() - counts.headMatmul;
        const double attention = attentionForwardFlopsPerToken(s, 4096).value();
        const double width =
            4096.0 / (4096.0 + u.efficiency.halfWidth) * 4096.0 / (4096.0 + u.efficiency.halfRows);
        const double rate = 989.4e12 * u.efficiency.matmul * width;
        const double perToken = (6 * layerWeights + 3 * 0.5 * attention / u.efficiency.attention +
                                 6 * counts.headMatmul) /
                                rate;
        QVERIFY(near(e.parts.compute.value(), 4 * 4096 * perToken));
        // Model FLOPs count attention in full: 6N + 12 x layers x seq x hidden.
        QVERIFY(near(u.modelFlops.value(), trainingFlopsPerToken(s, 4096).value()));
    }

    // Mixed precision AdamW: 2 bytes of weights, 2 of gradients, 12 of fp32 master weights
    // and moments per parameter (ZeRO's 16 bytes). ZeRO-1 shards the 12 over the data-parallel
    // ranks, ZeRO-2 the gradients too, ZeRO-3 also the weights.
    void memoryUnderEachZeroStage() {
        const Workload w = preset("llama-3.1-8b");
        const Setup u = setupFor(w, settings(4096, 64), roomyHopper(), 8);
        const double n = parameterCount(w);
        auto mem = [&](int zero) { return memoryPerChip(u, layout(8, 1, 1, zero, 1)); };
        QVERIFY(near(mem(0).weights.value(), 2 * n, 1e-6));
        QVERIFY(near(mem(0).gradients.value(), 2 * n, 1e-6));
        QVERIFY(near(mem(0).optimizer.value(), 12 * n, 1e-6));
        QVERIFY(near(mem(1).optimizer.value(), 12 * n / 8, 1e-6));
        QVERIFY(near(mem(1).gradients.value(), 2 * n, 1e-6));
        QVERIFY(near(mem(2).gradients.value(), 2 * n / 8, 1e-6));
        QVERIFY(near(mem(2).weights.value(), 2 * n, 1e-6));
        QVERIFY(near(mem(3).weights.value(), 2 * n / 8, 1e-6));
        // Activations do not depend on the ZeRO stage; a margin is always kept.
        QCOMPARE(mem(0).activations, mem(3).activations);
        QVERIFY(mem(0).other.value() > 0);
    }

    // Activations: Llama 3.1 8B, one 4096-token sequence on one chip, no recompute, bf16:
    // per layer 2 x (5 h + q + 2 kv + 3 ffn) bytes per token (block inputs, norm outputs,
    // projections, attention output, gated FFN products and activation).
    void activationsByHand() {
        const Workload w = preset("llama-3.1-8b");
        const Setup u = setupFor(w, settings(4096, 1), roomyHopper(), 1);
        const double h = 4096, kv = 1024, ffn = 14336;
        const double perLayer = 2 * (5 * h + h + 2 * kv + 3 * ffn);
        const double logits = 6.0 * 128256;
        const MemoryBreakdown none = memoryPerChip(u, layout(1, 1, 1, 0, 1));
        QVERIFY(near(none.activations.value(), 4096 * (32 * perLayer + logits), 1e-9));
        // Full recompute keeps each layer's input and one layer's working set.
        const MemoryBreakdown full = memoryPerChip(u, layout(1, 1, 1, 0, 1, Recompute::full));
        QVERIFY(near(full.activations.value(), 4096 * (32 * 2 * h + perLayer + logits), 1e-9));
        // Tensor parallelism with sequence parallelism splits them all.
        const Setup u2 = setupFor(w, settings(4096, 1), roomyHopper(), 2);
        const MemoryBreakdown tp2 = memoryPerChip(u2, layout(1, 2, 1, 0, 1));
        QVERIFY(near(tp2.activations.value(), none.activations.value() / 2, 1e-9));
    }

    // One-forward-one-backward pipeline: the bubble is (stages - 1) micro-batch times. With
    // fewer micro-batches than stages there is no interleaving.
    void pipelineBubble() {
        const Workload w = preset("llama-3.1-70b");
        const Setup u = setupFor(w, settings(4096, 2), hopper(), 32);
        const StepTimeEstimate e = estimateStepTime(u, layout(1, 8, 4, 1, 1, Recompute::selective));
        QVERIFY(e.valid);
        QCOMPARE(e.microbatches, 2);
        const StepTimeParts &p = e.parts;
        auto perMicrobatch = [&](const StepTimeEstimate &x) {
            const StepTimeParts &q = x.parts;
            return (q.compute + q.memoryBound + q.tensorParallel + q.contextParallel +
                    q.expertParallel + q.pipelineTransfer + q.overhead - u.efficiency.stepOverhead)
                       .value() /
                   x.microbatches;
        };
        QVERIFY(near(p.pipelineBubble.value(), 3 * perMicrobatch(e), 1e-9));
        QVERIFY(near(e.stepTime.value(), p.total().value()));
        // With as many micro-batches as stages, interleaving cuts the bubble below that.
        const Setup more = setupFor(w, settings(4096, 32), hopper(), 32);
        const StepTimeEstimate e2 =
            estimateStepTime(more, layout(1, 8, 4, 1, 1, Recompute::selective));
        QCOMPARE(e2.microbatches, 32);
        QVERIFY(e2.parts.pipelineBubble.value() < 3 * perMicrobatch(e2) * 0.999);
        QVERIFY(e2.parts.pipelineBubble / e2.stepTime < p.pipelineBubble / e.stepTime);
    }

    // Data parallelism, ZeRO-1, one short micro-batch per step on 16 chips in two 8-chip
    // domains: the gradients (bf16, the weights' bytes) are all-reduced bucket by bucket while
    // backward runs, which is two thirds of the micro-batch; the last 25 MB bucket after it.
    void gradientReductionHidesBehindBackwardOnly() {
        const Setup u = setupFor(preset("llama-3.1-8b"), settings(512, 16), roomyHopper(), 16);
        const StepTimeEstimate e = estimateStepTime(u, layout(16, 1, 1, 1, 1));
        QVERIFY(e.valid);
        QCOMPARE(e.microbatches, 1);
        const StepTimeParts &p = e.parts;
        const double microbatch =
            (p.compute + p.memoryBound + p.overhead - u.efficiency.stepOverhead).value();
        const auto allReduce = [&u](double bytes) {
            return comm::collectiveTime(comm::Collective::allReduce, units::bytes(bytes), 16, 8,
                                        u.network)
                .value();
        };
        const double traffic = allReduce(e.memory.weights.value());
        const double tail = allReduce(25e6);
        const double streamed = traffic - tail;
        const double expected =
            std::max(streamed * (1 - u.efficiency.overlap), streamed - 2.0 / 3.0 * microbatch) +
            tail;
        QVERIFY2(
            near(p.dataParallel.value(), expected),
            qPrintable(
                QStringLiteral("%1 s, expected %2 s").arg(p.dataParallel.value()).arg(expected)));
        // The 16 GB of gradients take longer than 512 tokens' backward pass: more is exposed
        // than the overlap alone would leave.
        QVERIFY(streamed - 2.0 / 3.0 * microbatch > streamed * (1 - u.efficiency.overlap));
        QVERIFY(p.dataParallel.value() > tail);
    }

    // Mixtral 8x7B on one chip, one sequence of 4096 tokens: each routed expert multiplies
    // only the tokens sent to it, 4096 x 2 of 8 = 1024 rows, so its products reach
    // 1024 / (1024 + halfRows) of the large-matrix rate where the dense ones reach
    // 4096 / (4096 + halfRows); and the busiest expert sets the pace: its time grows with
    // the load imbalance.
    void expertProductsRunOnTheirRoutedRows() {
        const Workload w = preset("mixtral-8x7b");
        Setup u = setupFor(w, settings(4096, 1), roomyHopper(), 1);
        const TransformerCounts counts = countParameters(*w.transformer());
        const double routed = double(counts.expertsPerToken) * counts.expertFfn * counts.moeLayers;
        QVERIFY(near(u.expertMatmulFlops.value(), 6 * routed));
        const auto computeAt = [&u](double imbalance) {
            u.efficiency.expertImbalance = imbalance;
            const StepTimeEstimate e = estimateStepTime(u, layout(1, 1, 1, 0, 1));
            return e.parts.compute.value();
        };
        const double wide = 4096.0 / (4096.0 + u.efficiency.halfWidth);
        const double expertRate =
            989.4e12 * u.efficiency.matmul * wide * 1024.0 / (1024.0 + u.efficiency.halfRows);
        const double expertTime = 4096 * 6 * routed / expertRate;
        QVERIFY(near(computeAt(1.5) - computeAt(1.0), 0.5 * expertTime, 1e-6));
        // The same products with every row of the micro-batch would be faster.
        const double denseRate =
            989.4e12 * u.efficiency.matmul * wide * 4096.0 / (4096.0 + u.efficiency.halfRows);
        QVERIFY(4096 * 6 * routed / denseRate < expertTime);
    }

    // Context parallelism over 2 chips, one 32k-token sequence of Llama 3.1 8B: per layer the
    // keys and values are gathered twice and their gradients reduce-scattered once. Attention
    // over 16k tokens a chip is long enough to hide them, but only as much of the traffic as
    // the tensor-parallel overlap hides: the rest stays exposed.
    void contextParallelTrafficIsNeverAllHidden() {
        const Setup u = setupFor(preset("llama-3.1-8b"), settings(32768, 1), roomyHopper(), 2);
        Parallelism p = layout(1, 1, 1, 0, 1);
        p.cp = 2;
        const StepTimeEstimate e = estimateStepTime(u, p);
        QVERIFY(e.valid);
        const units::Bytes kv = 32768.0 * u.kvBytes;
        const auto collective = [&u, kv](comm::Collective c) {
            return comm::collectiveTime(c, kv, 2, 2, u.network).value();
        };
        const double perLayer = 2 * collective(comm::Collective::allGather) +
                                collective(comm::Collective::reduceScatter);
        QVERIFY(perLayer > 0);
        QVERIFY(near(e.parts.contextParallel.value(),
                     u.layers * perLayer * (1 - u.efficiency.tensorOverlap)));
    }

    // Full recompute left to the search covers only as many layers as it takes to fit; asked
    // for, it covers them all.
    void recomputeOnlyAsNeeded() {
        const Setup u = setupFor(preset("llama-3.1-70b"), settings(8192, 64), hopper(), 64);
        const Parallelism p = layout(8, 8, 1, 1, 1, Recompute::full);
        const StepTimeEstimate all = estimateStepTime(u, p, RecomputeScope::allLayers);
        const StepTimeEstimate some = estimateStepTime(u, p, RecomputeScope::asNeeded);
        QVERIFY(all.fits && some.fits);
        QVERIFY(some.parts.compute < all.parts.compute);
        QVERIFY(some.memory.total() > all.memory.total());
        QVERIFY(some.memory.total() <= units::bytes(80e9));
        // With memory to spare, no layer needs it: the same work as selective recompute.
        const Setup roomy =
            setupFor(preset("llama-3.1-70b"), settings(8192, 64), roomyHopper(), 64);
        const StepTimeEstimate none = estimateStepTime(roomy, p, RecomputeScope::asNeeded);
        Parallelism selective = p;
        selective.recompute = Recompute::selective;
        QVERIFY(near(none.parts.compute.value(),
                     estimateStepTime(roomy, selective).parts.compute.value()));
    }

    // Activations that do not fit go to host memory, only as much as the chip lacks, and the
    // transfer costs time where compute does not hide it.
    void activationsOffloadedToHost() {
        Chip small = hopper();
        small.memory = units::bytes(32e9);
        const Workload w = preset("llama-3.1-8b");
        const Setup u = setupFor(w, settings(8192, 24), small, 8);
        const Parallelism p = layout(8, 1, 1, 3, 1, Recompute::selective);
        const StepTimeEstimate e = estimateStepTime(u, p);
        QVERIFY(e.fits);
        QVERIFY(e.memory.total() <= units::bytes(32e9));
        QVERIFY(near(e.memory.total().value(), 32e9, 1e-6));
        QVERIFY(e.parts.hostOffload.value() >= 0);
        const Setup roomy = setupFor(w, settings(8192, 24), roomyHopper(), 8);
        QVERIFY(memoryPerChip(roomy, p).activations > e.memory.activations);
    }

    void invalidLayoutsAreRejected() {
        const Setup u = setupFor(preset("llama-3.1-8b"), settings(4096, 16), hopper(), 16);
        QVERIFY(!estimateStepTime(u, layout(4, 2, 1, 0, 1)).valid); // 8 chips, not 16
        QVERIFY(estimateStepTime(u, layout(2, 8, 1, 0, 1)).valid);
        QVERIFY(!estimateStepTime(u, layout(1, 3, 1, 0, 1)).valid); // 3 does not divide 32 heads
        Parallelism p = layout(16, 1, 1, 0, 1);
        p.zero = 4;
        QVERIFY(!estimateStepTime(u, p).valid);
        const Setup small = setupFor(preset("llama-3.1-8b"), settings(4096, 8), hopper(), 16);
        QVERIFY(!estimateStepTime(small, layout(16, 1, 1, 0, 1)).valid); // 16 ranks, 8 sequences
    }

    void searchFindsTheFastestLayoutThatFits() {
        const Workload w = preset("llama-3.1-70b");
        const Setup u = setupFor(w, settings(8192, 512), hopper(), 64);
        const SearchResult r = searchLayouts(u, {}, Recompute::automatic);
        QVERIFY(r.best.has_value());
        QVERIFY(r.best->estimate.fits);
        QVERIFY(r.evaluated > 100);
        QVERIFY(!r.runnerUps.empty());
        for (const auto &other : r.runnerUps) {
            QVERIFY(other.estimate.fits);
            QVERIFY(other.estimate.stepTime >= r.best->estimate.stepTime);
        }
        // 70B in bf16 with AdamW does not fit on one 80 GB chip without sharding or splitting.
        QVERIFY(r.best->layout.tp * r.best->layout.pp > 1 || r.best->layout.zero >= 1);
    }

    void pinnedParallelismIsKept() {
        Candidate c{"nvidia-h100-sxm5-80gb", 64, std::nullopt, {}};
        c.parallelism.tp = 4;
        c.parallelism.pp = 2;
        const TrainingOutcome out =
            simulateTraining(preset("llama-3.1-70b"), settings(8192, 512), c, hopper());
        QVERIFY2(out.problems.empty(), out.problems.empty() ? "" : out.problems[0].c_str());
        QCOMPARE(out.result.parallelism.tp, 4);
        QCOMPARE(out.result.parallelism.pp, 2);
        QCOMPARE(out.result.parallelism.dp * out.result.parallelism.cp, 8);

        c.parallelism.dp = 3; // 3 x 4 x 2 is not 64
        const TrainingOutcome bad =
            simulateTraining(preset("llama-3.1-70b"), settings(8192, 512), c, hopper());
        QVERIFY(!bad.result.fits);
        QCOMPARE(bad.problems.size(), std::size_t(1));
        QVERIFY(bad.problems[0].find("dp 3, tp 4, pp 2") != std::string::npos);
    }

    void aChipListedForInferenceOnlyDoesNotTrain() {
        Chip servingOnly = hopper();
        servingOnly.roles = Roles{false, true};
        const Candidate c{"nvidia-h100-sxm5-80gb", 8, std::nullopt, {}};
        const TrainingOutcome out =
            simulateTraining(preset("llama-3.1-8b"), settings(8192, 64), c, servingOnly);
        QVERIFY(!out.result.fits);
        QCOMPARE(out.problems.size(), std::size_t(1));
        QCOMPARE(out.problems[0], std::string("nvidia-h100-sxm5-80gb does not train: the catalog "
                                              "lists it for inference only"));
        QVERIFY(
            simulateTraining(preset("llama-3.1-8b"), settings(8192, 64), c, hopper()).result.fits);
    }

    void aMissingFabricFactIsSaidAndWidensTheRange() {
        const Candidate c{"nvidia-h100-sxm5-80gb", 64, std::nullopt, {}};
        const TrainingOutcome known =
            simulateTraining(preset("llama-3.1-70b"), settings(8192, 512), c, hopper());
        QVERIFY(known.result.fits);
        QVERIFY(known.assumptions.empty());
        // 64 chips span 8 NVLink domains: without a scale-out figure that traffic is a guess.
        Chip noScaleOut = hopper();
        noScaleOut.scaleOutBandwidth.reset();
        const TrainingOutcome out =
            simulateTraining(preset("llama-3.1-70b"), settings(8192, 512), c, noScaleOut);
        QVERIFY(out.result.fits);
        QCOMPARE(out.assumptions.size(), std::size_t(1));
        QVERIFY2(out.assumptions[0].starts_with("the catalog has no scale-out bandwidth for "
                                                "nvidia-h100-sxm5-80gb"),
                 out.assumptions[0].c_str());
        const double u = known.result.uncertainty;
        QCOMPARE(1 + out.result.uncertainty, (1 + u) * (1 + u));
        const Ranged<units::Seconds> &t = out.result.timeToTrain;
        QVERIFY(qFuzzyCompare(t.high.value() / t.nominal.value(), (1 + u) * (1 + u)));
        // Within one domain no scale-out traffic flows, so nothing is missing.
        const Candidate eight{"nvidia-h100-sxm5-80gb", 8, std::nullopt, {}};
        QVERIFY(simulateTraining(preset("llama-3.1-8b"), settings(8192, 64), eight, noScaleOut)
                    .assumptions.empty());
        // Without a scale-up fabric, even two chips talk over the (unknown) network: both said.
        Chip bare = noScaleOut;
        bare.scaleUp = {};
        const Candidate two{"nvidia-h100-sxm5-80gb", 2, std::nullopt, {}};
        QCOMPARE(simulateTraining(preset("llama-3.1-8b"), settings(8192, 64), two, bare)
                     .assumptions.size(),
                 std::size_t(2));
    }

    void doesNotFitSaysHowMuch() {
        Candidate c{"nvidia-h100-sxm5-80gb", 8, std::nullopt, {}};
        const TrainingOutcome out =
            simulateTraining(preset("llama-3.1-405b"), settings(8192, 64), c, hopper());
        QVERIFY(!out.result.fits);
        QCOMPARE(out.problems.size(), std::size_t(1));
        QVERIFY2(out.problems[0].starts_with("does not fit: needs "), out.problems[0].c_str());
        QVERIFY2(out.problems[0].ends_with(" per chip, has 74.5 GiB"), out.problems[0].c_str());
        QVERIFY(out.result.memory.total().value() > 80e9);
        QCOMPARE(out.result.stepTime.value(), 0.0);
    }

    void unsupportedPrecisionIsAProblem() {
        Chip c = hopper();
        c.id = "no-fp8-chip";
        c.peak[indexOf(Precision::fp8)].reset();
        Candidate cand{"no-fp8-chip", 8, std::nullopt, {}};
        const TrainingOutcome out =
            simulateTraining(preset("llama-3.1-8b"), settings(8192, 64, Precision::fp8), cand, c);
        QVERIFY(!out.result.fits);
        QCOMPARE(out.problems, std::vector<std::string>{"fp8 is not supported by no-fp8-chip"});
    }

    void resultFieldsAreConsistent() {
        Candidate c{"nvidia-h100-sxm5-80gb", 64, std::nullopt, {}};
        const TrainingSettings t = settings(8192, 512);
        const TrainingOutcome out = simulateTraining(preset("llama-3.1-70b"), t, c, hopper());
        const TrainingResult &r = out.result;
        QVERIFY(r.fits);
        const double step = r.stepTime.value();
        QVERIFY(near(r.tokensPerSecond, 512.0 * 8192 / step));
        QVERIFY(near(r.samplesPerSecond, 512.0 / step));
        QVERIFY(near(r.timeToTrain.nominal.value(), 1e10 / (512.0 * 8192) * step));
        QVERIFY(r.timeToTrain.low < r.timeToTrain.nominal);
        QVERIFY(r.timeToTrain.high > r.timeToTrain.nominal);
        QVERIFY(near(r.chipHours, 64 * r.timeToTrain.nominal.value() / 3600));
        const double modelFlops =
            trainingFlopsPerToken(*preset("llama-3.1-70b").transformer(), 8192).value();
        QVERIFY(near(r.mfu, modelFlops * r.tokensPerSecond / (64 * 989.4e12)));
        QVERIFY(r.mfu > 0.2 && r.mfu < 0.7);
        QVERIFY(near(r.stepParts.total().value(), step));
        QVERIFY(r.memory.total().value() <= 80e9);
    }

    // Doubling the chips never makes the best step slower, and never more than twice as
    // fast (no better than the ideal ratio of chip counts). The model fits at every size, so
    // more memory per replica cannot buy a cheaper recompute policy on the way.
    void addingChipsScales() {
        const Workload w = preset("llama-3.1-8b");
        const TrainingSettings t = settings(8192, 1024);
        double previous = 0;
        for (int chips = 16; chips <= 1024; chips *= 2) {
            Candidate c{"nvidia-h100-sxm5-80gb", chips, std::nullopt, {}};
            const TrainingOutcome out = simulateTraining(w, t, c, hopper());
            QVERIFY(out.result.fits);
            const double step = out.result.stepTime.value();
            if (previous > 0) {
                QVERIFY2(step <= previous, qPrintable(QStringLiteral("%1 chips").arg(chips)));
                QVERIFY2(step >= previous / 2 * 0.999,
                         qPrintable(QStringLiteral("%1 chips: superlinear").arg(chips)));
            }
            previous = step;
        }
    }

    void loraTrainsOnlyAdapters() {
        TrainingSettings t = settings(8192, 8, Precision::fp8);
        t.method = TrainingMethod::lora;
        const Setup u = setupFor(preset("llama-2-70b"), t, hopper(), 8);
        const MemoryBreakdown m = memoryPerChip(u, layout(2, 4, 1, 0, 1));
        // Frozen fp8 base weights: about 69 B / 4 bytes per chip; adapters are small.
        QVERIFY(m.weights.value() > 68e9 / 4 && m.weights.value() < 69.5e9 / 4 * 1.05);
        QVERIFY(m.optimizer.value() < 1e9);
        // No weight gradients for the base: 4 instead of 6 passes over the weights.
        TrainingSettings full = t;
        full.method = TrainingMethod::full;
        const Setup f = setupFor(preset("llama-2-70b"), full, hopper(), 8);
        QVERIFY(near(u.matmulFlops.value() / f.matmulFlops.value(), 4.0 / 6.0, 0.01));
    }

    void expertParallelismSplitsExperts() {
        const Workload w = preset("mixtral-8x7b");
        const Setup u = setupFor(w, settings(4096, 64), hopper(), 8);
        Parallelism one = layout(8, 1, 1, 1, 1);
        Parallelism eight = one;
        eight.ep = 8;
        const MemoryBreakdown a = memoryPerChip(u, one);
        const MemoryBreakdown b = memoryPerChip(u, eight);
        QVERIFY(b.weights.value() < a.weights.value() / 4);
        QVERIFY(estimateStepTime(u, eight).valid);
        Parallelism three = one;
        three.ep = 3; // 8 experts do not split in 3
        QVERIFY(!estimateStepTime(u, three).valid);
    }

    // Odd but valid inputs give finite numbers or a problem in words, never NaN or a crash.
    void oddInputsGiveNumbersOrProblems() {
        Chip bare = hopper();
        bare.id = "bare";
        bare.scaleUp = {};
        bare.scaleOutBandwidth.reset();
        bare.memory.reset();
        const Chip chips[] = {hopper(), bare};
        const char *models[] = {"llama-3.1-8b", "mixtral-8x7b", "deepseek-v3",
                                "bert-large",   "resnet-50",    "dlrm-dcnv2"};
        for (const Chip &chip : chips) {
            for (const char *id : models) {
                for (int count : {1, 7, 13, 96, 1000}) {
                    TrainingSettings t = settings(4096, 96);
                    t.samples = 1e6;
                    Candidate c{chip.id, count, std::nullopt, {}};
                    const TrainingOutcome out = simulateTraining(preset(id), t, c, chip);
                    const TrainingResult &r = out.result;
                    const QString where =
                        QStringLiteral("%1 on %2 x%3")
                            .arg(QString::fromUtf8(id), QString::fromStdString(chip.id))
                            .arg(count);
                    QVERIFY2(r.fits || !out.problems.empty(), qPrintable(where));
                    QVERIFY2(std::isfinite(r.stepTime.value()) &&
                                 std::isfinite(r.timeToTrain.high.value()) &&
                                 std::isfinite(r.mfu) && std::isfinite(r.memory.total().value()),
                             qPrintable(where));
                    if (r.fits)
                        QVERIFY2(r.stepTime.value() > 0 && r.mfu > 0 && r.mfu < 1,
                                 qPrintable(where));
                }
            }
        }
    }

    void impossibleShapesAreProblems() {
        Workload w = preset("llama-3.1-8b");
        std::get<TransformerShape>(w.shape).layers = 0;
        Candidate c{"nvidia-h100-sxm5-80gb", 8, std::nullopt, {}};
        const TrainingOutcome noLayers = simulateTraining(w, settings(4096, 64), c, hopper());
        QVERIFY(!noLayers.result.fits);
        QCOMPARE(noLayers.problems.size(), std::size_t(1));

        const TrainingOutcome noBatch =
            simulateTraining(preset("llama-3.1-8b"), settings(4096, 0), c, hopper());
        QCOMPARE(noBatch.problems,
                 std::vector<std::string>{"training.global_batch must be at least 1"});

        c.parallelism.ep = 2; // a dense model has no experts to split
        const TrainingOutcome ep =
            simulateTraining(preset("llama-3.1-8b"), settings(4096, 64), c, hopper());
        QVERIFY(!ep.result.fits);
        QVERIFY(ep.problems.front().find("no parallel layout") != std::string::npos);
    }

    void genericNetworkTrainsDataParallel() {
        const Workload w = preset("resnet-50");
        TrainingSettings t;
        t.samples = 1.28e6;
        t.globalBatch = 2048;
        t.precision = Precision::fp16;
        t.optimizer = Optimizer::sgd;
        Candidate c{"nvidia-h100-sxm5-80gb", 8, std::nullopt, {}};
        const TrainingOutcome out = simulateTraining(w, t, c, hopper());
        QVERIFY(out.result.fits);
        QCOMPARE(out.result.parallelism.dp * out.result.parallelism.cp, 8);
        QCOMPARE(out.result.parallelism.tp, 1);
        QCOMPARE(out.result.tokensPerSecond, 0.0);
        QVERIFY(near(out.result.timeToTrain.nominal.value(),
                     1.28e6 / 2048 * out.result.stepTime.value()));
    }
};

QTEST_APPLESS_MAIN(TestTraining)
#include "test_training.moc"
