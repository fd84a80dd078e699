// SPDX-License-Identifier: GPL-3.0-or-later
// Ranking candidates under each objective and constraint, the Pareto front and the words that
// explain the choice, on results priced by hand from tests/core/spend_fixture.h:
//
//   candidate  time   on demand                          owned (4 years, $0.10/kWh)
//   16 gpu     10 h   2 alpha g8 x $80 = $160/h: $1,600  $21.90 + $1.165 /h: $230.68
//                     (buying: $768,000 / ($160 - $1.165)/h = 4,835 h, 6.6 months)
//    8 tpu     20 h   1 gamma t8 x $40 = $40/h:  $800    cannot be bought
//    8 npu      5 h   nobody rents it                    $7.301 + $0.333 /h: $38.17
//    4 cpu    100 h   4 alpha c1 x $2 = $8/h:    $800    $1.825 + $0.146 /h: $197.08

#include "core/spend_fixture.h"
#include "cost/spend.h"
#include "efficiency/inference_efficiency.h"
#include "plan/ecosystem.h"
#include "plan/explain.h"
#include "plan/frameworks.h"
#include "plan/pareto.h"
#include "plan/providers.h"
#include "plan/recommend.h"

#include <QtTest>

#include <cmath>

using namespace accelplan;
using namespace accelplan::units;

namespace {

struct Run {
    const char *chip;
    int count;
    double trainHours;
    double latencySeconds;
    double tokensPerSecond;
};

const std::vector<Run> kRuns{{"gpu", 16, 10, 0.5, 16000},
                             {"tpu", 8, 20, 0.8, 8000},
                             {"npu", 8, 5, 0.3, 9000},
                             {"cpu", 4, 100, 9.0, 100}};
enum { kGpu, kTpu, kNpu, kCpu };

Scenario scenarioWith(Objective objective) {
    Scenario s;
    s.training = TrainingSettings{};
    s.inference = InferenceSettings{};
    s.goal = Goal{};
    s.goal->objective = objective;
    return s;
}

// What evaluate() would give for kRuns, priced under `s`.
Evaluation evaluated(const Scenario &s, const Catalog &catalog) {
    Evaluation e;
    for (const Run &run : kRuns) {
        CandidateResult r;
        r.chipId = run.chip;
        r.count = run.count;
        r.training =
            test::trainingTaking(run.trainHours, run.trainHours * 0.8, run.trainHours * 1.3);
        r.inference = test::servingAt(run.tokensPerSecond, run.latencySeconds);
        Candidate c;
        c.chipId = run.chip;
        c.count = run.count;
        applySpend(r, c, s, catalog);
        e.results.push_back(std::move(r));
    }
    return e;
}

std::vector<std::size_t> order(const Recommendation &rec, bool eligibleOnly = true) {
    std::vector<std::size_t> out;
    for (const Score &s : rec.ranking) {
        if (s.eligible() || !eligibleOnly)
            out.push_back(s.result);
    }
    return out;
}

const Score &scoreFor(const Recommendation &rec, std::size_t result) {
    for (const Score &s : rec.ranking) {
        if (s.result == result)
            return s;
    }
    qFatal("no score for result %zu", result);
}

QString exclusionsOf(const Recommendation &rec, std::size_t result) {
    QStringList out;
    for (const std::string &e : scoreFor(rec, result).exclusions)
        out << QString::fromStdString(e);
    return out.join(QStringLiteral(" | "));
}

using Order = std::vector<std::size_t>;

} // namespace

class TestPlanRecommend : public QObject {
    Q_OBJECT

    const Catalog catalog = test::spendCatalog();

    Recommendation rank(const Scenario &s) { return recommend(s, catalog, evaluated(s, catalog)); }

private slots:
    // The npu is fastest but nobody rents it; the gpu is the fastest one can have.
    void fastest() {
        const Recommendation rec = rank(scenarioWith(Objective::fastest));
        QCOMPARE(order(rec), (Order{kGpu, kTpu, kCpu}));
        QCOMPARE(exclusionsOf(rec, kNpu),
                 QStringLiteral("cannot be rented: no provider in the catalog rents npu"));
        QCOMPARE(
            QString::fromStdString(rec.why),
            QStringLiteral("16 × Vendor G gpu is the fastest: 10 h to train, for $1,600. It "
                           "needs CUDA and is available from alpha and beta. Buying the same "
                           "chips would pay for itself after 6.6 months of round-the-clock use. 1 "
                           "of the 4 candidates is ruled out."));
        QCOMPARE(QString::fromStdString(rec.tradeOff),
                 QStringLiteral("The runner-up, 8 × Vendor T tpu, would be 50 % cheaper but take "
                                "2× as long (20 h to train, $800); it needs JAX/XLA and is "
                                "available only on gamma."));
    }

