// SPDX-License-Identifier: GPL-3.0-or-later
// Edge and speech serving worked by hand: one detection's latency and memory on a module, its
// energy per request, one Whisper request (encoder window, then a token at a time), and the
// presets' counts against their published figures.

#include "efficiency/inference_efficiency.h"
#include "evaluation/evaluate.h"
#include "hardware/catalog.h"
#include "helpers/near.h"
#include "helpers/test_chips.h"
#include "inference/forward_pass.h"
#include "inference/serving_model.h"
#include "inference/simulate_inference.h"
#include "workload/counts.h"
#include "workload/presets.h"

#include <QtTest>

#include <cmath>

using namespace accelplan;

namespace {

// A Jetson Orin Nano 8GB as the catalog has it: 33.5 TOPS int8 dense (of the 67 sparse NVIDIA
// quotes), 102 GB/s LPDDR5, 8 GB, 25 W.
Chip orinNano() {
    Chip c;
    c.id = "nvidia-jetson-orin-nano-8gb";
    c.kind = ChipKind::gpu;
    c.chipClass = ChipClass::edge;
    c.software = "CUDA";
    c.peak[indexOf(Precision::int8)] = units::flopsPerSecond(33.5e12);
    c.memory = units::bytes(8e9);
    c.memoryBandwidth = units::bytesPerSecond(102e9);
    c.tdp = units::watts(25);
    return c;
}

Workload preset(const char *id) {
    std::optional<Workload> w = findPreset(id);
    if (!w)
        qFatal("no preset %s", id);
    return *w;
}

using test::near;

constexpr double kMiB = 1024.0 * 1024.0;

} // namespace

class TestEdgeServing : public QObject {
    Q_OBJECT

private slots:
    void presetsCountWhatTheirSourcesPublish() {
        // Ultralytics: YOLOv8s 11.2 M parameters, 28.6 GFLOPs at 640x640.
        QCOMPARE(parameterCount(preset("yolov8s")), 11.2e6);
        QCOMPARE(inferenceFlopsPerSample(*preset("yolov8s").generic()).value(), 28.6e9);
        // Model cards: Whisper small 244 M, large-v3 1,550 M parameters; counted from the
        // widths here, within 2 %.
        QVERIFY(near(parameterCount(preset("whisper-small")), 244e6, 0.02));
        QVERIFY(near(parameterCount(preset("whisper-large-v3")), 1550e6, 0.02));
        // Llama 3.2 model cards: 1.23 B and 3.21 B parameters (tied embeddings counted once).
        QVERIFY(near(parameterCount(preset("llama-3.2-1b")), 1.236e9, 0.01));
        QVERIFY(near(parameterCount(preset("llama-3.2-3b")), 3.213e9, 0.01));
        // Whisper large-v3's encoder over one 30 s window, by hand: convolutions
        // 2*3*128*1280*3000 + 2*3*1280^2*1500 = 1.7695e10; 32 blocks of
        // 2*(4*1280^2 + 2*1280*5120)*1500 + 4*1500^2*1280 = 7.0502e10 each; the decoder's
        // cross keys and values 32*2*(2*1280^2)*1500 = 3.1457e11. Sum 2.5883e12.
        const Workload whisper = preset("whisper-large-v3");
        const GenericShape *large = whisper.generic();
        QVERIFY(large->speech);
        QVERIFY(near(large->forwardFlopsPerSample.value(), 2.5883e12, 1e-4));
        QCOMPARE(large->speech->crossValuesPerWindow, 2.0 * 1500 * 1280 * 32);
    }

