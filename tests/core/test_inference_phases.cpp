// SPDX-License-Identifier: GPL-3.0-or-later
// Serving beyond one mode: disaggregated phases and the pool sizes that balance them, the
// throughput-latency curve, mixture-of-experts reads, encoder-only and generic networks, and
// a replica whose links the catalog does not know.

#include "evaluation/evaluate.h"
#include "helpers/test_chips.h"
#include "helpers/test_presets.h"
#include "inference/disaggregation.h"
#include "inference/forward_pass.h"
#include "inference/latency_curve.h"
#include "inference/serving_shape.h"
#include "inference/simulate_inference.h"
#include "workload/presets.h"

#include <QtTest>

#include <cmath>

using namespace accelplan;

namespace {

using test::preset;

InferenceSettings fp8(int in, int out) {
    InferenceSettings s;
    s.precision = Precision::fp8;
    s.inputTokens = in;
    s.outputTokens = out;
    return s;
}

} // namespace

class TestInferencePhases : public QObject {
    Q_OBJECT

private slots:
    void phasesCountTheTokensTheyProduce() {
        const Chip chip = test::h200Sxm();
        InferenceSettings s = fp8(2000, 200);
        s.phase = InferencePhase::prefill;
        const Candidate one{"nvidia-h200-sxm-141gb", 1, std::nullopt, {}};
        const InferenceResult pre = simulateInference(preset("llama-3.1-8b"), s, chip, one).result;
        QVERIFY(pre.fits);
        // Prompt tokens per second: the requests it completes times their prompt length.
        QVERIFY(std::fabs(pre.throughputTokensPerSecond - 2000 * pre.throughputSamplesPerSecond) <
                1e-6 * pre.throughputTokensPerSecond);
        QCOMPARE(pre.tpot.value(), 0.0);
        s.phase = InferencePhase::decode;
        const InferenceResult dec = simulateInference(preset("llama-3.1-8b"), s, chip, one).result;
        QVERIFY(dec.fits);
        QCOMPARE(dec.ttft.value(), 0.0);
        QVERIFY(std::fabs(dec.throughputTokensPerSecond - 200 * dec.throughputSamplesPerSecond) <
                1e-6 * dec.throughputTokensPerSecond);
        QVERIFY(std::fabs(dec.latency.value() - 200 * dec.tpot.value()) < 1e-9);
    }

    void balancedPoolsMatchTheirRates() {
        const Chip chip = test::h200Sxm();
        const Workload w = preset("llama-3.1-70b");
        const TransformerShape *t = w.transformer();
        QVERIFY(t);
        const TransformerShape shape = *t;
        const auto longPrompts = balancedPools(shape, fp8(8000, 200), chip, 16);
        const auto longAnswers = balancedPools(shape, fp8(200, 2000), chip, 16);
        QVERIFY(longPrompts && longAnswers);
        for (const PoolSplit &s : {*longPrompts, *longAnswers}) {
            QVERIFY(s.prefillChips + s.decodeChips <= 16);
            QVERIFY(s.prefillChips >= 1 && s.decodeChips >= 1);
            QCOMPARE(s.prefillLayout.chipsPerReplica() * s.prefillLayout.replicas, s.prefillChips);
            QCOMPARE(s.decodeLayout.chipsPerReplica() * s.decodeLayout.replicas, s.decodeChips);
            const double prefillRate = s.prefillChips * s.prefillRequestsPerSecondPerChip;
            const double decodeRate = s.decodeChips * s.decodeRequestsPerSecondPerChip;
            QCOMPARE(s.requestsPerSecond, std::min(prefillRate, decodeRate));
        }
        // Long prompts need more prefill chips than long answers do.
        QVERIFY(longPrompts->prefillChips > longAnswers->prefillChips);
        QVERIFY(!balancedPools(shape, fp8(8000, 200), chip, 1));
    }

    void curveTradesUserSpeedForThroughput() {
        const Chip chip = test::h200Sxm();
        InferenceSettings s = fp8(1000, 500);
        s.mode = InferenceMode::server;
        s.slo.tpot = units::seconds(0.05);
        const Candidate eight{"nvidia-h200-sxm-141gb", 8, std::nullopt, {}};
        const ThroughputLatencyCurve c =
            throughputLatencyCurve(preset("llama-3.1-70b"), s, chip, eight);
        QVERIFY(c.points.size() > 8);
        QCOMPARE(c.points.front().batch, 1);
        for (std::size_t i = 1; i < c.points.size(); ++i) {
            QVERIFY(c.points[i].batch > c.points[i - 1].batch);
            QVERIFY(c.points[i].tokensPerSecondPerChip > c.points[i - 1].tokensPerSecondPerChip);
            // Until every replica has a request, each user keeps the batch-1 speed.
            QVERIFY(c.points[i].perUserRate <= c.points[i - 1].perUserRate);
        }
        QVERIFY(c.points.back().perUserRate < 0.5 * c.points.front().perUserRate);
        QVERIFY(c.points.front().meetsSlo);
        QVERIFY(!c.points.back().meetsSlo);
        const ThroughputLatencyCurve g =
            throughputLatencyCurve(preset("resnet-50"), fp8(0, 0), chip, eight);
        QVERIFY(g.points.size() > 4);
        QVERIFY(g.points.back().samplesPerSecondPerChip > g.points.front().samplesPerSecondPerChip);
    }

