// SPDX-License-Identifier: GPL-3.0-or-later
// Beam search checked by hand: B beams decode B sequences per request (KV cache read and held
// B times, matrix work B times) after one shared prompt; throughput counts requests and the
// returned answer's tokens. The GPT-J preset decodes as MLPerf's GPT-J benchmark (4 beams)
// unless the scenario says otherwise.

#include "efficiency/inference_efficiency.h"
#include "helpers/ideal_serving.h"
#include "helpers/near.h"
#include "helpers/test_chips.h"
#include "helpers/test_presets.h"
#include "inference/batch_metrics.h"
#include "inference/decoding.h"
#include "inference/forward_pass.h"
#include "inference/serving_model.h"
#include "inference/simulate_inference.h"
#include "workload/counts.h"
#include "workload/presets.h"

#include <QtTest>

#include <cmath>

using namespace accelplan;

namespace {

using test::preset;

using test::idealModel;

InferenceSettings bf16(int input, int output, int beams) {
    InferenceSettings s;
    s.precision = Precision::bf16;
    s.inputTokens = input;
    s.outputTokens = output;
    s.beams = beams;
    return s;
}

using test::near;

const ReplicaLayout kOneChip{1, 1, 1};

} // namespace

class TestBeamSearch : public QObject {
    Q_OBJECT

private slots:
    void gptJDecodesAsMlperfUnlessTheScenarioSaysOtherwise() {
        InferenceSettings s;
        QCOMPARE(decodingBeams(preset("gpt-j-6b"), s), 4);
        QCOMPARE(decodingBeams(preset("llama-3.1-8b"), s), 1);
        QCOMPARE(decodingAssumption(preset("gpt-j-6b"), s),
                 std::string("GPT-J 6B preset: beam search, 4 beams, as MLPerf's GPT-J "
                             "benchmark; set inference.beams to 1 for greedy"));
        QCOMPARE(decodingAssumption(preset("llama-3.1-8b"), s), std::string("greedy, 1 beam"));
        s.beams = 1;
        QCOMPARE(decodingBeams(preset("gpt-j-6b"), s), 1);
        QCOMPARE(decodingAssumption(preset("gpt-j-6b"), s), std::string("greedy, 1 beam"));
        s.beams = 8;
        QCOMPARE(decodingBeams(preset("llama-3.1-8b"), s), 8);
        QCOMPARE(decodingAssumption(preset("llama-3.1-8b"), s),
                 std::string("beam search, 8 beams"));
        // The same shape as a custom model is no benchmark: greedy.
        Workload custom = preset("gpt-j-6b");
        custom.presetId.clear();
        QCOMPARE(decodingBeams(custom, InferenceSettings{}), 1);
        // Networks that generate nothing have no decoding to state.
        QCOMPARE(decodingBeams(preset("bert-large"), s), 1);
        QVERIFY(decodingAssumption(preset("bert-large"), s).empty());
        QVERIFY(decodingAssumption(preset("resnet-50"), s).empty());
    }

    void memoryBoundStepReadsTheCacheOncePerBeam() {
        // Llama 3.1 8B in bf16 on one H100, batch 1, an 8,192-token prompt: each decode step
        // streams the weights once (shared by the beams) and each beam's cache of 8,193
        // positions (prompt plus half the 2-token answer) at 131,072 bytes a token (32 layers
        // x 8 KV heads x 128 x K and V x 2 bytes): 1.074 GB, 0.32 ms at 3.35 TB/s. Four beams
        // add three more caches, 0.96 ms; the matrix and attention work of four tokens hides
        // behind the streams (under 0.2 %).
        const Chip chip = test::h100Sxm();
        const ServingModel one = idealModel("llama-3.1-8b", bf16(8192, 2, 1), chip);
        const ServingModel four = idealModel("llama-3.1-8b", bf16(8192, 2, 4), chip);
        QCOMPARE(one.kvBytesPerToken.value(), 131072.0);
        const double cache = 8193 * 131072.0;
        const TransformerCounts c = countParameters(*preset("llama-3.1-8b").transformer());
        const double weights = (c.total() - c.embedding) * 2.0;
        const BatchMetrics t1 = batchMetrics(one, kOneChip, Schedule::decodeOnly, 1);
        const BatchMetrics t4 = batchMetrics(four, kOneChip, Schedule::decodeOnly, 1);
        QVERIFY(near(t1.tpot.value(), (weights + cache) / 3.35e12, 0.003));
        QVERIFY(near(t4.tpot.value(), (weights + 4 * cache) / 3.35e12, 0.003));
        QVERIFY(near((t4.tpot - t1.tpot).value(), 3 * cache / 3.35e12, 0.01));
    }