    // YOLOv8s at int8, batch 1, on an Orin Nano: 11.2 MB of weights against 28.6 GFLOPs, so
    // compute bound; the latency is the roofline of both plus the runtime's cost per batch.
    void oneDetectionOnAModuleByHand() {
        const Chip chip = orinNano();
        InferenceSettings s;
        s.precision = Precision::int8;
        s.mode = InferenceMode::latency;
        const InferenceOutcome out =
            simulateInference(preset("yolov8s"), s, chip, Candidate{chip.id, 1, {}, {}});
        QVERIFY2(out.problems.empty(), out.problems.empty() ? "" : out.problems[0].c_str());
        // A detector runs one batch at a time: no token-serving runtime is named or assumed.
        QVERIFY(out.result.runtime.empty());
        QVERIFY(out.assumptions.empty());
        const InferenceEfficiency e =
            inferenceEfficiency(chip, Precision::int8, servingRuntimeOf(s, chip));
        const double compute = 28.6e9 / (33.5e12 * e.genericCompute);
        const double memory = 11.2e6 * 1.0 / (102e9 * e.memoryBandwidth);
        const double k = e.rooflineSharpness;
        const double expected =
            std::pow(std::pow(compute, k) + std::pow(memory, k), 1 / k) + e.genericOverhead.value();
        QVERIFY(compute > memory);
        QVERIFY(near(out.result.latency.value(), expected, 1e-9));
        QCOMPARE(out.result.batch, 1);
        QVERIFY(near(out.result.throughputSamplesPerSecond, 1 / expected, 1e-9));
        // Memory: int8 weights, a tenth of the 250 MB saved for training alive, and a mobile
        // runtime's 64 MiB, not a share of the module's 8 GB.
        QCOMPARE(out.result.memory.weights.value(), 11.2e6);
        QVERIFY(near(out.result.memory.activations.value(), 25e6, 1e-12));
        QCOMPARE(out.result.memory.other.value(), 64 * kMiB);
        QCOMPARE(out.result.memory.kvCache.value(), 0.0);
    }

    // Energy per request: the device's draw (TDP x utilisation, no data-centre PUE on an edge
    // device) over the requests it serves a second; a server chip pays the PUE.
    void energyPerRequestIsDrawOverRate() {
        Catalog catalog;
        catalog.chips = {orinNano(), test::h100Sxm()};
        catalog.chips[1].tdp = units::watts(700);
        Scenario scenario;
        scenario.workload = preset("yolov8s");
        InferenceSettings s;
        s.precision = Precision::int8;
        s.mode = InferenceMode::latency;
        scenario.inference = s;
        scenario.costs.pue = 1.3;
        scenario.costs.utilization = 0.8;
        scenario.candidates = {Candidate{"nvidia-jetson-orin-nano-8gb", 1, {}, {}},
                               Candidate{"nvidia-h100-sxm5-80gb", 1, {}, {}}};
        const Evaluation e = evaluate(scenario, catalog);
        const InferenceResult &edge = *e.results[0].inference;
        QVERIFY(edge.energyPerRequest);
        // 25 W x 0.8 = 20 W for one request's latency.
        QVERIFY(near(edge.energyPerRequest->value(), 20.0 * edge.latency.value(), 1e-9));
        const InferenceResult &server = *e.results[1].inference;
        QVERIFY(server.energyPerRequest);
        QVERIFY(
            near(server.energyPerRequest->value(), 700 * 0.8 * 1.3 * server.latency.value(), 1e-9));
        const auto said = e.results[0].assumptions;
        QVERIFY(std::find(said.begin(), said.end(),
                          "nvidia-jetson-orin-nano-8gb is an edge device: no PUE applied to its "
                          "power") != said.end());
    }

