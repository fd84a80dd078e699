// SPDX-License-Identifier: GPL-3.0-or-later
// A serving fleet over a growth plan: the demand curve worked by hand, the fleet grown by
// whole replicas of what one replica carries at the SLO, each month's spend, and the month a
// chip limit stops a candidate.

#include "cost/spend.h"
#include "evaluation/evaluate.h"
#include "helpers/test_chips.h"
#include "plan/growth.h"
#include "workload/presets.h"

#include <QtTest>

#include <cmath>

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

GrowthPlan plan(GrowthCurve curve, double start, double end, int months) {
    GrowthPlan p;
    p.curve = curve;
    p.start = start;
    p.end = end;
    p.months = months;
    return p;
}

Scenario chatService(const GrowthPlan &growth) {
    Scenario s;
    s.name = "chat";
    s.workload = *findPreset("llama-3.1-8b");
    InferenceSettings i;
    i.precision = Precision::fp8;
    i.inputTokens = 1024;
    i.outputTokens = 250;
    i.mode = InferenceMode::server;
    i.slo.ttft = units::seconds(1.0);
    i.slo.tpot = units::seconds(0.05);
    s.inference = i;
    s.candidates = {{"nvidia-h100-sxm5-80gb", 8, {}, {}}};
    s.growth = growth;
    return s;
}

} // namespace

class TestGrowth : public QObject {
    Q_OBJECT

private slots:
    void linearDemand() {
        const GrowthPlan p = plan(GrowthCurve::linear, 100, 1200, 12);
        QCOMPARE(demandAt(p, 0), 100.0);
        QCOMPARE(demandAt(p, 11), 1200.0);
        QCOMPARE(demandAt(p, 1), 200.0); // 1100 over 11 steps
        QCOMPARE(demandAt(p, 5), 600.0);
    }

    void exponentialDemandGrowsByAConstantFactor() {
        const GrowthPlan p = plan(GrowthCurve::exponential, 1000, 64000, 7);
        QCOMPARE(demandAt(p, 0), 1000.0);
        for (int m = 1; m < 7; ++m) // doubling every month: 2^6 = 64
            QVERIFY(std::fabs(demandAt(p, m) / demandAt(p, m - 1) - 2.0) < 1e-12);
        QVERIFY(std::fabs(demandAt(p, 6) - 64000.0) < 1e-9);
        // From zero there is no ratio: a straight line instead, never a NaN.
        QCOMPARE(demandAt(plan(GrowthCurve::exponential, 0, 100, 11), 5), 50.0);
    }

    void sCurveStartsAndEndsSlowly() {
        const GrowthPlan p = plan(GrowthCurve::sCurve, 0, 1000, 21);
        QVERIFY(std::fabs(demandAt(p, 0)) < 1e-9);
        QVERIFY(std::fabs(demandAt(p, 20) - 1000) < 1e-9);
        QVERIFY(std::fabs(demandAt(p, 10) - 500) < 1e-9); // symmetric about the middle
        double previous = -1;
        for (int m = 0; m < 21; ++m) {
            QVERIFY(demandAt(p, m) > previous);
            previous = demandAt(p, m);
        }
        const double firstStep = demandAt(p, 1) - demandAt(p, 0);
        const double middleStep = demandAt(p, 11) - demandAt(p, 10);
        QVERIFY(middleStep > 5 * firstStep);
    }