    // tpu and cpu both cost $800; the tie goes to the faster tpu.
    void cheapest() {
        const Recommendation rec = rank(scenarioWith(Objective::cheapest));
        QCOMPARE(order(rec), (Order{kTpu, kCpu, kGpu}));
        QCOMPARE(QString::fromStdString(rec.why),
                 QStringLiteral("8 × Vendor T tpu is the cheapest: $800, 20 h to train. It needs "
                                "JAX/XLA and is available only on gamma. 1 of the 4 candidates is "
                                "ruled out."));
        QCOMPARE(QString::fromStdString(rec.tradeOff),
                 QStringLiteral("The runner-up, 4 × Vendor C cpu, would take 5× as long (100 h to "
                                "train, $800); it runs oneDNN and is available only on alpha."));
    }

    void cheapestWithinDeadline() {
        Scenario s = scenarioWith(Objective::cheapestWithinDeadline);
        s.goal->deadline = hours(15);
        const Recommendation rec = rank(s);
        QCOMPARE(order(rec), (Order{kGpu}));
        QCOMPARE(exclusionsOf(rec, kTpu),
                 QStringLiteral("takes 20 h to train, past the 15 h deadline"));
        QCOMPARE(exclusionsOf(rec, kCpu),
                 QStringLiteral("takes 4.167 days to train, past the 15 h deadline"));
        QVERIFY(QString::fromStdString(rec.why).startsWith(
            QStringLiteral("16 × Vendor G gpu is the cheapest that meets the "
                           "15 h deadline: $1,600, 10 h to train.")));
        QVERIFY(QString::fromStdString(rec.why).endsWith(
            QStringLiteral("3 of the 4 candidates are ruled out.")));
        QCOMPARE(QString::fromStdString(rec.tradeOff),
                 QStringLiteral("No other candidate meets the objective and constraints."));

        // A deadline everything meets leaves the plain cheapest order.
        s.goal->deadline = hours(200);
        QCOMPARE(order(rank(s)), (Order{kTpu, kCpu, kGpu}));
    }

    // Training's budget is the run's cost: $1,000 rules out the gpu's $1,600.
    void fastestWithinBudgetForTraining() {
        Scenario s = scenarioWith(Objective::lowestLatencyWithinBudget);
        s.goal->budget = dollars(1000);
        const Recommendation rec = rank(s);
        QCOMPARE(order(rec), (Order{kTpu, kCpu}));
        QCOMPARE(exclusionsOf(rec, kGpu), QStringLiteral("costs $1,600, over the $1,000 budget"));
        QVERIFY(QString::fromStdString(rec.why).startsWith(
            QStringLiteral("8 × Vendor T tpu is the fastest within the $1,000 "
                           "budget: 20 h to train, $800.")));
    }

    // Serving's budget is the fleet's month: gpu $160/h x 730.5 h = $116,880, tpu $29,220.
    // Cost per million tokens: gpu $160/h for 62.5 s = $2.78, tpu $40/h for 125 s = $1.39.
    void lowestLatencyWithinBudgetForServing() {
        Scenario s = scenarioWith(Objective::lowestLatencyWithinBudget);
        s.goal->focus = Focus::inference;
        s.goal->budget = dollars(50000);
        Recommendation rec = rank(s);
        QVERIFY(rec.focus == Focus::inference);
        QCOMPARE(order(rec), (Order{kTpu, kCpu}));
        QCOMPARE(exclusionsOf(rec, kGpu),
                 QStringLiteral("costs $116,900 a month, over the $50,000 a month budget"));
        QCOMPARE(QString::fromStdString(rec.why).section(QLatin1Char('.'), 0, 0),
                 QStringLiteral("8 × Vendor T tpu has the lowest latency within the $50,000 a "
                                "month budget: 800 ms per request, $29,220 a month"));
        const Score &tpu = scoreFor(rec, kTpu);
        QVERIFY(std::fabs(tpu.cost->value() - 40.0 * 125.0 / 3600.0) < 1e-9);

        s.goal->budget = dollars(200000);
        rec = rank(s);
        QCOMPARE(order(rec), (Order{kGpu, kTpu, kCpu}));
        QCOMPARE(QString::fromStdString(rec.tradeOff),
                 QStringLiteral("The runner-up, 8 × Vendor T tpu, would be 50 % cheaper but 60 % "
                                "slower (800 ms per request, $1.389 per million tokens); it needs "
                                "JAX/XLA and is available only on gamma."));
    }