    // A small model on a million chips holds more than 2^30 sequences at once: the curve's
    // batch sizes must stop at that, not double past the largest int (found by the randomized
    // workspace test: the app hung, then ran out of memory).
    void curveOfAMillionChipsEnds() {
        Chip chip = test::h200Sxm();
        chip.memory = units::bytes(192e9);
        InferenceSettings s = fp8(2474775, 0);
        s.precision = Precision::bf16;
        s.mode = InferenceMode::offline;
        s.phase = InferencePhase::both;
        s.batch = 11804443;
        const Candidate many{"nvidia-h200-sxm-141gb", 625105, std::nullopt, {}};
        const ThroughputLatencyCurve c =
            throughputLatencyCurve(preset("bert-large"), s, chip, many);
        QVERIFY(!c.points.empty());
        QVERIFY2(c.points.size() < 100, qPrintable(QString::number(c.points.size())));
        for (std::size_t i = 1; i < c.points.size(); ++i)
            QVERIFY(c.points[i].batch > c.points[i - 1].batch);
    }

    void expertsTouchedGrowWithTokens() {
        QCOMPARE(expectedExpertsTouched(8, 2, 1), 2.0);
        QVERIFY(std::fabs(expectedExpertsTouched(8, 2, 2) - 3.5) < 1e-12); // 8 (1 - (3/4)^2)
        QVERIFY(expectedExpertsTouched(256, 8, 4096) > 255.99);
        // A one-token Mixtral pass reads 2 of each layer's 8 experts, a large batch all 8:
        // (attention + 2 experts) / (attention + 8 experts) of the layer weights, about 0.3.
        const Chip chip = test::h200Sxm();
        const Workload w = preset("mixtral-8x7b");
        const TransformerShape *t = w.transformer();
        QVERIFY(t);
        const ServingModel m = std::get<ServingModel>(makeServingModel(*t, fp8(100, 100), chip));
        const ReplicaLayout one{1, 1, 1};
        const double few = stageTime(m, one, {1, 100, 0, 0}).weights.value();
        const double all = stageTime(m, one, {4096, 100, 0, 0}).weights.value();
        const TransformerCounts &c = m.shape.counts;
        const double layer = c.attentionPerLayer + c.routerPerLayer;
        const double expected = (layer + 2 * c.expertFfn) / (layer + 8 * c.expertFfn);
        QVERIFY(std::fabs(few / all - expected) < 0.02);
        QVERIFY(few / all < 0.35);
    }

    void encoderAndGenericNetworks() {
        const Chip chip = test::h200Sxm();
        InferenceSettings s = fp8(384, 0);
        const Candidate one{"nvidia-h200-sxm-141gb", 1, std::nullopt, {}};
        const InferenceOutcome bert = simulateInference(preset("bert-large"), s, chip, one);
        QVERIFY(bert.result.fits);
        QCOMPARE(bert.result.throughputTokensPerSecond, 0.0); // no output tokens
        QVERIFY(bert.result.throughputSamplesPerSecond > 1000);

        s.precision = Precision::int8;
        s.mode = InferenceMode::latency;
        const InferenceResult one1 = simulateInference(preset("resnet-50"), s, chip, one).result;
        s.batch = 64;
        const InferenceResult one64 = simulateInference(preset("resnet-50"), s, chip, one).result;
        QCOMPARE(one64.batch, 64);
        QVERIFY(one64.latency > one1.latency);
        QVERIFY(one64.throughputSamplesPerSecond > 10 * one1.throughputSamplesPerSecond);
    }

    void unknownLinkIsSaid() {
        Chip chip = test::h200Sxm();
        chip.scaleUp.bandwidthPerDirection.reset();
        InferenceSettings s = fp8(1000, 100);
        s.mode = InferenceMode::latency;
        const Candidate eight{"nvidia-h200-sxm-141gb", 8, std::nullopt, {}};
        const InferenceOutcome o = simulateInference(preset("llama-3.1-405b"), s, chip, eight);
        QVERIFY(o.result.fits);
        QCOMPARE(o.problems.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(o.problems[0]).contains(QStringLiteral("not counted")));
    }
};

QTEST_GUILESS_MAIN(TestInferencePhases)
#include "test_inference_phases.moc"
