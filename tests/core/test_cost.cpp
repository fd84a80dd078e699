// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces of the cost layer, each against a figure worked out by hand from the fixture
// catalog (tests/core/spend_fixture.h): instance rounding, every pricing model, owning and
// its break-even against renting, energy and carbon.

#include "core/spend_fixture.h"
#include "cost/break_even.h"
#include "cost/calendar.h"
#include "cost/energy.h"
#include "cost/instances.h"
#include "cost/ownership.h"
#include "cost/rental.h"
#include "helpers/near.h"

#include <QtTest>

#include <cmath>

using namespace accelplan;
using namespace accelplan::units;

namespace {

using test::near;

QString describe(double actual, double expected) {
    return QStringLiteral("actual %1, expected %2")
        .arg(actual, 0, 'g', 12)
        .arg(expected, 0, 'g', 12);
}

#define QCOMPARE_NEAR(actual, expected)                                                            \
    QVERIFY2(near((actual), (expected)), qPrintable(describe((actual), (expected))))

} // namespace

class TestCost : public QObject {
    Q_OBJECT

    const Catalog catalog = test::spendCatalog();

private slots:
    void instanceRounding_data() {
        QTest::addColumn<int>("chips");
        QTest::addColumn<int>("perInstance");
        QTest::addColumn<int>("instances");
        QTest::addColumn<int>("billed");
        QTest::newRow("12 on 8") << 12 << 8 << 2 << 16;
        QTest::newRow("exactly one") << 8 << 8 << 1 << 8;
        QTest::newRow("one chip of eight") << 1 << 8 << 1 << 8;
        QTest::newRow("one per instance") << 17 << 1 << 17 << 17;
        QTest::newRow("64 on 8") << 64 << 8 << 8 << 64;
        QTest::newRow("65 on 8") << 65 << 8 << 9 << 72;
        QTest::newRow("no chips") << 0 << 8 << 0 << 0;
        QTest::newRow("bad instance size") << 3 << 0 << 3 << 3;
    }
    void instanceRounding() {
        QFETCH(int, chips);
        QFETCH(int, perInstance);
        QFETCH(int, instances);
        QFETCH(int, billed);
        const InstanceCount n = instancesFor(chips, perInstance);
        QCOMPARE(n.instances, instances);
        QCOMPARE(n.billedChips, billed);
    }

    // 12 chips: alpha's 8-chip instances cost 2 x $80 = $160/h, beta's 1-chip ones
    // 12 x $11 = $132/h; at 16 chips alpha is cheaper (2 x $80 = $160 against $176).
    void cheapestOfferingCountsWholeInstances() {
        const RentalChoice twelve = quoteRental(catalog, "gpu", 12, Pricing::onDemand);
        QVERIFY2(twelve.quote, twelve.problem.c_str());
        QCOMPARE(twelve.quote->offering->id(), std::string("beta/g1"));
        QCOMPARE(twelve.quote->count.instances, 12);
        QCOMPARE_NEAR(inDollarsPerHour(twelve.quote->fleetRate()), 132.0);

        const RentalChoice sixteen = quoteRental(catalog, "gpu", 16, Pricing::onDemand);
        QVERIFY(sixteen.quote);
        QCOMPARE(sixteen.quote->offering->id(), std::string("alpha/g8"));
        QCOMPARE(sixteen.quote->count.instances, 2);
        QCOMPARE_NEAR(inDollarsPerHour(sixteen.quote->fleetRate()), 160.0);
    }

    // Only alpha sells spot and commitments: 12 chips are 2 of its instances.
    void eachPricingModel_data() {
        QTest::addColumn<int>("pricing");
        QTest::addColumn<QString>("offering");
        QTest::addColumn<double>("usdPerHour");
        QTest::newRow("on-demand") << int(Pricing::onDemand) << QStringLiteral("beta/g1") << 132.0;
        QTest::newRow("spot") << int(Pricing::spot) << QStringLiteral("alpha/g8") << 48.0;
        QTest::newRow("reserved-1y")
            << int(Pricing::reserved1y) << QStringLiteral("alpha/g8") << 112.0;
        QTest::newRow("reserved-3y")
            << int(Pricing::reserved3y) << QStringLiteral("alpha/g8") << 80.0;
    }
    void eachPricingModel() {
        QFETCH(int, pricing);
        QFETCH(QString, offering);
        QFETCH(double, usdPerHour);
        const RentalChoice c = quoteRental(catalog, "gpu", 12, static_cast<Pricing>(pricing));
        QVERIFY2(c.quote, c.problem.c_str());
        QCOMPARE(QString::fromStdString(c.quote->offering->id()), offering);
        QCOMPARE_NEAR(inDollarsPerHour(c.quote->fleetRate()), usdPerHour);
    }