    void beamsGatheredEachStepCostACacheReadAndWriteMore() {
        // The same step as above with four beams on a runtime that gathers the beams' caches
        // into place after each step (JAX's beam search): the four caches are read for
        // attention, then read and written by the gather, 3 x 4 x 1.074 GB in all.
        const Chip chip = test::h100Sxm();
        ServingModel gathered = idealModel("llama-3.1-8b", bf16(8192, 2, 4), chip);
        gathered.efficiency.beamReorderCopiesKv = true;
        const ServingModel indexed = idealModel("llama-3.1-8b", bf16(8192, 2, 4), chip);
        const double cache = 8193 * 131072.0;
        const BatchMetrics g = batchMetrics(gathered, kOneChip, Schedule::decodeOnly, 1);
        const BatchMetrics i = batchMetrics(indexed, kOneChip, Schedule::decodeOnly, 1);
        QVERIFY(near((g.tpot - i.tpot).value(), 2 * 4 * cache / 3.35e12, 0.01));
        // Greedy decoding has nothing to reorder.
        ServingModel greedy = idealModel("llama-3.1-8b", bf16(8192, 2, 1), chip);
        const BatchMetrics plain = batchMetrics(greedy, kOneChip, Schedule::decodeOnly, 1);
        greedy.efficiency.beamReorderCopiesKv = true;
        QCOMPARE(batchMetrics(greedy, kOneChip, Schedule::decodeOnly, 1).tpot.value(),
                 plain.tpot.value());
        // Which runtimes gather: those with a dense cache per sequence (JetStream, Hugging
        // Face generate), not the paged ones (TensorRT-LLM, vLLM). A TPU is served with
        // JetStream unless the scenario names another runtime.
        QVERIFY(inferenceEfficiency(chip, Precision::bf16, "jetstream").beamReorderCopiesKv);
        QVERIFY(inferenceEfficiency(chip, Precision::bf16, "pytorch").beamReorderCopiesKv);
        QVERIFY(!inferenceEfficiency(chip, Precision::bf16, "tensorrt-llm").beamReorderCopiesKv);
        QVERIFY(!inferenceEfficiency(chip, Precision::bf16, "vllm").beamReorderCopiesKv);
        Chip tpu = chip;
        tpu.software = "XLA / JAX";
        QCOMPARE(servingRuntimeOf(InferenceSettings{}, tpu), std::string("jetstream"));
        QCOMPARE(servingRuntimeOf(InferenceSettings{}, chip), std::string("tensorrt-llm"));
    }

    void shortContextStepCostsAboutTheSame() {
        // Batch 1 with a short context: the step is the weight stream, 4 beams or 1, and so
        // is the answer rate; four times the matrix work is still far below the stream.
        const Chip chip = test::h100Sxm();
        const ServingModel one = idealModel("llama-3.1-8b", bf16(16, 64, 1), chip);
        const ServingModel four = idealModel("llama-3.1-8b", bf16(16, 64, 4), chip);
        const BatchMetrics b1 = batchMetrics(one, kOneChip, Schedule::continuous, 1);
        const BatchMetrics b4 = batchMetrics(four, kOneChip, Schedule::continuous, 1);
        QVERIFY(b4.tpot >= b1.tpot);
        QVERIFY(near(b4.tpot.value(), b1.tpot.value(), 0.01));
        QVERIFY(near(b4.samplesPerSecond, b1.samplesPerSecond, 0.01));
    }

