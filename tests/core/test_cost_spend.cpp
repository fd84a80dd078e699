// SPDX-License-Identifier: GPL-3.0-or-later
// The cost layer applied to a candidate's results (cost/spend.h): what evaluate() fills in the
// contract's cost, energy and CO2 fields, worked out by hand from tests/core/spend_fixture.h.

#include "core/spend_fixture.h"
#include "cost/spend.h"
#include "evaluation/evaluate.h"
#include "helpers/near.h"

#include <QtTest>

#include <algorithm>

using namespace accelplan;
using namespace accelplan::units;

namespace {

using test::near;

#define QCOMPARE_NEAR(actual, expected)                                                            \
    QVERIFY2(near((actual), (expected)), qPrintable(QStringLiteral("actual %1, expected %2")       \
                                                        .arg((actual), 0, 'g', 12)                 \
                                                        .arg((expected), 0, 'g', 12)))

bool mentions(const CandidateResult &r, const std::string &text) {
    return std::any_of(r.problems.begin(), r.problems.end(),
                       [&](const std::string &p) { return p.find(text) != std::string::npos; });
}

Candidate candidate(const char *chip, int count) {
    Candidate c;
    c.chipId = chip;
    c.count = count;
    return c;
}

// A result as the simulations leave it: trains in 10 h (8 to 13 h), serves 2,000 tokens/s.
CandidateResult simulated(const char *chip, int count) {
    CandidateResult r;
    r.chipId = chip;
    r.count = count;
    r.training = test::trainingTaking(10, 8, 13);
    r.inference = test::servingAt(2000);
    return r;
}

} // namespace

class TestCostSpend : public QObject {
    Q_OBJECT

    const Catalog catalog = test::spendCatalog();

private slots:
    // 12 gpus on demand: beta's 12 one-chip instances, $132/h. Training 10 h: $1,320
    // ($1,056 to $1,716); 8,736 W for 10 h: 87.36 kWh, 34.944 kg CO2. Serving 2,000 tokens/s:
    // a million tokens take 500 s, $18.33 and 4.368 MJ (1.2133 kWh). A month: $96,426.
    void rentedTrainingAndServing() {
        Scenario s;
        CandidateResult r = simulated("gpu", 12);
        applySpend(r, candidate("gpu", 12), s, catalog);
        QVERIFY2(r.problems.empty(), r.problems.empty() ? "" : r.problems.front().c_str());
        QCOMPARE(r.offering, std::string("beta/g1"));
        QVERIFY(r.spend);
        const Spend &spend = *r.spend;
        QVERIFY(spend.pricing == Pricing::onDemand);
        QCOMPARE(spend.instances, 12);
        QCOMPARE(spend.billedChips, 12);
        QCOMPARE_NEAR(inDollarsPerHour(*spend.fleetRate), 132.0);
        QCOMPARE_NEAR(spend.monthlyCost->value(), 132.0 * 730.5);

        QCOMPARE_NEAR(r.training->cost.value(), 1320.0);
        QCOMPARE_NEAR(spend.trainingCost->nominal.value(), 1320.0);
        QCOMPARE_NEAR(spend.trainingCost->low.value(), 1056.0);
        QCOMPARE_NEAR(spend.trainingCost->high.value(), 1716.0);
        QCOMPARE_NEAR(inKilowattHours(r.training->energy), 87.36);
        QCOMPARE_NEAR(r.training->co2.value(), 34.944);

        QCOMPARE_NEAR(r.inference->costPerMillionTokens.value(), 132.0 * 500.0 / 3600.0);
        QCOMPARE_NEAR(spend.energyPerMillionTokens->value(), 8736.0 * 500.0);
        QCOMPARE_NEAR(spend.co2PerMillionTokens->value(), 8736.0 * 500.0 / 3.6e6 * 0.4);

        // Buying the same 12 chips: $576,000, paid back after 576,000 / (132 - 0.8736) h.
        QCOMPARE_NEAR(spend.capex->value(), 576000.0);
        QCOMPARE_NEAR(inHours(*spend.breakEven), 576000.0 / (132.0 - 0.8736));
    }