    void ecosystemConstraint() {
        Scenario s = scenarioWith(Objective::cheapest);
        s.constraints = Constraints{{}, false, {Ecosystem::cuda, Ecosystem::rocm}};
        const Recommendation rec = rank(s);
        QCOMPARE(order(rec), (Order{kGpu}));
        QCOMPARE(exclusionsOf(rec, kTpu),
                 QStringLiteral("needs JAX/XLA; the team works in CUDA, ROCm"));
        QCOMPARE(exclusionsOf(rec, kCpu),
                 QStringLiteral("needs oneDNN; the team works in CUDA, ROCm"));
    }

    // MindSpore runs on CUDA, CANN and CPUs, not on XLA: the tpu, otherwise the cheapest, is
    // out, and the npu runs it but cannot be had.
    void frameworkConstraint() {
        Scenario s = scenarioWith(Objective::cheapest);
        s.constraints = Constraints{};
        s.constraints->frameworks = {Framework::mindspore};
        const Recommendation rec = rank(s);
        QCOMPARE(order(rec), (Order{kCpu, kGpu}));
        QCOMPARE(exclusionsOf(rec, kTpu), QStringLiteral("MindSpore does not run on XLA"));
        QVERIFY(!exclusionsOf(rec, kNpu).contains(QStringLiteral("MindSpore")));
        // Either of two frameworks will do: with JAX as well, the tpu is back in front.
        s.constraints->frameworks = {Framework::mindspore, Framework::jax};
        QCOMPARE(order(rank(s)), (Order{kTpu, kCpu, kGpu}));
    }

    // How each framework reaches a chip, and what it can do there.
    void frameworkRoutes() {
        Chip ascend = test::fixtureChip("ascend", "Huawei", "CANN / MindSpore", 400, {});
        Chip trainium = test::fixtureChip("trn", "AWS", "Neuron SDK", 500, {});
        Chip phone = test::fixtureChip("phone", "Qualcomm", "Qualcomm AI Engine Direct", 8, {});
        phone.chipClass = ChipClass::edge;
        const std::vector<Framework> torch{Framework::pytorch}, tf{Framework::tensorflow},
            jax{Framework::jax}, some{Framework::jax, Framework::paddlepaddle};

        QCOMPARE(frameworkRouteNote(ascend, torch, Focus::training),
                 std::string("PyTorch trains on ascend through torch_npu "
                             "(https://github.com/Ascend/pytorch)"));
        QCOMPARE(frameworkExclusion(ascend, jax, Focus::training),
                 std::string("JAX does not run on CANN"));
        QCOMPARE(frameworkExclusion(ascend, some, Focus::training), std::string());
        QCOMPARE(frameworkExclusion(trainium, tf, Focus::inference), std::string());
        QCOMPARE(frameworkExclusion(trainium, tf, Focus::training),
                 std::string("TensorFlow serves on Neuron but does not train there"));
        QCOMPARE(frameworkExclusion(trainium, jax, Focus::inference),
                 std::string("JAX does not run on Neuron"));
        // A phone serves an exported model, whatever the team trains in.
        QCOMPARE(frameworkRouteNote(phone, jax, Focus::inference),
                 std::string("JAX serves on phone through a LiteRT export "
                             "(https://ai.google.dev/edge/litert/models/jax_to_tflite)"));
        QCOMPARE(frameworkExclusion(phone, torch, Focus::training),
                 std::string("PyTorch serves on Qualcomm AI Engine Direct but does not train "
                             "there"));
        QCOMPARE(frameworkRouteNote(test::fixtureChip("g", "V", "CUDA", 700, {}), torch,
                                    Focus::training),
                 std::string()); // its own build: nothing to say
    }

    void frameworkNamesPeopleType() {
        QVERIFY(frameworkFromString("pytorch") == std::optional(Framework::pytorch));
        QVERIFY(frameworkFromString("Torch") == std::optional(Framework::pytorch));
        QVERIFY(frameworkFromString("TF") == std::optional(Framework::tensorflow));
        QVERIFY(frameworkFromString("paddle") == std::optional(Framework::paddlepaddle));
        QVERIFY(frameworkFromString("MINDSPORE") == std::optional(Framework::mindspore));
        QVERIFY(!frameworkFromString("Keras"));
    }

