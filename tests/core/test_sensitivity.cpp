// SPDX-License-Identifier: GPL-3.0-or-later
// Tornado data: each input moved low and high around the scenario, worked by hand where the
// answer is linear in it (price, tokens), and bars in order of how far they move the cost.

#include "evaluation/evaluate.h"
#include "helpers/near.h"
#include "helpers/test_chips.h"
#include "plan/sensitivity.h"
#include "workload/presets.h"

#include <QtTest>

using namespace accelplan;

namespace {

Catalog catalog() {
    Catalog c;
    c.dataVersion = "test";
    Chip h100 = test::h100Sxm();
    h100.tdp = units::watts(700);
    h100.price = units::dollars(30000);
    c.chips.push_back(h100);
    Offering o;
    o.chipId = h100.id;
    o.provider = "alpha";
    o.instance = "g8";
    o.chipsPerInstance = 8;
    o.clusterNetwork = "infiniband";
    o.pricePerInstance[0] = units::dollarsPerHour(80);
    c.offerings.push_back(o);
    return c;
}

Scenario fineTune(Pricing pricing) {
    Scenario s;
    s.name = "fine-tune";
    s.workload = *findPreset("llama-3.1-8b");
    TrainingSettings t;
    t.tokens = 1e10;
    t.seqLen = 4096;
    t.globalBatch = 256;
    s.training = t;
    s.costs.pricing = pricing;
    s.candidates = {{"nvidia-h100-sxm5-80gb", 16, {}, {}}};
    return s;
}

const TornadoBar &barOf(const Sensitivity &s, SensitivityInput input) {
    for (const TornadoBar &b : s.bars)
        if (b.input == input)
            return b;
    qFatal("no bar for %s", std::string(toString(input)).c_str());
}

using test::near;

} // namespace

class TestSensitivity : public QObject {
    Q_OBJECT

private slots:
    void everyInputHasABarAroundTheBase() {
        const Sensitivity s = sensitivity(fineTune(Pricing::onDemand), catalog(), 0);
        QVERIFY(s.focus == Focus::training);
        QVERIFY(s.baseTime && s.baseCost);
        QCOMPARE(s.bars.size(), std::size_t(6));
        const CandidateResult r = evaluate(fineTune(Pricing::onDemand), catalog()).results[0];
        QCOMPARE(s.baseTime->value(), r.training->timeToTrain.nominal.value());
        QCOMPARE(s.baseCost->value(), r.training->cost.value());
    }

    void priceMovesTheCostInProportionAndNotTheTime() {
        const Sensitivity s = sensitivity(fineTune(Pricing::onDemand), catalog(), 0);
        const TornadoBar &price = barOf(s, SensitivityInput::price);
        QVERIFY(near(price.costLow->value(), s.baseCost->value() * 0.8));
        QVERIFY(near(price.costHigh->value(), s.baseCost->value() * 1.2));
        QCOMPARE(price.timeLow->value(), s.baseTime->value());
        QCOMPARE(price.lowSetting, std::string("-20 %"));
        QCOMPARE(price.highSetting, std::string("+20 %"));
    }

    void tokensMoveTimeAndCostInProportion() {
        const Sensitivity s = sensitivity(fineTune(Pricing::onDemand), catalog(), 0);
        const TornadoBar &work = barOf(s, SensitivityInput::work);
        QVERIFY(near(work.timeLow->value(), s.baseTime->value() * 0.8));
        QVERIFY(near(work.timeHigh->value(), s.baseTime->value() * 1.2));
        QVERIFY(near(work.costHigh->value(), s.baseCost->value() * 1.2));
    }

    void efficiencyIsTheSimulationsRange() {
        const Scenario scenario = fineTune(Pricing::onDemand);
        const Sensitivity s = sensitivity(scenario, catalog(), 0);
        const CandidateResult r = evaluate(scenario, catalog()).results[0];
        const TornadoBar &e = barOf(s, SensitivityInput::efficiency);
        QCOMPARE(e.timeLow->value(), r.training->timeToTrain.low.value());
        QCOMPARE(e.timeHigh->value(), r.training->timeToTrain.high.value());
        QCOMPARE(e.costHigh->value(), r.spend->trainingCost->high.value());
    }

    void moreChipsFinishSooner() {
        const Sensitivity s = sensitivity(fineTune(Pricing::onDemand), catalog(), 0);
        const TornadoBar &chips = barOf(s, SensitivityInput::chipCount);
        QCOMPARE(chips.lowSetting, std::string("8 chips"));
        QCOMPARE(chips.highSetting, std::string("32 chips"));
        QVERIFY(chips.timeLow->value() > s.baseTime->value());
        QVERIFY(chips.timeHigh->value() < s.baseTime->value());
    }

    void powerMattersOnlyWhenOwned() {
        const Sensitivity rented = sensitivity(fineTune(Pricing::onDemand), catalog(), 0);
        QCOMPARE(barOf(rented, SensitivityInput::electricity).swing(), 0.0);
        QCOMPARE(barOf(rented, SensitivityInput::utilization).swing(), 0.0);
        const Sensitivity owned = sensitivity(fineTune(Pricing::owned), catalog(), 0);
        const TornadoBar &power = barOf(owned, SensitivityInput::electricity);
        QVERIFY(power.costLow->value() < owned.baseCost->value());
        QVERIFY(power.costHigh->value() > owned.baseCost->value());
        QVERIFY(barOf(owned, SensitivityInput::utilization).swing() > 0);
    }

    void barsComeLargestSwingFirst() {
        for (Pricing p : {Pricing::onDemand, Pricing::owned}) {
            const Sensitivity s = sensitivity(fineTune(p), catalog(), 0);
            for (std::size_t i = 1; i < s.bars.size(); ++i)
                QVERIFY(s.bars[i - 1].swing() >= s.bars[i].swing());
        }
    }

    void servingUsesLatencyAndCostPerMillionTokens() {
        Scenario s = fineTune(Pricing::onDemand);
        s.training.reset();
        InferenceSettings i;
        i.outputTokens = 200;
        s.inference = i;
        const Sensitivity sens = sensitivity(s, catalog(), 0);
        QVERIFY(sens.focus == Focus::inference);
        const CandidateResult r = evaluate(s, catalog()).results[0];
        QCOMPARE(sens.baseTime->value(), r.inference->latency.value());
        QVERIFY(near(sens.baseCost->value(), r.inference->costPerMillionTokens.value()));
        QVERIFY(near(barOf(sens, SensitivityInput::price).costHigh->value(),
                     sens.baseCost->value() * 1.2));
    }

    void nothingToSayForACandidateThatCannotRun() {
        Scenario s = fineTune(Pricing::onDemand);
        s.workload = *findPreset("llama-3.1-405b");
        s.candidates.front().count = 1;
        const Sensitivity sens = sensitivity(s, catalog(), 0);
        QVERIFY(!sens.baseTime);
        QVERIFY(sens.bars.empty());
        QVERIFY(sensitivity(s, catalog(), 7).bars.empty());
    }
};

QTEST_GUILESS_MAIN(TestSensitivity)
#include "test_sensitivity.moc"