    // Train in the cloud, serve on the device: a candidate's role keeps the other half away,
    // and the device is bought (its price per device) while the scenario rents.
    void rolesAndADeviceThatIsBought() {
        Catalog catalog;
        Chip module = orinNano();
        module.price = units::dollars(249);
        catalog.chips = {module, test::h100Sxm()};
        Scenario scenario;
        scenario.workload = preset("yolov8s");
        scenario.training = TrainingSettings{};
        scenario.training->samples = 1e5;
        InferenceSettings s;
        s.precision = Precision::int8;
        s.mode = InferenceMode::latency;
        scenario.inference = s;
        scenario.costs.pricing = Pricing::onDemand;
        Candidate train{"nvidia-h100-sxm5-80gb", 1, {}, {}};
        train.role = Role::training;
        Candidate serve{"nvidia-jetson-orin-nano-8gb", 1, {}, {}};
        serve.role = Role::serving;
        scenario.candidates = {train, serve};
        const Evaluation e = evaluate(scenario, catalog);
        QVERIFY(e.results[0].training && !e.results[0].inference);
        QVERIFY(!e.results[1].training && e.results[1].inference);
        QVERIFY(e.results[1].role == Role::serving);
        QVERIFY(e.results[1].spend && e.results[1].spend->pricing == Pricing::owned);
        QVERIFY(e.results[1].spend->capex);
        QCOMPARE(e.results[1].spend->capex->value() > 0, true);
    }

    // One 30 s request of 100 tokens to Whisper large-v3 at fp16 on an H100: the encoder's
    // window, then 100 decode steps that each read the decoder's weights and the window's
    // cross-attention keys and values.
    void oneWhisperRequestByHand() {
        const Chip chip = test::h100Sxm();
        InferenceSettings s;
        s.precision = Precision::fp16;
        s.mode = InferenceMode::latency;
        s.outputTokens = 100;
        s.audioSeconds = 30;
        const Workload whisper = preset("whisper-large-v3");
        const GenericShape &g = *whisper.generic();
        const InferenceOutcome out =
            simulateInference(whisper, s, chip, Candidate{chip.id, 1, {}, {}});
        QVERIFY2(out.problems.empty(), out.problems.empty() ? "" : out.problems[0].c_str());
        const InferenceEfficiency e =
            inferenceEfficiency(chip, Precision::fp16, servingRuntimeOf(s, chip));
        const double peak = 989.4e12 * e.genericCompute, bandwidth = 3.35e12 * e.memoryBandwidth;
        const double k = e.rooflineSharpness;
        const auto roofline = [k](double a, double b) {
            return std::pow(std::pow(a, k) + std::pow(b, k), 1 / k);
        };
        const double decoderBytes = 2 * g.speech->params;
        const double encoderBytes = 2 * g.params - decoderBytes;
        const double encoder =
            roofline(g.forwardFlopsPerSample.value() / peak, encoderBytes / bandwidth) +
            e.genericOverhead.value();
        // Keys and values read per step: the window's 2 x 1500 x 1280 x 32 and the text's
        // 2 x 1280 x 32 per token of the 100, in 16 bits.
        const double cache = (2.0 * 1500 * 1280 * 32 + 2.0 * 1280 * 32 * 100) * 2;
        const double step =
            roofline(g.speech->flopsPerToken.value() / peak, (decoderBytes + cache) / bandwidth) +
            e.stepOverhead.value() + e.sequenceOverhead.value() + 32 * e.layerOverhead.value();
        QVERIFY(near(out.result.latency.value(), encoder + 100 * step, 1e-9));
        QVERIFY(near(out.result.ttft.value(), encoder + step, 1e-9));
        QVERIFY(near(out.result.tpot.value(), step, 1e-9));
        QVERIFY(near(out.result.memory.kvCache.value(), cache, 1e-9));
        // Two minutes of audio is four windows for the encoder.
        s.audioSeconds = 120;
        const InferenceOutcome longer =
            simulateInference(whisper, s, chip, Candidate{chip.id, 1, {}, {}});
        const double fourWindows =
            roofline(4 * g.forwardFlopsPerSample.value() / peak, encoderBytes / bandwidth) +
            e.genericOverhead.value();
        QVERIFY(near(longer.result.latency.value(), fourWindows + 100 * step, 1e-9));
    }
};

QTEST_APPLESS_MAIN(TestEdgeServing)
#include "test_edge_serving.moc"