    void namedOfferingIsUsedEvenWhenDearer() {
        const RentalChoice c =
            quoteRental(catalog, "gpu", 12, Pricing::onDemand, std::string("alpha/g8"));
        QVERIFY(c.quote);
        QCOMPARE(c.quote->offering->id(), std::string("alpha/g8"));
        QCOMPARE_NEAR(inDollarsPerHour(c.quote->fleetRate()), 160.0);
    }

    void allowedProvidersLimitTheChoice() {
        const std::vector<std::string> onlyAlpha{"alpha"};
        const RentalChoice c =
            quoteRental(catalog, "gpu", 12, Pricing::onDemand, {}, {onlyAlpha, {}});
        QVERIFY(c.quote);
        QCOMPARE(c.quote->offering->id(), std::string("alpha/g8"));

        const std::vector<std::string> onlyGamma{"gamma"};
        const RentalChoice none =
            quoteRental(catalog, "gpu", 12, Pricing::onDemand, {}, {onlyGamma, {}});
        QVERIFY(!none.quote);
        QCOMPARE(none.problem, std::string("no allowed provider (gamma) rents gpu"));
        const RentalChoice named = quoteRental(catalog, "gpu", 12, Pricing::onDemand,
                                               std::string("beta/g1"), {onlyAlpha, {}});
        QVERIFY(!named.quote);
        QCOMPARE(named.problem,
                 std::string("offering beta/g1 is from beta, not an allowed provider (alpha)"));
    }

    // Regions: alpha sells in the US, beta in the EU; a team bound to the EU rents beta's, a
    // team bound to China none, and an offering sold "global"ly is in every region.
    void allowedRegionsLimitTheChoice() {
        Catalog c = catalog;
        for (Offering &o : c.offerings)
            o.regions = {o.provider == "alpha" ? "us" : "eu"};
        const std::vector<std::string> eu{"eu"}, cn{"cn"};
        const RentalChoice inEu = quoteRental(c, "gpu", 12, Pricing::onDemand, {}, {{}, eu});
        QVERIFY(inEu.quote);
        QCOMPARE(inEu.quote->offering->provider, std::string("beta"));
        const RentalChoice inCn = quoteRental(c, "gpu", 12, Pricing::onDemand, {}, {{}, cn});
        QVERIFY(!inCn.quote);
        QCOMPARE(inCn.problem, std::string("no allowed region (cn) rents gpu"));
        const RentalChoice named =
            quoteRental(c, "gpu", 12, Pricing::onDemand, std::string("alpha/g8"), {{}, eu});
        QCOMPARE(named.problem,
                 std::string("offering alpha/g8 is sold in us, not in an allowed region (eu)"));
        for (Offering &o : c.offerings)
            if (o.provider == "alpha")
                o.regions = {"global"};
        QVERIFY(
            quoteRental(c, "gpu", 12, Pricing::onDemand, std::string("alpha/g8"), {{}, cn}).quote);
    }

    // A job spanning instances needs their cluster network: with beta's one-chip machines
    // standing alone, 12 chips trained as one job rent alpha's 8-chip instances ($160/h), while
    // a serving fleet of one-chip replicas still rents beta's ($132/h).
    void singleMachinesHoldOnlyJobsThatFitInOne() {
        Catalog c = catalog;
        for (Offering &o : c.offerings)
            if (o.provider == "beta") {
                o.clusterNetwork = "none";
                o.maxInstances = 1;
            }
        const RentalChoice job = quoteRental(c, "gpu", 12, Pricing::onDemand);
        QVERIFY2(job.quote, job.problem.c_str());
        QCOMPARE(job.quote->offering->id(), std::string("alpha/g8"));
        QCOMPARE_NEAR(inDollarsPerHour(job.quote->fleetRate()), 160.0);
        const RentalChoice replicas = quoteRental(c, "gpu", 12, Pricing::onDemand, {}, {}, 1);
        QVERIFY(replicas.quote);
        QCOMPARE(replicas.quote->offering->id(), std::string("beta/g1"));

        const RentalChoice named =
            quoteRental(c, "gpu", 12, Pricing::onDemand, std::string("beta/g1"));
        QVERIFY(!named.quote);
        QCOMPARE(named.problem, std::string("offering beta/g1 is a single machine of 1 chip; 12 "
                                            "chips must work as one across 12 instances"));
        QVERIFY(quoteRental(c, "gpu", 1, Pricing::onDemand, std::string("beta/g1")).quote);
    }