    // Only alpha: the tpu (gamma) cannot be rented, so the cpu is the cheapest.
    void providerConstraint() {
        Scenario s = scenarioWith(Objective::cheapest);
        s.constraints = Constraints{{"alpha"}, false, {}};
        const Recommendation rec = rank(s);
        QCOMPARE(order(rec), (Order{kCpu, kGpu}));
        QCOMPARE(exclusionsOf(rec, kTpu),
                 QStringLiteral("cannot be rented: no allowed provider (alpha) rents tpu"));
    }

    // Owned: npu $38.17, cpu $197.08, gpu $230.68; the tpu cannot be bought.
    void onPremisesOnly() {
        Scenario s = scenarioWith(Objective::cheapest);
        s.constraints = Constraints{{}, true, {}};
        const Recommendation rec = rank(s);
        QCOMPARE(order(rec), (Order{kNpu, kCpu, kGpu}));
        QCOMPARE(exclusionsOf(rec, kTpu),
                 QStringLiteral("cannot be bought: the catalog has no purchase price for it"));
        const double npuPerHour = 8 * 20000 * 1.6 / 35064.0 + 8 * 400 * 0.8 * 1.3 / 1000 * 0.10;
        QVERIFY(std::fabs(scoreFor(rec, kNpu).cost->value() - 5 * npuPerHour) < 1e-6);
        QVERIFY(QString::fromStdString(rec.why).contains(
            QStringLiteral("It needs CANN/MindSpore and is bought and run on "
                           "premises.")));

        s.goal->objective = Objective::fastest;
        QCOMPARE(order(rank(s)), (Order{kNpu, kGpu, kCpu}));
    }

    // Serving judges the request latency and the cost per million output tokens:
    //   gpu 16 chips, $160/h (2 alpha g8), a million tokens at 16,000/s take 62.5 s: $2.778;
    //   tpu  8 chips,  $40/h (1 gamma t8), 125 s: $1.389;
    //   cpu  4 chips,   $8/h (4 alpha c1), 10,000 s: $22.22; the npu cannot be rented.
    void servingUnderEachObjective() {
        Scenario s = scenarioWith(Objective::cheapest);
        s.goal->focus = Focus::inference;
        Recommendation rec = rank(s);
        QCOMPARE(order(rec), (Order{kTpu, kGpu, kCpu}));
        QVERIFY(std::fabs(scoreFor(rec, kGpu).cost->value() - 160.0 * 62.5 / 3600) < 1e-9);
        QVERIFY(std::fabs(scoreFor(rec, kCpu).cost->value() - 8.0 * 10000 / 3600) < 1e-9);

        // Latencies 0.5 s, 0.8 s and 9 s.
        s.goal->objective = Objective::fastest;
        rec = rank(s);
        QCOMPARE(order(rec), (Order{kGpu, kTpu, kCpu}));
        QCOMPARE(scoreFor(rec, kTpu).time->value(), 0.8);

        // The deadline is a request's latency: 600 ms leaves only the gpu.
        s.goal->objective = Objective::cheapestWithinDeadline;
        s.goal->deadline = seconds(0.6);
        rec = rank(s);
        QCOMPARE(order(rec), (Order{kGpu}));
        QCOMPARE(exclusionsOf(rec, kTpu),
                 QStringLiteral("takes 800 ms per request, past the 600 ms deadline"));
        QCOMPARE(exclusionsOf(rec, kCpu),
                 QStringLiteral("takes 9 s per request, past the 600 ms deadline"));

        // A deadline nobody meets leaves no winner, and each candidate says why.
        s.goal->deadline = seconds(0.1);
        rec = rank(s);
        QVERIFY(!rec.winner());
        for (std::size_t r : {kGpu, kTpu, kCpu})
            QVERIFY2(exclusionsOf(rec, r).endsWith(QStringLiteral("past the 100 ms deadline")),
                     qPrintable(exclusionsOf(rec, r)));

        // Without a budget, lowest latency within budget is the plain fastest order.
        s.goal->objective = Objective::lowestLatencyWithinBudget;
        s.goal->deadline.reset();
        QCOMPARE(order(rank(s)), (Order{kGpu, kTpu, kCpu}));
    }