    // A network serving samples (images), not tokens: 8 samples/s on $132/h, a million
    // samples take 125,000 s: $4,583.33.
    void samplesAreCostedPerMillion() {
        Scenario s;
        CandidateResult r;
        r.chipId = "gpu";
        r.count = 12;
        r.inference = test::servingAt(0, 0.2, 8);
        applySpend(r, candidate("gpu", 12), s, catalog);
        QVERIFY(r.problems.empty());
        QCOMPARE_NEAR(r.spend->costPerMillionSamples->value(), 132.0 * 125000.0 / 3600.0);
        QCOMPARE(r.inference->costPerMillionTokens.value(), 0.0);
        QVERIFY(!r.spend->energyPerMillionTokens);
    }

    // Spot is only sold in alpha's 8-chip instances: 12 chips rent 2 of them, $48/h.
    void spotRoundsUpToWholeInstances() {
        Scenario s;
        s.costs.pricing = Pricing::spot;
        CandidateResult r = simulated("gpu", 12);
        applySpend(r, candidate("gpu", 12), s, catalog);
        QCOMPARE(r.offering, std::string("alpha/g8"));
        QCOMPARE(r.spend->instances, 2);
        QCOMPARE(r.spend->billedChips, 16);
        QCOMPARE_NEAR(r.training->cost.value(), 480.0);
        // Energy counts the 12 chips that work, not the 4 idle ones paid for.
        QCOMPARE_NEAR(inKilowattHours(r.training->energy), 87.36);
    }

    // Every rental pricing of 12 gpus, trained for 10 h, and when buying them instead would
    // have paid off: $576,000 of capex against the rent less $0.8736/h of electricity.
    //   on demand    beta 12 x $11  = $132/h: $1,320;  576,000 / 131.1264 =  4,392.7 h
    //   spot         alpha 2 x $24  =  $48/h:   $480;  576,000 /  47.1264 = 12,222.6 h
    //   reserved-1y  alpha 2 x $56  = $112/h: $1,120;  576,000 / 111.1264 =  5,183.3 h
    //   reserved-3y  alpha 2 x $40  =  $80/h:   $800;  576,000 /  79.1264 =  7,279.5 h
    void eachRentalPricingAndItsBreakEven_data() {
        QTest::addColumn<int>("pricing");
        QTest::addColumn<QString>("offering");
        QTest::addColumn<int>("instances");
        QTest::addColumn<double>("usdPerHour");
        QTest::newRow("on-demand")
            << int(Pricing::onDemand) << QStringLiteral("beta/g1") << 12 << 132.0;
        QTest::newRow("spot") << int(Pricing::spot) << QStringLiteral("alpha/g8") << 2 << 48.0;
        QTest::newRow("reserved-1y")
            << int(Pricing::reserved1y) << QStringLiteral("alpha/g8") << 2 << 112.0;
        QTest::newRow("reserved-3y")
            << int(Pricing::reserved3y) << QStringLiteral("alpha/g8") << 2 << 80.0;
    }
    void eachRentalPricingAndItsBreakEven() {
        QFETCH(int, pricing);
        QFETCH(QString, offering);
        QFETCH(int, instances);
        QFETCH(double, usdPerHour);
        Scenario s;
        s.costs.pricing = static_cast<Pricing>(pricing);
        CandidateResult r = simulated("gpu", 12);
        applySpend(r, candidate("gpu", 12), s, catalog);
        QVERIFY(r.problems.empty());
        QCOMPARE(QString::fromStdString(r.offering), offering);
        QCOMPARE(r.spend->instances, instances);
        QCOMPARE_NEAR(inDollarsPerHour(*r.spend->fleetRate), usdPerHour);
        QCOMPARE_NEAR(r.training->cost.value(), 10 * usdPerHour);
        QCOMPARE_NEAR(r.spend->capex->value(), 576000.0);
        QCOMPARE_NEAR(inHours(*r.spend->breakEven), 576000.0 / (usdPerHour - 0.8736));
        // Energy does not depend on how the chips are paid for.
        QCOMPARE_NEAR(inKilowattHours(r.training->energy), 87.36);
    }