    void fleetGrowsByWholeReplicasOfWhatOneCarries() {
        GrowthPlan p = plan(GrowthCurve::linear, 1e6, 5e9, 12); // output tokens per day
        p.peakFactor = 2;
        const Scenario s = chatService(p);
        const GrowthOutcome g = planGrowth(s, catalog(), s.candidates.front());
        QVERIFY2(g.problem.empty(), g.problem.c_str());
        QCOMPARE(int(g.months.size()), 12);
        QVERIFY(g.chipsPerReplica >= 1);
        QVERIFY(g.requestsPerSecondPerReplica > 0);
        int previousChips = 0;
        for (const GrowthMonth &m : g.months) {
            // tokens per day / 250 tokens per request / 86,400 s, at twice the average
            const double rate = m.demandPerDay / 250 / 86400 * 2;
            QVERIFY(std::fabs(m.requestsPerSecond - rate) <= 1e-9 * rate);
            QCOMPARE(m.replicas, int(std::ceil(rate / g.requestsPerSecondPerReplica)));
            QCOMPARE(m.chips, m.replicas * g.chipsPerReplica);
            QVERIFY(m.chips >= previousChips);
            previousChips = m.chips;
            QVERIFY(m.enough);
            QVERIFY(m.cost.has_value());
        }
        QVERIFY(!g.firstShortMonth);
        QVERIFY(g.months.back().chips > g.months.front().chips);
        // A month's spend is what renting that many chips costs for a month.
        const GrowthMonth &last = g.months.back();
        Candidate c = s.candidates.front();
        c.count = last.chips;
        CandidateResult r;
        r.chipId = c.chipId;
        r.count = c.count;
        applySpend(r, c, s, catalog());
        QCOMPARE(last.cost->value(), r.spend->monthlyCost->value());
    }

    void replicaCarriesItsShareWithinTheSlo() {
        const Scenario s = chatService(plan(GrowthCurve::linear, 1e8, 1e9, 3));
        const GrowthOutcome g = planGrowth(s, catalog(), s.candidates.front());
        QVERIFY2(g.problem.empty(), g.problem.c_str());
        // A fleet of the planned size, asked for the last month's rate, carries it in the SLO.
        Scenario check = s;
        check.inference->requestsPerSecond = g.months.back().requestsPerSecond;
        check.candidates.front().count = g.months.back().chips;
        const CandidateResult r = evaluate(check, catalog()).results.front();
        QVERIFY(r.inference && r.inference->fits);
        QVERIFY2(r.inference->throughputSamplesPerSecond >=
                     g.months.back().requestsPerSecond * (1 - 1e-9),
                 qPrintable(QString::number(r.inference->throughputSamplesPerSecond)));
    }

    void aChipLimitEndsTheCandidate() {
        GrowthPlan p = plan(GrowthCurve::exponential, 1e7, 1e11, 12);
        p.unit = DemandUnit::tokensPerDay;
        Scenario s = chatService(p);
        const GrowthOutcome unlimited = planGrowth(s, catalog(), s.candidates.front());
        QVERIFY(unlimited.months.back().chips > 64);
        s.growth->maxChips = 64;
        const GrowthOutcome g = planGrowth(s, catalog(), s.candidates.front());
        QVERIFY(g.firstShortMonth.has_value());
        const int first = *g.firstShortMonth;
        QVERIFY(g.months[first].chips > 64);
        for (int m = 0; m < first; ++m)
            QVERIFY(g.months[m].enough && g.months[m].chips <= 64);
    }

    void requestsAndMissingPartsInWords() {
        GrowthPlan p = plan(GrowthCurve::linear, 864000, 864000, 2); // 10 requests/s
        p.unit = DemandUnit::requestsPerDay;
        Scenario s = chatService(p);
        GrowthOutcome g = planGrowth(s, catalog(), s.candidates.front());
        QVERIFY(std::fabs(g.months.front().requestsPerSecond - 10) < 1e-9);
        s.growth.reset();
        g = planGrowth(s, catalog(), s.candidates.front());
        QVERIFY(!g.problem.empty());
        QVERIFY(g.months.empty());
        // A model that fits in no count the team could get cannot follow any plan.
        Scenario huge = chatService(plan(GrowthCurve::linear, 1, 2, 2));
        huge.workload = *findPreset("llama-3.1-405b");
        huge.candidates.front().count = 1;
        huge.growth->maxChips = 2; // 405 B fp8 weights need more than 160 GB
        g = planGrowth(huge, catalog(), huge.candidates.front());
        QVERIFY(!g.problem.empty());
    }
};

QTEST_GUILESS_MAIN(TestGrowth)
#include "test_growth.moc"