    // Serving targets are constraints: the tpu is the cheapest per token, but a candidate that
    // misses the TTFT or TPOT target or cannot carry the rate asked is never eligible, and says
    // by how much. In server mode the targets bound the 99th percentile: the mean the results
    // hold times the load's tail, as the serving search judges them.
    void servingTargetsAreConstraints() {
        Scenario s = scenarioWith(Objective::cheapest);
        s.goal->focus = Focus::inference;
        s.inference->mode = InferenceMode::server;
        s.inference->slo.ttft = seconds(0.5);
        s.inference->slo.tpot = seconds(0.05);
        s.inference->requestsPerSecond = 20;
        const ServerLoad load = serverLoad();
        QVERIFY(load.ttftTail >= 1 && load.tpotTail >= 1); // a p99 is never below the mean
        Evaluation e = evaluated(s, catalog);
        // Means chosen so that their p99s fall where the comments say.
        const auto serve = [&](std::size_t i, double ttftP99, double tpotP99, double rate) {
            e.results[i].inference->ttft = seconds(ttftP99 / load.ttftTail);
            e.results[i].inference->tpot = seconds(tpotP99 / load.tpotTail);
            e.results[i].inference->throughputSamplesPerSecond = rate;
        };
        serve(kGpu, 0.4, 0.02, 20);   // meets everything
        serve(kTpu, 0.3, 0.202, 20);  // p99 TPOT four times the target
        serve(kCpu, 0.9, 0.04, 11.8); // p99 TTFT over, and carries only 11.8 of 20 requests/s
        Recommendation rec = recommend(s, catalog, e);
        QCOMPARE(order(rec), (Order{kGpu}));
        QCOMPARE(exclusionsOf(rec, kTpu), QStringLiteral("p99 TPOT 202 ms, target 50 ms"));
        QCOMPARE(exclusionsOf(rec, kCpu),
                 QStringLiteral("p99 TTFT 900 ms, target 500 ms | carries 11.8 requests/s of "
                                "the 20 asked"));
        QCOMPARE(rec.winner()->result, std::size_t(kGpu));
        QVERIFY(!rec.runnerUp());
        // Missing the target does not put a candidate on the cost-time front either.
        for (std::size_t p : rec.paretoFront)
            QVERIFY(p == kGpu || p == kNpu);

        // A mean within the target whose p99 is not: excluded (the search said so too).
        serve(kTpu, 0.5 * 1.2, 0.03, 20);
        QVERIFY(e.results[kTpu].inference->ttft.value() < 0.5);
        rec = recommend(s, catalog, e);
        QVERIFY2(exclusionsOf(rec, kTpu).startsWith(QStringLiteral("p99 TTFT 600 ms")),
                 qPrintable(exclusionsOf(rec, kTpu)));

        // Exactly at the targets is within them.
        serve(kTpu, 0.5, 0.05, 20);
        rec = recommend(s, catalog, e);
        QCOMPARE(order(rec), (Order{kTpu, kGpu}));

        // Offline, no queue forms: the mean is judged.
        s.inference->mode = InferenceMode::offline;
        e.results[kTpu].inference->ttft = seconds(0.45);
        rec = recommend(s, catalog, e);
        QVERIFY(exclusionsOf(rec, kTpu).isEmpty());
        s.inference->mode = InferenceMode::server;

        // With training as the question, serving targets do not rank the training run.
        s.goal->focus = Focus::training;
        rec = recommend(s, catalog, e);
        QVERIFY(exclusionsOf(rec, kCpu).isEmpty());
    }