    // Owned: $16.4271/h of amortised capex plus $0.8736/h of electricity, for 10 h.
    void ownedTraining() {
        Scenario s;
        s.costs.pricing = Pricing::owned;
        CandidateResult r = simulated("gpu", 12);
        applySpend(r, candidate("gpu", 12), s, catalog);
        QVERIFY(r.problems.empty());
        QVERIFY(r.offering.empty());
        QCOMPARE(r.spend->instances, 0);
        QCOMPARE(r.spend->billedChips, 12);
        const double perHour = 576000.0 / (4 * 8766.0) + 0.8736;
        QCOMPARE_NEAR(inDollarsPerHour(*r.spend->fleetRate), perHour);
        QCOMPARE_NEAR(r.training->cost.value(), 10 * perHour);
        // Against renting the same chips on demand.
        QCOMPARE_NEAR(inHours(*r.spend->breakEven), 576000.0 / (132.0 - 0.8736));
    }

    // A chip known only by an estimated price range ($10,000 to $20,000) and an estimated TDP of
    // 500 W (400 to 600 W): owning it is costed at the range's middle, and says so. 8 chips at
    // $15,000 x 1.6 over 4 years: $5.4757/h; 8 x 500 W x 0.8 x PUE 1 at $0.10/kWh: $0.32/h.
    // The run's cost range spans the ends of both ranges, not only the time's.
    void owningAChipKnownOnlyByAnEstimatedRange() {
        Catalog c = catalog;
        Chip &tpu = c.chips[1];
        tpu.priceRange = {units::dollars(10000), units::dollars(20000)};
        tpu.tdp = units::watts(500);
        tpu.tdpRange = {units::watts(400), units::watts(600)};
        tpu.sources = {
            {"price_usd", "", "estimate: not sold", "2026-12", Basis::estimate},
            {"tdp_watts", "", "estimate: like its siblings", "2026-12", Basis::estimate}};
        Scenario s;
        s.costs.pricing = Pricing::owned;
        s.costs.pue = 1.0;
        CandidateResult r = simulated("tpu", 8);
        applySpend(r, candidate("tpu", 8), s, c);
        QVERIFY(r.problems.empty());
        const double years = 4 * 8766.0;
        const double power = 8 * 500 * 0.8 / 1000 * 0.10;
        const double perHour = 8 * 15000 * 1.6 / years + power;
        QCOMPARE_NEAR(inDollarsPerHour(*r.spend->fleetRate), perHour);
        QCOMPARE_NEAR(r.spend->capex->value(), 8 * 15000 * 1.6);
        QCOMPARE_NEAR(r.spend->trainingCost->nominal.value(), 10 * perHour);
        QCOMPARE_NEAR(r.spend->trainingCost->low.value(),
                      8 * (8 * 10000 * 1.6 / years + power * 400 / 500));
        QCOMPARE_NEAR(r.spend->trainingCost->high.value(),
                      13 * (8 * 20000 * 1.6 / years + power * 600 / 500));
        QCOMPARE(r.assumptions.size(), std::size_t(2));
        QVERIFY2(r.assumptions[0].find("middle of its estimated price range") != std::string::npos,
                 r.assumptions[0].c_str());
        QVERIFY2(r.assumptions[1].find("estimated TDP") != std::string::npos,
                 r.assumptions[1].c_str());

        // A plain catalog price needs no word: the gpu's $30,000 from a datasheet.
        CandidateResult gpu = simulated("gpu", 12);
        applySpend(gpu, candidate("gpu", 12), s, c);
        QVERIFY(gpu.assumptions.empty());
        QCOMPARE(gpu.spend->trainingCost->low.value(),
                 gpu.spend->fleetRate->value() * units::hours(8).value());
    }

    void onPremisesOnlyMeansOwned() {
        Scenario s;
        s.costs.pricing = Pricing::spot;
        s.constraints = Constraints{{}, true, {}};
        QVERIFY(effectivePricing(s) == Pricing::owned);
        CandidateResult r = simulated("gpu", 12);
        applySpend(r, candidate("gpu", 12), s, catalog);
        QVERIFY(r.spend->pricing == Pricing::owned);
        QVERIFY(r.offering.empty());
    }

