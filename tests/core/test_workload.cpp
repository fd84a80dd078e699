// SPDX-License-Identifier: GPL-3.0-or-later
// Workload presets and what their shapes imply, checked against the published parameter
// counts and against FLOPs and KV-cache sizes worked out by hand.

#include "helpers/near.h"
#include "workload/counts.h"
#include "workload/presets.h"

#include <QtTest>

#include <set>
#include <string>

using namespace accelplan;

namespace {

TransformerShape shapeOf(const char *id) {
    const auto w = findPreset(id);
    if (!w || !w->transformer())
        qFatal("no transformer preset %s", id);
    return *w->transformer();
}

using test::near;

} // namespace

class TestWorkload : public QObject {
    Q_OBJECT

private slots:
    void contractPresetsExist() {
        const char *required[] = {
            "llama-2-7b",     "llama-2-13b", "llama-2-70b", "llama-3.1-8b", "llama-3.1-70b",
            "llama-3.1-405b", "gpt-3-175b",  "gpt-j-6b",    "mixtral-8x7b", "deepseek-v3",
            "bert-large",     "resnet-50",   "vit-l-16",    "dlrm-dcnv2",   "stable-diffusion-xl"};
        std::set<std::string> listed;
        for (std::string_view id : presetIds())
            listed.insert(std::string(id));
        for (const char *id : required) {
            const auto w = findPreset(id);
            QVERIFY2(w.has_value(), id);
            QCOMPARE(w->presetId, std::string(id));
            QVERIFY(!w->displayName.empty());
            QVERIFY2(listed.count(id) == 1, id);
        }
        QCOMPARE(listed.size(), presetIds().size());
        QVERIFY(!findPreset("llama-4-1t").has_value());
        QVERIFY(!findPreset("").has_value());
    }