    // With training and serving, the recommendation is a plan: the cheapest run (tpu, $800)
    // and the cheapest serving (tpu, $40/h x 730.5 h = $29,220 a month): $800 + 12 x $29,220.
    // A training-only tpu leaves serving to the gpu ($160/h: $116,880 a month).
    void trainHereServeThere() {
        Scenario s = scenarioWith(Objective::cheapest);
        Evaluation e = evaluated(s, catalog);
        Recommendation rec = recommend(s, catalog, e);
        QVERIFY(rec.plan);
        QCOMPARE(rec.plan->training, std::size_t(kTpu));
        QCOMPARE(rec.plan->serving, std::size_t(kTpu));
        QVERIFY(std::fabs(rec.plan->total->value() - (800 + 12 * 29220.0)) < 1e-6);
        QVERIFY2(rec.plan->why.rfind("Train and serve on 8 × Vendor T tpu (20 h to train, $800; "
                                     "$29,220 a month): ",
                                     0) == 0,
                 rec.plan->why.c_str());

        s.goal->servingMonths = 36;
        e.results[kTpu].role = Role::training;
        e.results[kTpu].inference.reset();
        rec = recommend(s, catalog, e);
        QCOMPARE(rec.plan->training, std::size_t(kTpu));
        QCOMPARE(rec.plan->serving, std::size_t(kGpu));
        QVERIFY(std::fabs(rec.plan->total->value() - (800 + 36 * 116880.0)) < 1e-6);
        QVERIFY2(rec.plan->why.rfind("Train on 8 × Vendor T tpu (20 h to train, $800), serve on "
                                     "16 × Vendor G gpu ($116,900 a month): ",
                                     0) == 0,
                 rec.plan->why.c_str());
        QVERIFY2(rec.plan->why.find("with 36 months of serving.") != std::string::npos,
                 rec.plan->why.c_str());

        // A serving-only candidate is no training candidate, and says so.
        e.results[kCpu].role = Role::serving;
        e.results[kCpu].training.reset();
        rec = recommend(s, catalog, e);
        QCOMPARE(exclusionsOf(rec, kCpu),
                 QStringLiteral("serves only (its role): not a training candidate"));
        // One half alone makes no plan.
        s.inference.reset();
        QVERIFY(!recommend(s, catalog, e).plan);
    }

    // A power limit judges the serving device; training in a data centre is not held to it.
    void powerLimitJudgesServingOnly() {
        Scenario s = scenarioWith(Objective::cheapest);
        s.constraints = Constraints{};
        s.constraints->maxPower = watts(500);
        Recommendation rec = rank(s); // training
        QVERIFY(exclusionsOf(rec, kGpu).isEmpty() ||
                !exclusionsOf(rec, kGpu).contains(QStringLiteral("limit")));
        QVERIFY(rec.plan);
        QVERIFY(rec.plan->serving != std::size_t(kGpu));
        s.inference.reset();
        rec = rank(s);
        QCOMPARE(exclusionsOf(rec, kGpu),
                 QStringLiteral("draws 700 W (TDP), over the 500 W limit"));
    }

    // Edge targets, worked on the fixture with owned chips: a request's whole latency is a
    // target like TTFT, a power limit rules out chips whose TDP is above it (or unknown), and
    // lowest-energy ranks by energy per request.
    void latencyPowerAndEnergy() {
        Scenario s = scenarioWith(Objective::lowestEnergy);
        s.goal->focus = Focus::inference;
        s.costs.pricing = Pricing::owned;
        s.inference->slo.latency = seconds(0.6);
        s.constraints = Constraints{};
        s.constraints->maxPower = watts(500);
        Evaluation e = evaluated(s, catalog);
        e.results[kGpu].inference->energyPerRequest = joules(4);
        e.results[kNpu].inference->energyPerRequest = joules(6);
        e.results[kCpu].inference->energyPerRequest = joules(90);
        Recommendation rec = recommend(s, catalog, e);
        QCOMPARE(order(rec), (Order{kNpu}));
        QCOMPARE(exclusionsOf(rec, kGpu),
                 QStringLiteral("draws 700 W (TDP), over the 500 W limit"));
        QVERIFY2(exclusionsOf(rec, kTpu).contains(
                     QStringLiteral("its power is unknown (the catalog has no TDP for it), the "
                                    "limit is 500 W")),
                 qPrintable(exclusionsOf(rec, kTpu)));
        QCOMPARE(exclusionsOf(rec, kCpu), QStringLiteral("latency 9 s, target 600 ms"));
        QCOMPARE(rec.winner()->energy->value(), 6.0);
        QVERIFY2(rec.why.find("uses the least energy: 6 J a request") != std::string::npos,
                 rec.why.c_str());

        // Without the limit, the gpu's 4 J a request beats the npu's 6 J, though it is slower.
        s.constraints->maxPower.reset();
        rec = recommend(s, catalog, e);
        QCOMPARE(order(rec), (Order{kGpu, kNpu}));
        // A candidate whose energy is unknown cannot be ranked by it.
        e.results[kGpu].inference->energyPerRequest.reset();
        rec = recommend(s, catalog, e);
        QCOMPARE(order(rec), (Order{kNpu}));
        QCOMPARE(exclusionsOf(rec, kGpu),
                 QStringLiteral("its energy is unknown: the catalog has no TDP for it"));
    }

