// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped seed: every chip the contract names, sources, dense rates, and the rules.

#include "hardware/validation.h"
#include "helpers/test_env.h"
#include "test_catalog_support.h"

#include <cmath>
#include <set>

using namespace accelplan;

class TestCatalogSeed : public QObject {
    Q_OBJECT

private slots:
    void hasEveryContractChipWithSources() {
        const Catalog seed = test::shippedSeed();
        // The one place the version is written out: tools/catalog/make_seed.py's DATA_VERSION.
        QCOMPARE(QString::fromStdString(seed.dataVersion), QStringLiteral("2026.12-7"));
        const char *required[] = {
            "nvidia-v100-sxm2-32gb", "nvidia-a100-sxm4-40gb", "nvidia-a100-sxm4-80gb",
            "nvidia-h100-sxm5-80gb", "nvidia-h100-pcie-80gb", "nvidia-h800-sxm5-80gb",
            "nvidia-h200-sxm-141gb", "nvidia-b200", "nvidia-gb200", "nvidia-l4", "nvidia-l40s",
            "nvidia-t4", "nvidia-a10g", "amd-mi250x", "amd-mi300x", "amd-mi325x", "amd-mi355x",
            "google-tpu-v4", "google-tpu-v5e", "google-tpu-v5p", "google-tpu-v6e", "google-tpu-v7",
            "huawei-ascend-910", "huawei-ascend-910b", "huawei-ascend-910c", "huawei-ascend-310p",
            "huawei-ascend-310", "intel-gaudi2", "intel-gaudi3", "aws-trainium", "aws-trainium2",
            "aws-inferentia2", "intel-xeon-8480plus", "amd-epyc-9654", "apple-m4",
            // Additions (2026-12): edge and mobile.
            "qualcomm-snapdragon-8-elite", "apple-a18-pro", "google-tensor-g4",
            "mediatek-dimensity-9400", "nvidia-jetson-agx-orin-64gb", "nvidia-jetson-orin-nano-8gb",
            "hailo-8", "intel-core-ultra-7-258v", "amd-ryzen-ai-9-hx-370", "huawei-ascend-310b"};
        for (const char *id : required) {
            const Chip *chip = seed.findChip(id);
            QVERIFY2(chip, id);
            QVERIFY2(chip->chipClass, id);
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

    // Every chip can be costed as owned hardware and powered: a TDP and a price or a range,
    // an estimate where nothing better exists, marked as one.
    void everyChipHasATdpAndAPrice() {
        const Catalog seed = test::shippedSeed();
        QStringList missing;
        for (const auto &p : missingCostFacts(seed))
            missing << QString::fromStdString(p.describe());
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
        // TPUs are not sold: an estimated range, with its reasoning.
        const Chip *v5p = seed.findChip("google-tpu-v5p");
        QVERIFY(v5p && !v5p->price && v5p->priceRange.low && v5p->priceRange.high);
        QVERIFY(v5p->priceRange.low->value() < v5p->priceRange.high->value());
        QCOMPARE(basisOf(*v5p, "price_usd"), std::optional(Basis::estimate));
        // A vendor list price is the vendor's.
        QCOMPARE(basisOf(*seed.findChip("intel-gaudi3"), "price_usd"),
                 std::optional(Basis::vendor));
        // Classes and roles as the contract puts them.
        QCOMPARE(seed.findChip("hailo-8")->chipClass, std::optional(ChipClass::edge));
        QCOMPARE(seed.findChip("nvidia-rtx-6000-ada")->chipClass,
                 std::optional(ChipClass::workstation));
        QVERIFY(!seed.findChip("aws-inferentia2")->roles.training);
        QVERIFY(seed.findChip("aws-trainium2")->roles.training);
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
        // Google publishes no TPU v5e power: its TDP is an estimate, with a range and a source
        // that says so. An unknown rate stays empty.
        const Chip *v5e = seed.findChip("google-tpu-v5e");
        QCOMPARE(basisOf(*v5e, "tdp_watts"), std::optional(Basis::estimate));
        QVERIFY(v5e->tdpRange.low && v5e->tdpRange.high);
        QVERIFY(!v5e->peakAt(Precision::fp8));
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
        QCOMPARE(p5->clusterNetwork, std::string("efa"));
        QCOMPARE(p5->scaleOutBandwidth->value(), 400e9 / 8);
        // A price published in yuan keeps the yuan and the rate it was converted at.
        const Offering *ascend = seed.findOffering("china-telecom-jiangsu/atlas-800t-a2-376t-8x");
        QVERIFY(ascend && ascend->currency == "CNY" && ascend->usdRate && ascend->publishedPerHour);
        // (The reference rounds its US-dollar figure to the cent.)
        QVERIFY(std::abs(units::inDollarsPerHour(*ascend->price(Pricing::onDemand)) -
                         *ascend->publishedPerHour * *ascend->usdRate) < 0.01);
    }
};

QTEST_GUILESS_MAIN(TestCatalogSeed)
#include "test_catalog_seed.moc"
