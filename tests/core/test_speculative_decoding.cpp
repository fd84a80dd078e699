// SPDX-License-Identifier: GPL-3.0-or-later
// Speculative decoding and multi-token prediction checked by hand: a step checks k drafts in
// one pass (k + 1 tokens of matrix work per sequence, the weights and the context's cache read
// once), after k draft passes of one layer and the output head, and gains 1 + a + ... + a^k
// tokens. It pays when the step is bound by memory, and costs when it is bound by compute.

#include "helpers/ideal_serving.h"
#include "helpers/near.h"
#include "helpers/test_chips.h"
#include "helpers/test_presets.h"
#include "inference/batch_metrics.h"
#include "inference/serving_model.h"

#include <QtTest>

using namespace accelplan;

namespace {

// Perfect efficiency and no fixed costs on one H100, bf16.
ServingModel idealModel(const char *id, int input, int output, std::optional<Speculative> spec) {
    InferenceSettings settings;
    settings.precision = Precision::bf16;
    settings.inputTokens = input;
    settings.outputTokens = output;
    settings.speculative = spec;
    return test::idealModel(id, settings, test::h100Sxm());
}

using test::near;

const ReplicaLayout kOneChip{1, 1, 1};

} // namespace

class TestSpeculativeDecoding : public QObject {
    Q_OBJECT

private slots:
    void tokensPerStepAreTheExpectedAcceptedRun() {
        const auto perStep = [](int drafts, double acceptance) {
            return idealModel("llama-3.1-8b", 16, 64, Speculative{drafts, acceptance})
                .tokensPerStep();
        };
        QVERIFY(near(perStep(1, 0.7), 1.7, 1e-12));   // one MTP token at 70 %
        QVERIFY(near(perStep(3, 0.8), 2.952, 1e-12)); // 1 + 0.8 + 0.64 + 0.512
        QCOMPARE(perStep(4, 1.0), 5.0);               // every draft kept
        QCOMPARE(perStep(2, 0.0), 1.0);               // none kept: only the checked token
        QCOMPARE(idealModel("llama-3.1-8b", 16, 64, std::nullopt).tokensPerStep(), 1.0);
    }

    void aDraftPassIsOneLayerAndTheHead() {
        // Llama 3.1 70B: a layer's matrices hold 67.1 M (q) + 16.8 M (k, v) + 67.1 M (o) +
        // 704.6 M (FFN) = 855.6 M parameters, the head 8,192 x 128,256 = 1,050.7 M, all 80
        // layers and the head 69,500 M: (855.6 + 1,050.7) / 69,500 = 2.743 %.
        const ServingModel m = idealModel("llama-3.1-70b", 16, 64, Speculative{1, 0.7});
        QVERIFY2(near(m.draftShare(), 0.02743, 0.002), qPrintable(QString::number(m.draftShare())));
    }

    void aMemoryBoundStepGainsTheAcceptedTokens() {
        // One sequence of Llama 3.1 70B: the step streams the 139 GB of weights whether it
        // checks one token or two, and the draft pass streams 2.743 % of that again. With one
        // draft kept 70 % of the time a token costs (1 + 0.02743) / 1.7 = 0.6044 of a plain
        // step.
        const ServingModel plain = idealModel("llama-3.1-70b", 16, 64, std::nullopt);
        const ServingModel mtp = idealModel("llama-3.1-70b", 16, 64, Speculative{1, 0.7});
        const BatchMetrics p = batchMetrics(plain, kOneChip, Schedule::decodeOnly, 1);
        const BatchMetrics s = batchMetrics(mtp, kOneChip, Schedule::decodeOnly, 1);
        QVERIFY2(near(s.tpot.value() / p.tpot.value(), 1.02743 / 1.7, 0.003),
                 qPrintable(QString::number(s.tpot.value() / p.tpot.value())));
        QVERIFY(near(s.tokensPerSecond / p.tokensPerSecond, 1.7 / 1.02743, 0.003));
        // The same holds for a whole request at batch 1 (latency mode): its prompt pass is
        // the same, every later token costs 0.6044 of one.
        const BatchMetrics pl = batchMetrics(plain, kOneChip, Schedule::staticBatch, 1);
        const BatchMetrics sl = batchMetrics(mtp, kOneChip, Schedule::staticBatch, 1);
        QCOMPARE(sl.ttft, pl.ttft);
        QVERIFY(near(sl.tpot.value(), pl.tpot.value() * 1.02743 / 1.7, 0.003));
        QVERIFY(near(sl.latency.value(), sl.ttft.value() + 63 * sl.tpot.value(), 1e-12));
    }