    // A cluster network that is unknown, or too small for the job, is no cluster for it.
    void clusterNetworkMustBeStatedAndLargeEnough() {
        Catalog c = catalog;
        for (Offering &o : c.offerings) {
            if (o.provider == "beta")
                o.clusterNetwork.clear();
            if (o.id() == "alpha/g8")
                o.maxInstances = 2;
        }
        const RentalChoice noNetwork =
            quoteRental(c, "gpu", 12, Pricing::onDemand, std::string("beta/g1"));
        QCOMPARE(noNetwork.problem,
                 std::string("offering beta/g1 states no cluster network in the catalog; 12 "
                             "chips must work as one across 12 instances"));
        QVERIFY(quoteRental(c, "gpu", 16, Pricing::onDemand, std::string("alpha/g8")).quote);
        const RentalChoice tooMany = quoteRental(c, "gpu", 24, Pricing::onDemand);
        QVERIFY(!tooMany.quote);
        QCOMPARE(tooMany.problem,
                 std::string("no offering of gpu in the catalog can run 24 chips as one job "
                             "(alpha/g8 joins at most 2 instances into one cluster; 24 chips "
                             "must work as one across 3 instances)"));
    }

    // Whole instances are billed; the words say so only where chips are paid for and idle.
    void billingNoteNamesIdleChips() {
        const RentalChoice twelve =
            quoteRental(catalog, "gpu", 12, Pricing::onDemand, std::string("alpha/g8"));
        QVERIFY(twelve.quote);
        QCOMPARE(billingNote(*twelve.quote, 12),
                 std::string("billed as 2 × alpha/g8, 16 chips, for 12 used"));
        const RentalChoice one =
            quoteRental(catalog, "gpu", 1, Pricing::onDemand, std::string("alpha/g8"));
        QCOMPARE(billingNote(*one.quote, 1),
                 std::string("billed as 1 × alpha/g8, 8 chips, for 1 used"));
        const RentalChoice sixteen =
            quoteRental(catalog, "gpu", 16, Pricing::onDemand, std::string("alpha/g8"));
        QCOMPARE(billingNote(*sixteen.quote, 16), std::string());
    }

    // Never a made-up price: each way of asking for one that does not exist says why.
    void missingPricesAreProblems_data() {
        QTest::addColumn<QString>("chip");
        QTest::addColumn<int>("pricing");
        QTest::addColumn<QString>("offering");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no spot for tpu")
            << QStringLiteral("tpu") << int(Pricing::spot) << QString()
            << QStringLiteral("no provider in the catalog rents tpu at spot prices");
        QTest::newRow("nobody rents npu")
            << QStringLiteral("npu") << int(Pricing::onDemand) << QString()
            << QStringLiteral("no provider in the catalog rents npu");
        QTest::newRow("named without spot")
            << QStringLiteral("gpu") << int(Pricing::spot) << QStringLiteral("beta/g1")
            << QStringLiteral("offering beta/g1 has no spot price in the catalog");
        QTest::newRow("named unknown")
            << QStringLiteral("gpu") << int(Pricing::onDemand) << QStringLiteral("beta/g9")
            << QStringLiteral("offering beta/g9 is not in the catalog");
        QTest::newRow("named for another chip")
            << QStringLiteral("gpu") << int(Pricing::onDemand) << QStringLiteral("gamma/t8")
            << QStringLiteral("offering gamma/t8 rents tpu, not gpu");
        QTest::newRow("owned is not rented")
            << QStringLiteral("gpu") << int(Pricing::owned) << QString()
            << QStringLiteral("owned hardware is not rented");
    }
    void missingPricesAreProblems() {
        QFETCH(QString, chip);
        QFETCH(int, pricing);
        QFETCH(QString, offering);
        QFETCH(QString, problem);
        std::optional<std::string> named;
        if (!offering.isEmpty())
            named = offering.toStdString();
        const RentalChoice c =
            quoteRental(catalog, chip.toStdString(), 12, static_cast<Pricing>(pricing), named);
        QVERIFY(!c.quote);
        QCOMPARE(QString::fromStdString(c.problem), problem);
    }

    // 12 chips x $30,000 x (1 + 0.6) = $576,000, over 4 years of 8,766 h: $16.4271/h.
    void owningAmortisesChipsAndTheirShare() {
        const auto own = quoteOwnership(*catalog.findChip("gpu"), 12, 4);
        QVERIFY(own);
        QCOMPARE_NEAR(own->capex.value(), 576000.0);
        QCOMPARE_NEAR(inDollarsPerHour(own->amortized), 576000.0 / (4 * 8766.0));
        QVERIFY(!quoteOwnership(*catalog.findChip("tpu"), 12, 4)); // no purchase price
        QVERIFY(!quoteOwnership(*catalog.findChip("gpu"), 12, 0)); // no years to spread it over
        const auto dearer = quoteOwnership(*catalog.findChip("gpu"), 12, 4, 1.25);
        QCOMPARE_NEAR(dearer->capex.value(), 720000.0);
    }