    void cacheHeldPerBeamShrinksTheBatch() {
        // On a runtime that copies the prompt's cache to every beam (Hugging Face generate),
        // each request keeps four caches: four times the KV bytes at the same batch, and a
        // quarter of the requests fit (the activations of a pass are small beside them).
        const Chip chip = test::h100Sxm();
        InferenceSettings copying1 = bf16(2048, 256, 1), copying4 = bf16(2048, 256, 4);
        copying1.runtime = copying4.runtime = "pytorch";
        const ServingModel one = idealModel("llama-3.1-8b", copying1, chip);
        const ServingModel four = idealModel("llama-3.1-8b", copying4, chip);
        QVERIFY(!four.efficiency.sharesPromptAcrossBeams);
        for (Schedule schedule :
             {Schedule::continuous, Schedule::staticBatch, Schedule::decodeOnly}) {
            const BatchMetrics m1 = batchMetrics(one, kOneChip, schedule, 8);
            const BatchMetrics m4 = batchMetrics(four, kOneChip, schedule, 8);
            QCOMPARE(m4.memory.kvCache.value(), 4 * m1.memory.kvCache.value());
            QCOMPARE(m4.memory.weights, m1.memory.weights);
            const int most1 = largestBatch(one, kOneChip, schedule);
            const int most4 = largestBatch(four, kOneChip, schedule);
            QVERIFY(most1 > 100);
            QVERIFY2(std::abs(most4 - most1 / 4) <= 1,
                     qPrintable(QStringLiteral("%1 vs %2").arg(most4).arg(most1)));
        }
        // The prompt is prefilled once, shared by the beams: prefill alone is unchanged.
        const BatchMetrics p1 = batchMetrics(one, kOneChip, Schedule::prefillOnly, 8);
        const BatchMetrics p4 = batchMetrics(four, kOneChip, Schedule::prefillOnly, 8);
        QCOMPARE(p4.ttft, p1.ttft);
        QCOMPARE(p4.memory.kvCache, p1.memory.kvCache);
        // A static batch's first token waits for the same prompt pass.
        QCOMPARE(batchMetrics(four, kOneChip, Schedule::staticBatch, 8).ttft,
                 batchMetrics(one, kOneChip, Schedule::staticBatch, 8).ttft);
        // The runtime's sequence limit counts beams: a quarter of the requests.
        QCOMPARE(maxRequestsPerReplica(four), maxRequestsPerReplica(one) / 4);
    }

    void pagedRuntimesHoldThePromptOnceForAllBeams() {
        // TensorRT-LLM and vLLM point every beam at the prompt's blocks: a request of 2,048
        // prompt tokens and 256 generated, 4 beams, holds 2,048 + 4 x 128 = 2,560 tokens of
        // cache on average while decoding continuously (2,176 with one beam), and
        // 2,048 + 4 x 256 = 3,072 in a static batch (2,304 with one beam).
        const Chip chip = test::h100Sxm();
        InferenceSettings shared1 = bf16(2048, 256, 1), shared4 = bf16(2048, 256, 4);
        shared1.runtime = shared4.runtime = "vllm";
        const ServingModel one = idealModel("llama-3.1-8b", shared1, chip);
        const ServingModel four = idealModel("llama-3.1-8b", shared4, chip);
        QVERIFY(four.efficiency.sharesPromptAcrossBeams);
        const auto kv = [&](const ServingModel &m, Schedule schedule) {
            return batchMetrics(m, kOneChip, schedule, 8).memory.kvCache.value();
        };
        const double perToken = 8 * 131072.0; // 8 requests, 128 KiB a token in bf16
        QVERIFY(near(kv(four, Schedule::continuous), 2560 * perToken, 1e-12));
        QVERIFY(near(kv(one, Schedule::continuous), 2176 * perToken, 1e-12));
        QVERIFY(near(kv(four, Schedule::staticBatch), 3072 * perToken, 1e-12));
        QVERIFY(near(kv(one, Schedule::staticBatch), 2304 * perToken, 1e-12));
        QVERIFY(near(kv(four, Schedule::decodeOnly), 2560 * perToken, 1e-12));
        // So more requests fit than on a copying runtime, though fewer than greedy ones.
        InferenceSettings copying4 = shared4;
        copying4.runtime = "pytorch";
        const ServingModel copies = idealModel("llama-3.1-8b", copying4, chip);
        const int most = largestBatch(four, kOneChip, Schedule::continuous);
        QVERIFY(most > largestBatch(copies, kOneChip, Schedule::continuous));
        QVERIFY(most < largestBatch(one, kOneChip, Schedule::continuous));
    }

