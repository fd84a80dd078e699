// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped seed: every chip the contract names, sources, dense rates, and the rules.

#include "hardware/validation.h"
#include "helpers/test_env.h"
#include "test_catalog_support.h"

#include <set>

using namespace accelplan;

class TestCatalogSeed : public QObject {
    Q_OBJECT

private slots:
    void hasEveryContractChipWithSources() {
        const Catalog seed = test::shippedSeed();
        QCOMPARE(QString::fromStdString(seed.dataVersion), QStringLiteral("2026.11-1"));
        const char *required[] = {"nvidia-v100-sxm2-32gb",
                                  "nvidia-a100-sxm4-40gb",
                                  "nvidia-a100-sxm4-80gb",
                                  "nvidia-h100-sxm5-80gb",
                                  "nvidia-h100-pcie-80gb",
                                  "nvidia-h800-sxm5-80gb",
                                  "nvidia-h200-sxm-141gb",
                                  "nvidia-b200",
                                  "nvidia-gb200",
                                  "nvidia-l4",
                                  "nvidia-l40s",
                                  "nvidia-t4",
                                  "nvidia-a10g",
                                  "amd-mi250x",
                                  "amd-mi300x",
                                  "amd-mi325x",
                                  "amd-mi355x",
                                  "google-tpu-v4",
                                  "google-tpu-v5e",
                                  "google-tpu-v5p",
                                  "google-tpu-v6e",
                                  "google-tpu-v7",
                                  "huawei-ascend-910",
                                  "huawei-ascend-910b",
                                  "huawei-ascend-910c",
                                  "huawei-ascend-310p",
                                  "huawei-ascend-310",
                                  "intel-gaudi2",
                                  "intel-gaudi3",
                                  "aws-trainium",
                                  "aws-trainium2",
                                  "aws-inferentia2",
                                  "intel-xeon-8480plus",
                                  "amd-epyc-9654",
                                  "apple-m4"};
        for (const char *id : required) {
            const Chip *chip = seed.findChip(id);
            QVERIFY2(chip, id);
            QVERIFY2(!chip->sources.empty(), id);
            QVERIFY2(std::any_of(chip->sources.begin(), chip->sources.end(),
                                 [](const Source &s) { return !s.url.empty(); }),
                     id);
        }
    }

    void passesValidation() {
        const auto problems = validateCatalog(test::shippedSeed());
        QStringList lines;
        for (const auto &p : problems)
            lines << QString::fromStdString(p.describe());
        QVERIFY2(problems.empty(), qPrintable(lines.join(u'\n')));
    }

    void ratesAreDenseAndScaleUpPerDirection() {
        const Catalog seed = test::shippedSeed();
        const Chip *h100 = seed.findChip("nvidia-h100-sxm5-80gb");
        QVERIFY(h100);
        // NVIDIA's headline 3,958 TFLOPS FP8 is 2:4 sparse; the dense rate is half.
        QCOMPARE(h100->peakAt(Precision::fp8)->value(), 1.9789e15);
        QCOMPARE(h100->peakAt(Precision::bf16)->value(), 9.894e14);
        QCOMPARE(h100->memoryBandwidth->value(), 3.35e12);
        // NVLink 4: 900 GB/s is the bidirectional total.
        QCOMPARE(h100->scaleUp.bandwidthPerDirection->value(), 4.5e11);
        const Chip *h800 = seed.findChip("nvidia-h800-sxm5-80gb");
        QVERIFY(h800);
        QCOMPARE(h800->peakAt(Precision::bf16), h100->peakAt(Precision::bf16));
        QCOMPARE(h800->scaleUp.bandwidthPerDirection->value(), 2.0e11);
        // Unknown stays empty: no published TDP for TPU v5e.
        QVERIFY(!seed.findChip("google-tpu-v5e")->tdp);
        QVERIFY(!seed.findChip("google-tpu-v5e")->peakAt(Precision::fp8));
    }

    void offeringsArePricedAcrossProviders() {
        const Catalog seed = test::shippedSeed();
        std::set<std::string> providers;
        int priced = 0;
        for (const Offering &o : seed.offerings) {
            if (std::any_of(o.pricePerInstance.begin(), o.pricePerInstance.end(),
                            [](const auto &p) { return p.has_value(); })) {
                ++priced;
                providers.insert(o.provider);
            }
            QVERIFY2(seed.findChip(o.chipId), o.id().c_str());
        }
        QVERIFY2(priced >= 60, qPrintable(QString::number(priced)));
        QVERIFY2(providers.size() >= 6, qPrintable(QString::number(providers.size())));
        const Offering *p5 = seed.findOffering("aws/p5.48xlarge");
        QVERIFY(p5);
        QCOMPARE(p5->chipsPerInstance, 8);
        QCOMPARE(units::inDollarsPerHour(*p5->price(Pricing::onDemand)), 55.04);
        QVERIFY(seed.findOffering("gcp/ct6e-standard-8t")); // the contract's example
    }
};

QTEST_GUILESS_MAIN(TestCatalogSeed)
#include "test_catalog_seed.moc"