    // The pricing model decides who can be had and at what price. Training 16 gpus for 10 h:
    //   spot         2 alpha g8 x $24 = $48/h:  $480;
    //   reserved-1y  2 x $56 = $112/h:          $1,120;
    //   reserved-3y  2 x $40 = $80/h:           $800.
    // Only alpha sells those for the gpu; the tpu (gamma) and the cpu are on demand only.
    void rankingUnderEachPricingModel_data() {
        QTest::addColumn<int>("pricing");
        QTest::addColumn<double>("gpuCost");
        QTest::newRow("spot") << int(Pricing::spot) << 480.0;
        QTest::newRow("reserved-1y") << int(Pricing::reserved1y) << 1120.0;
        QTest::newRow("reserved-3y") << int(Pricing::reserved3y) << 800.0;
    }
    void rankingUnderEachPricingModel() {
        QFETCH(int, pricing);
        QFETCH(double, gpuCost);
        Scenario s = scenarioWith(Objective::cheapest);
        s.costs.pricing = static_cast<Pricing>(pricing);
        const Recommendation rec = rank(s);
        QCOMPARE(order(rec), (Order{kGpu}));
        QVERIFY(std::fabs(scoreFor(rec, kGpu).cost->value() - gpuCost) < 1e-9);
        const QString name = QString::fromLatin1(toString(s.costs.pricing));
        QCOMPARE(exclusionsOf(rec, kTpu),
                 QStringLiteral("cannot be rented: no provider in the catalog rents tpu at %1 "
                                "prices")
                     .arg(name));
        QCOMPARE(exclusionsOf(rec, kCpu),
                 QStringLiteral("cannot be rented: no provider in the catalog rents cpu at %1 "
                                "prices")
                     .arg(name));
    }

    // Constraints add up: every reason a candidate is out is listed, not only the first.
    void constraintsTogether() {
        Scenario s = scenarioWith(Objective::fastest);
        s.constraints = Constraints{{"alpha"}, false, {Ecosystem::cuda}};
        const Recommendation rec = rank(s);
        QCOMPARE(order(rec), (Order{kGpu}));
        // Only alpha: 2 g8 instances at $80/h for 10 h.
        QVERIFY(std::fabs(scoreFor(rec, kGpu).cost->value() - 1600.0) < 1e-9);
        QCOMPARE(exclusionsOf(rec, kTpu),
                 QStringLiteral("cannot be rented: no allowed provider (alpha) rents tpu | needs "
                                "JAX/XLA; the team works in CUDA"));
        QCOMPARE(exclusionsOf(rec, kNpu),
                 QStringLiteral("cannot be rented: no provider in the catalog rents npu | needs "
                                "CANN/MindSpore; the team works in CUDA"));
        QCOMPARE(exclusionsOf(rec, kCpu), QStringLiteral("needs oneDNN; the team works in CUDA"));
        // Excluded candidates follow the eligible ones, in the scenario's order.
        QCOMPARE(order(rec, false), (Order{kGpu, kTpu, kNpu, kCpu}));
    }

    void nothingQualifies() {
        Scenario s = scenarioWith(Objective::cheapest);
        s.constraints = Constraints{{}, false, {Ecosystem::neuron}};
        const Recommendation rec = rank(s);
        QVERIFY(!rec.winner());
        QVERIFY(!rec.runnerUp());
        QCOMPARE(order(rec, false), (Order{kGpu, kTpu, kNpu, kCpu}));
        QCOMPARE(QString::fromStdString(rec.why),
                 QStringLiteral("No candidate meets the objective and constraints; each one lists "
                                "why."));
        QVERIFY(rec.tradeOff.empty());
    }

    void candidatesThatDoNotFitAreRuledOut() {
        Scenario s = scenarioWith(Objective::cheapest);
        Evaluation e = evaluated(s, catalog);
        e.results[kTpu].training->fits = false;
        e.results[kTpu].problems = {"does not fit: needs 212 GiB per chip, has 32 GiB"};
        const Recommendation rec = recommend(s, catalog, e);
        QCOMPARE(order(rec), (Order{kCpu, kGpu}));
        QCOMPARE(exclusionsOf(rec, kTpu),
                 QStringLiteral("does not fit: needs 212 GiB per chip, has 32 GiB"));
    }