    void throughputCountsRequestsAndTheirAnswers() {
        // 64 requests of 4 beams: a step produces 256 beam tokens but advances each of the 64
        // answers by one token; samples are requests, tokens the returned answers' tokens.
        const Chip chip = test::h100Sxm();
        const ServingModel four = idealModel("llama-3.1-8b", bf16(512, 128, 4), chip);
        for (Schedule schedule : {Schedule::continuous, Schedule::decodeOnly}) {
            const BatchMetrics m = batchMetrics(four, kOneChip, schedule, 64);
            QVERIFY(near(m.tokensPerSecond, 64 / m.tpot.value(), 1e-12));
            QVERIFY(near(m.samplesPerSecond * 128, m.tokensPerSecond, 1e-12));
        }
        const BatchMetrics s = batchMetrics(four, kOneChip, Schedule::staticBatch, 64);
        QVERIFY(near(s.samplesPerSecond, 64 / s.latency.value(), 1e-12));
        QVERIFY(near(s.tokensPerSecond, s.samplesPerSecond * 128, 1e-12));
        // The step of 64 x 4 sequences is the step of 256 greedy ones, which complete four
        // times the requests in that time.
        const ServingModel one = idealModel("llama-3.1-8b", bf16(512, 128, 1), chip);
        const BatchMetrics g = batchMetrics(one, kOneChip, Schedule::decodeOnly, 256);
        const BatchMetrics b = batchMetrics(four, kOneChip, Schedule::decodeOnly, 64);
        QVERIFY(near(b.tpot.value(), g.tpot.value(), 1e-12));
        QVERIFY(near(g.samplesPerSecond, 4 * b.samplesPerSecond, 1e-12));
    }

    void evaluationUsesThePresetsDecoding() {
        // GPT-J on one H200, offline: the preset's 4 beams hold four caches per request and
        // decode four sequences each, so fewer requests fit and fewer complete per second
        // than with greedy decoding asked for explicitly.
        const Chip chip = test::h200Sxm();
        InferenceSettings s;
        s.precision = Precision::fp8;
        s.inputTokens = 780;
        s.outputTokens = 69;
        const Candidate one{chip.id, 1, std::nullopt, {}};
        const InferenceResult byPreset = simulateInference(preset("gpt-j-6b"), s, chip, one).result;
        s.beams = 4;
        const InferenceResult asked = simulateInference(preset("gpt-j-6b"), s, chip, one).result;
        s.beams = 1;
        const InferenceResult greedy = simulateInference(preset("gpt-j-6b"), s, chip, one).result;
        QVERIFY(byPreset.fits && greedy.fits);
        QVERIFY(byPreset == asked);
        QVERIFY(byPreset.batch < greedy.batch);
        QVERIFY(byPreset.throughputSamplesPerSecond < greedy.throughputSamplesPerSecond);
        QVERIFY(near(byPreset.throughputTokensPerSecond, byPreset.throughputSamplesPerSecond * 69,
                     1e-12));
    }
};

QTEST_GUILESS_MAIN(TestBeamSearch)
#include "test_beam_search.moc"