    // Only a range known: the middle is the price, the ends bound it; a price with a range keeps
    // the price and widens the bounds to hold it.
    void purchasePriceFromARange() {
        Chip chip = *catalog.findChip("tpu");
        QVERIFY(!purchasePrice(chip));
        chip.priceRange = {units::dollars(8000), units::dollars(12000)};
        const auto middle = purchasePrice(chip);
        QVERIFY(middle && middle->fromRange && !middle->estimate);
        QCOMPARE(middle->nominal.value(), 10000.0);
        QCOMPARE(middle->low.value(), 8000.0);
        QCOMPARE(middle->high.value(), 12000.0);
        QVERIFY(describePurchasePrice(chip, *middle).find("the middle of its price range") !=
                std::string::npos);
        const auto own = quoteOwnership(chip, 12, 4);
        QVERIFY(own);
        QCOMPARE_NEAR(own->capex.value(), 12 * 10000 * 1.6);
        QCOMPARE_NEAR(inDollarsPerHour(own->amortizedLow), 12 * 8000 * 1.6 / (4 * 8766.0));
        QCOMPARE_NEAR(inDollarsPerHour(own->amortizedHigh), 12 * 12000 * 1.6 / (4 * 8766.0));

        chip.price = units::dollars(13000);
        const auto priced = purchasePrice(chip);
        QVERIFY(priced && !priced->fromRange);
        QCOMPARE(priced->nominal.value(), 13000.0);
        QCOMPARE(priced->high.value(), 13000.0);
        QVERIFY(describePurchasePrice(chip, *priced).empty());
        // Only one end of a range is no range.
        chip.price.reset();
        chip.priceRange.high.reset();
        QVERIFY(!purchasePrice(chip));
    }

    // 12 x 700 W x 0.8 x PUE 1.3 = 8,736 W at the wall; 10 h is 87.36 kWh, 34.944 kg at
    // 0.4 kg/kWh, $8.736 at $0.10/kWh.
    void energyFromTdpUtilisationAndPue() {
        const auto power = fleetPower(*catalog.findChip("gpu"), 12, 0.8, 1.3);
        QVERIFY(power);
        QCOMPARE_NEAR(power->value(), 8736.0);
        const Joules energy = *power * hours(10);
        QCOMPARE_NEAR(inKilowattHours(energy), 87.36);
        const Kilograms co2 = energy * kilogramsPerKilowattHour(0.4);
        QCOMPARE_NEAR(co2.value(), 34.944);
        const Dollars bill = energy * dollarsPerKilowattHour(0.10);
        QCOMPARE_NEAR(bill.value(), 8.736);
        QVERIFY(!fleetPower(*catalog.findChip("tpu"), 12, 0.8, 1.3)); // no TDP

        Costs costs;
        QCOMPARE(utilizationOf(costs), kDefaultUtilization);
        costs.utilization = 0.5;
        QCOMPARE(utilizationOf(costs), 0.5);
    }

    // $576,000 up front and $0.8736/h of electricity against $132/h of rent: renting has cost
    // as much after 576,000 / 131.1264 = 4,392.7 h, 6.013 months.
    void breakEvenRentVersusOwn() {
        const auto t = breakEven(dollars(576000), dollarsPerHour(0.8736), dollarsPerHour(132));
        QVERIFY(t);
        QCOMPARE_NEAR(inHours(*t), 576000.0 / 131.1264);
        QCOMPARE_NEAR(inMonths(*t), 576000.0 / 131.1264 / 730.5);
        QVERIFY(std::fabs(inMonths(*t) - 6.013) < 0.001);
        // Rent no dearer than the electricity alone: buying never pays.
        QVERIFY(!breakEven(dollars(576000), dollarsPerHour(2), dollarsPerHour(2)));
        QVERIFY(!breakEven(dollars(576000), dollarsPerHour(3), dollarsPerHour(2)));
    }

    void monthIsAnAverageMonth() {
        QCOMPARE_NEAR(inHours(kMonth), 730.5);
        QCOMPARE_NEAR(inHours(kYear), 8766.0);
    }
};

QTEST_GUILESS_MAIN(TestCost)
#include "test_cost.moc"