    void aComputeBoundStepLosesToTheChecking() {
        // 1,024 short sequences of Llama 3.1 8B: 1,024 x 15.0 GFLOP = 15.4 TFLOP a step, 15.5
        // ms at 989 TFLOP/s, against 16 GB of weights in 4.8 ms: bound by compute. Checking 3
        // drafts is 4 tokens of work per sequence, the draft passes 3 x 9.91 % of a plain
        // step (one layer of 218.1 M and the head of 525.3 M out of 7,505 M), and a step
        // gains 2.952 tokens: 2.952 / (4 + 3 x 0.0991) = 0.687 of the plain rate.
        const ServingModel plain = idealModel("llama-3.1-8b", 8, 2, std::nullopt);
        const ServingModel spec = idealModel("llama-3.1-8b", 8, 2, Speculative{3, 0.8});
        QVERIFY(near(spec.draftShare(), 0.0991, 0.003));
        const BatchMetrics p = batchMetrics(plain, kOneChip, Schedule::decodeOnly, 1024);
        const BatchMetrics s = batchMetrics(spec, kOneChip, Schedule::decodeOnly, 1024);
        QVERIFY(p.fits && s.fits);
        QVERIFY2(near(s.tokensPerSecond / p.tokensPerSecond, 2.952 / (4 + 3 * 0.0991), 0.02),
                 qPrintable(QString::number(s.tokensPerSecond / p.tokensPerSecond)));
    }

    void theDraftsCheckedTakeActivationMemory() {
        // A step that checks 3 drafts carries 4 tokens of each sequence through the layers:
        // four times the live activations of a plain step at the same batch; the weights and
        // the cache are the same.
        const ServingModel plain = idealModel("llama-3.1-8b", 512, 128, std::nullopt);
        const ServingModel spec = idealModel("llama-3.1-8b", 512, 128, Speculative{3, 0.8});
        const BatchMetrics p = batchMetrics(plain, kOneChip, Schedule::decodeOnly, 16);
        const BatchMetrics s = batchMetrics(spec, kOneChip, Schedule::decodeOnly, 16);
        QVERIFY(near(s.memory.activations.value(), 4 * p.memory.activations.value(), 1e-12));
        QCOMPARE(s.memory.weights, p.memory.weights);
        QCOMPARE(s.memory.kvCache, p.memory.kvCache);
    }

    void continuousBatchingCountsTheTokensEachStepGains() {
        // A running batch: each step gains 1.7 tokens per sequence, so the rate is the batch
        // times 1.7 over the step, and a token's time is the step over 1.7.
        const ServingModel mtp = idealModel("llama-3.1-8b", 1024, 256, Speculative{1, 0.7});
        const BatchMetrics m = batchMetrics(mtp, kOneChip, Schedule::continuous, 64);
        QVERIFY(m.fits);
        QVERIFY(near(m.tokensPerSecond, 64 / m.tpot.value(), 1e-12));
        QVERIFY(near(m.samplesPerSecond * 256, m.tokensPerSecond, 1e-12));
        const BatchMetrics plain = batchMetrics(idealModel("llama-3.1-8b", 1024, 256, std::nullopt),
                                                kOneChip, Schedule::continuous, 64);
        QVERIFY(m.tokensPerSecond > plain.tokensPerSecond);
    }
};

QTEST_GUILESS_MAIN(TestSpeculativeDecoding)
#include "test_speculative_decoding.moc"