    // (10 h, $1,600) and (20 h, $800) trade time for money; (100 h, $800) is beaten by the tpu.
    void paretoFrontOfTimeAndCost() {
        const Recommendation rec = rank(scenarioWith(Objective::cheapest));
        QCOMPARE(rec.paretoFront, (Order{kGpu, kTpu}));
        QVERIFY(scoreFor(rec, kGpu).onParetoFront);
        QVERIFY(!scoreFor(rec, kCpu).onParetoFront);

        const std::vector<TimeCost> points{{hours(3), dollars(5)}, {hours(1), dollars(9)},
                                           {hours(2), dollars(9)}, {hours(3), dollars(4)},
                                           {hours(1), dollars(9)}, {hours(5), dollars(1)}};
        QCOMPARE(paretoFront(points), (Order{1, 3, 5}));
        QVERIFY(paretoFront({}).empty());
    }

    void defaultsFollowTheScenario() {
        Scenario s;
        QVERIFY(goalOf(s).objective == Objective::cheapest);
        s.inference = InferenceSettings{};
        QVERIFY(focusOf(s) == Focus::inference);
        s.training = TrainingSettings{};
        QVERIFY(focusOf(s) == Focus::training);
    }

    void ecosystemsFromTheCatalogsWords_data() {
        QTest::addColumn<QString>("software");
        QTest::addColumn<QString>("ecosystem");
        auto row = [](const char *software, const char *ecosystem) {
            QTest::newRow(software) << QString::fromUtf8(software) << QString::fromUtf8(ecosystem);
        };
        row("CUDA", "CUDA");
        row("ROCm", "ROCm");
        row("XLA (JAX / TensorFlow / PyTorch-XLA)", "JAX/XLA");
        row("CANN / MindSpore (PyTorch via torch_npu)", "CANN/MindSpore");
        row("CANN / MindIE", "CANN/MindSpore");
        row("AWS Neuron SDK (NKI)", "Neuron");
        row("Intel Gaudi software (SynapseAI)", "SynapseAI");
        row("oneDNN / OpenVINO / IPEX (PyTorch CPU)", "");
        row("Core ML / MLX", "");
        row("", "");
    }
    void ecosystemsFromTheCatalogsWords() {
        QFETCH(QString, software);
        QFETCH(QString, ecosystem);
        Chip chip;
        chip.software = software.toStdString();
        const auto e = ecosystemOf(chip);
        QCOMPARE(e ? QString::fromUtf8(toString(*e).data(), qsizetype(toString(*e).size()))
                   : QString(),
                 ecosystem);
    }

    void ecosystemNamesPeopleType() {
        QVERIFY(ecosystemFromString("cuda") == std::optional(Ecosystem::cuda));
        QVERIFY(ecosystemFromString("JAX/XLA") == std::optional(Ecosystem::xla));
        QVERIFY(ecosystemFromString("jax") == std::optional(Ecosystem::xla));
        QVERIFY(ecosystemFromString("MindSpore") == std::optional(Ecosystem::cann));
        QVERIFY(ecosystemFromString("synapseai") == std::optional(Ecosystem::synapseAi));
        QVERIFY(ecosystemFromString("Neuron") == std::optional(Ecosystem::neuron));
        QVERIFY(!ecosystemFromString("OpenCL"));
        QVERIFY(objectiveFromString("cheapest-within-deadline") ==
                Objective::cheapestWithinDeadline);
        QVERIFY(!objectiveFromString("best"));
    }

    void availabilityInWords() {
        Catalog c = catalog;
        QCOMPARE(availability(c, "tpu"), std::string("available only on gamma"));
        QCOMPARE(availability(c, "npu"), std::string("not rented by any provider"));
        QCOMPARE(availability(c, "gpu"), std::string("available from alpha and beta"));
        for (const char *p : {"gcp", "aws", "azure", "oci"})
            c.offerings.push_back(test::fixtureOffering("npu", p, "n8", 8, 10));
        QCOMPARE(availability(c, "npu"),
                 std::string("available from AWS, Azure, Google Cloud and Oracle Cloud"));
        c.offerings.push_back(test::fixtureOffering("npu", "lambda", "n8", 8, 10));
        QCOMPARE(availability(c, "npu"),
                 std::string("available from AWS, Azure, Google Cloud and 2 more"));
        QCOMPARE(providerName("gcp"), std::string("Google Cloud"));
        QCOMPARE(providerName("someone"), std::string("someone"));
    }
};

QTEST_GUILESS_MAIN(TestPlanRecommend)
#include "test_plan_recommend.moc"