    void unknownPricesStayUnknown() {
        Scenario s;
        s.costs.pricing = Pricing::spot;
        CandidateResult tpu = simulated("tpu", 8);
        applySpend(tpu, candidate("tpu", 8), s, catalog);
        QVERIFY(mentions(tpu, "no provider in the catalog rents tpu at spot prices"));
        QVERIFY(mentions(tpu, "no TDP for tpu"));
        QCOMPARE(tpu.training->cost.value(), 0.0);
        QCOMPARE(tpu.inference->costPerMillionTokens.value(), 0.0);
        QVERIFY(!tpu.spend->fleetRate);
        QVERIFY(!tpu.spend->trainingCost);
        QVERIFY(tpu.offering.empty());

        s.costs.pricing = Pricing::owned;
        CandidateResult owned = simulated("tpu", 8);
        applySpend(owned, candidate("tpu", 8), s, catalog);
        QVERIFY(mentions(owned, "cannot cost owning tpu: the catalog has no purchase price"));
    }

    void resultsThatDoNotFitCostNothing() {
        Scenario s;
        CandidateResult r = simulated("gpu", 12);
        r.training->fits = false;
        r.inference->fits = false;
        applySpend(r, candidate("gpu", 12), s, catalog);
        QCOMPARE(r.training->cost.value(), 0.0);
        QCOMPARE(r.training->energy.value(), 0.0);
        QCOMPARE(r.inference->costPerMillionTokens.value(), 0.0);
        QVERIFY(!r.spend->trainingCost);
        QVERIFY(r.spend->fleetRate); // the fleet still has a price

        // What stops such a candidate is that it does not fit, not its missing price.
        s.costs.pricing = Pricing::spot;
        CandidateResult tpu = simulated("tpu", 8);
        tpu.training->fits = false;
        tpu.inference->fits = false;
        applySpend(tpu, candidate("tpu", 8), s, catalog);
        QVERIFY(tpu.problems.empty());
    }

    // 12 gpus on spot are 2 of alpha's 8-chip instances: the 4 idle chips are said.
    void idleBilledChipsAreSaid() {
        Scenario s;
        s.costs.pricing = Pricing::spot;
        CandidateResult r = simulated("gpu", 12);
        applySpend(r, candidate("gpu", 12), s, catalog);
        QVERIFY(std::find(r.assumptions.begin(), r.assumptions.end(),
                          "billed as 2 × alpha/g8, 16 chips, for 12 used") != r.assumptions.end());
    }

    // Training across rented instances runs on the offering's network: alpha's 25 GB/s per
    // chip replaces the chip's own 50 GB/s, and the run says so. Owned, or on one instance,
    // the chip is the catalog's.
    void trainingRunsOnTheOfferingsNetwork() {
        Catalog c = catalog;
        c.chips.front().scaleOutBandwidth = bytesPerSecond(50e9);
        for (Offering &o : c.offerings)
            if (o.id() == "alpha/g8")
                o.scaleOutBandwidth = bytesPerSecond(25e9);
        Scenario s;
        s.costs.pricing = Pricing::spot; // alpha/g8 only
        std::string note;
        const Chip rented = chipAsRented(c.chips.front(), candidate("gpu", 16), s, c, note);
        QCOMPARE(rented.scaleOutBandwidth->value(), 25e9);
        QCOMPARE(note, std::string("instances joined by alpha/g8's cluster network (infiniband) "
                                   "at 25 GB/s per chip"));
        QCOMPARE(chipAsRented(c.chips.front(), candidate("gpu", 8), s, c, note)
                     .scaleOutBandwidth->value(),
                 50e9);
        QVERIFY(note.empty());
        s.costs.pricing = Pricing::owned;
        QCOMPARE(chipAsRented(c.chips.front(), candidate("gpu", 16), s, c, note)
                     .scaleOutBandwidth->value(),
                 50e9);
        QVERIFY(note.empty());
    }

    void evaluateFillsTheOffering() {
        Scenario s;
        s.candidates = {candidate("gpu", 16), candidate("nope", 4)};
        const Evaluation e = evaluate(s, catalog);
        QCOMPARE(e.results.size(), std::size_t(2));
        QCOMPARE(e.results[0].offering, std::string("alpha/g8"));
        QVERIFY(e.results[0].spend);
        QVERIFY(!e.results[1].spend); // unknown chip: evaluate() says so
    }
};

QTEST_GUILESS_MAIN(TestCostSpend)
#include "test_cost_spend.moc"