    // Published totals: the Hugging Face model cards' safetensors counts where they exist,
    // otherwise the papers' headline figures (GPT-3 175 B, BERT-Large 335 M on the hub).
    void parameterCountsMatchPublished_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("published");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("llama-2-7b") << QStringLiteral("llama-2-7b") << 6.738e9 << 0.002;
        QTest::newRow("llama-2-13b") << QStringLiteral("llama-2-13b") << 13.016e9 << 0.002;
        QTest::newRow("llama-2-70b") << QStringLiteral("llama-2-70b") << 68.977e9 << 0.002;
        QTest::newRow("llama-3.1-8b") << QStringLiteral("llama-3.1-8b") << 8.030e9 << 0.002;
        QTest::newRow("llama-3.1-70b") << QStringLiteral("llama-3.1-70b") << 70.554e9 << 0.002;
        QTest::newRow("llama-3.1-405b") << QStringLiteral("llama-3.1-405b") << 405.853e9 << 0.002;
        QTest::newRow("gpt-3-175b") << QStringLiteral("gpt-3-175b") << 175.0e9 << 0.01;
        QTest::newRow("gpt-j-6b") << QStringLiteral("gpt-j-6b") << 6.053e9 << 0.005;
        QTest::newRow("mixtral-8x7b") << QStringLiteral("mixtral-8x7b") << 46.7e9 << 0.005;
        QTest::newRow("deepseek-v3") << QStringLiteral("deepseek-v3") << 671e9 << 0.005;
        QTest::newRow("bert-large") << QStringLiteral("bert-large") << 335.1e6 << 0.01;
        QTest::newRow("resnet-50") << QStringLiteral("resnet-50") << 25.557e6 << 0.001;
    }
    void parameterCountsMatchPublished() {
        QFETCH(QString, id);
        QFETCH(double, published);
        QFETCH(double, tolerance);
        const auto w = findPreset(id.toStdString());
        QVERIFY(w.has_value());
        const double n = parameterCount(*w);
        QVERIFY2(
            near(n, published, tolerance),
            qPrintable(QStringLiteral("%1: %2 vs published %3").arg(id).arg(n).arg(published)));
    }

    void activeParametersOfMixturesOfExperts() {
        const auto mixtral = findPreset("mixtral-8x7b");
        QVERIFY(near(activeParameterCount(*mixtral), 12.9e9, 0.01));
        const auto deepseek = findPreset("deepseek-v3");
        QVERIFY(near(activeParameterCount(*deepseek), 37e9, 0.02));
        // A dense model uses all its weights.
        const auto llama = findPreset("llama-3.1-8b");
        QCOMPARE(activeParameterCount(*llama), parameterCount(*llama));
    }

    // Llama 3.1 70B by hand: attention 8192 x (8192 + 2 x 1024 + 8192) = 150,994,944; gated
    // FFN 3 x 8192 x 28672 = 704,643,072; two norms 16,384: 855,654,400 per layer.
    void llama70bByHand() {
        const TransformerCounts c = countParameters(shapeOf("llama-3.1-70b"));
        QCOMPARE(c.attentionPerLayer + c.denseFfnPerLayer, 855'654'400.0);
        QCOMPARE(c.denseLayers, 80);
        QCOMPARE(c.moeLayers, 0);
        QCOMPARE(c.embedding, 128256.0 * 8192);
        QCOMPARE(c.head, 128256.0 * 8192);
        QCOMPARE(c.total(), 80 * 855'654'400.0 + 2 * 128256.0 * 8192 + 8192);
    }

    // 6 x (matmul weights) + 12 x layers x seq x hidden: the PaLM / Megatron convention.
    void trainingFlopsByHand() {
        const TransformerShape s = shapeOf("llama-3.1-70b");
        const double matmul = 80 * 855'654'400.0 + 128256.0 * 8192;
        const double expected = 6 * matmul + 12.0 * 80 * 8192 * 8192;
        QVERIFY(near(trainingFlopsPerToken(s, 8192).value(), expected, 1e-12));
        QVERIFY(near(forwardFlopsPerToken(s, 0).value(), 2 * matmul, 1e-12));
        // Attention alone: 4 x seq x heads x head width per layer, forward.
        QVERIFY(near(attentionForwardFlopsPerToken(s, 1000).value(), 4.0 * 80 * 1000 * 64 * 128,
                     1e-12));
    }

    void mixtureOfExpertsFlopsUseActiveExperts() {
        const TransformerShape s = shapeOf("mixtral-8x7b");
        const TransformerCounts c = countParameters(s);
        const double expert = 3.0 * 4096 * 14336;
        QCOMPARE(c.expertFfn, expert);
        QCOMPARE(c.moeLayers, 32);
        const double perLayer = c.attentionPerLayer + 2 * expert + c.routerPerLayer;
        QVERIFY(
            near(forwardFlopsPerToken(s, 0).value(), 2 * (32 * perLayer + 32000.0 * 4096), 1e-12));
    }

    void deepseekLeadingDenseLayers() {
        const TransformerCounts c = countParameters(shapeOf("deepseek-v3"));
        QCOMPARE(c.denseLayers, 3);
        QCOMPARE(c.moeLayers, 58);
        QCOMPARE(c.denseFfnPerLayer, 3.0 * 7168 * 18432 + 7168);
        QCOMPARE(c.expertFfn, 3.0 * 7168 * 2048);
        QCOMPARE(c.experts, 256);
        QCOMPARE(c.sharedExperts, 1);
    }

    // Llama 3.1 70B at 8k context (inference issue's hand check): 2 (K and V) x 80 layers x
    // 8 kv heads x 128 x 2 bytes = 327,680 B per token, 2.68 GB per 8192-token sequence.
    void kvCacheWithGroupedQueryAttention() {
        const TransformerShape s = shapeOf("llama-3.1-70b");
        QCOMPARE(kvCacheBytesPerToken(s, Precision::bf16).value(), 327'680.0);
        QCOMPARE(kvCacheBytesPerToken(s, Precision::fp8).value(), 163'840.0);
        QCOMPARE(8192 * kvCacheBytesPerToken(s, Precision::bf16).value(), 2'684'354'560.0);
        // Multi-head attention keeps every head: Llama 2 7B, 2 x 32 x 32 x 128 x 2 bytes.
        QCOMPARE(kvCacheBytesPerToken(shapeOf("llama-2-7b"), Precision::bf16).value(), 524'288.0);
    }

    // DeepSeek MLA caches the 512-wide latent plus the 64-wide rotary key per layer.
    void kvCacheWithLatentAttention() {
        const TransformerShape s = shapeOf("deepseek-v3");
        QCOMPARE(kvCacheBytesPerToken(s, Precision::bf16).value(), 61.0 * (512 + 64) * 2);
        QCOMPARE(queryKeyHeadDim(s), 192);
        QCOMPARE(headDim(s), 128);
    }

    void encoderKeepsNoCacheAndNoVocabularyMatmul() {
        const TransformerShape s = shapeOf("bert-large");
        QCOMPARE(kvCacheBytesPerToken(s, Precision::bf16).value(), 0.0);
        const TransformerCounts c = countParameters(s);
        QCOMPARE(c.headMatmul, 0.0);
        QCOMPARE(c.head, 0.0);
    }

    void genericNetworks() {
        const auto resnet = findPreset("resnet-50");
        QVERIFY(resnet && resnet->generic());
        QCOMPARE(trainingFlopsPerSample(*resnet->generic()).value(), 3 * 8.2e9);
        QCOMPARE(inferenceFlopsPerSample(*resnet->generic()).value(), 8.2e9);
        const auto sdxl = findPreset("stable-diffusion-xl");
        QVERIFY(sdxl && sdxl->generic());
        // Serving an image runs the denoiser many times: far more than one forward pass.
        QVERIFY(inferenceFlopsPerSample(*sdxl->generic()).value() >
                20 * sdxl->generic()->forwardFlopsPerSample.value());
        const auto dlrm = findPreset("dlrm-dcnv2");
        QVERIFY(dlrm->generic()->embeddingBytes.value() > 1e11);
    }

    void customShapeWithoutHeadDimUsesHiddenOverHeads() {
        TransformerShape s;
        s.layers = 2;
        s.hidden = 64;
        s.heads = 4;
        s.kvHeads = 0; // treated as multi-head attention
        s.ffnHidden = 256;
        s.vocab = 100;
        QCOMPARE(headDim(s), 16);
        const TransformerCounts c = countParameters(s);
        QCOMPARE(c.attentionPerLayer, 4.0 * 64 * 64 + 64);
        QCOMPARE(c.denseFfnPerLayer, 2.0 * 64 * 256 + 64);
    }
};

QTEST_APPLESS_MAIN(TestWorkload)
#include "test_workload.moc"
