// SPDX-License-Identifier: GPL-3.0-or-later
// The best chip count of `compare`: checked against evaluating every power of two up to the
// limit, so that an early stop of the search that misses a better count fails here.

#include "evaluation/evaluate.h"
#include "helpers/test_chips.h"
#include "plan/analysis.h"
#include "plan/count_search.h"
#include "workload/presets.h"

#include <QtTest>

#include <cmath>
#include <map>

using namespace accelplan;

namespace {

// An H100 with its TDP and price, rented by 8-chip instances at $80/h, and an L4 (24 GB).
Catalog catalog() {
    Catalog c;
    c.dataVersion = "test";
    Chip h100 = test::h100Sxm();
    h100.tdp = units::watts(700);
    h100.price = units::dollars(30000);
    c.chips.push_back(h100);
    Chip small = h100;
    small.id = "small";
    small.memory = units::bytes(24e9);
    c.chips.push_back(small);
    Offering o;
    o.chipId = h100.id;
    o.provider = "alpha";
    o.instance = "g8";
    o.chipsPerInstance = 8;
    o.clusterNetwork = "infiniband";
    o.pricePerInstance[0] = units::dollarsPerHour(80);
    c.offerings.push_back(o);
    o.chipId = small.id;
    o.instance = "s8";
    o.pricePerInstance[0] = units::dollarsPerHour(20);
    c.offerings.push_back(o);
    return c;
}

Scenario fineTune(const char *model, double tokens) {
    Scenario s;
    s.name = "fine-tune";
    s.workload = *findPreset(model);
    TrainingSettings t;
    t.tokens = tokens;
    t.seqLen = 4096;
    t.globalBatch = 256;
    s.training = t;
    return s;
}

struct Point {
    double time = 0;
    double cost = 0;
};

// Every power of two up to `maxChips` that runs, evaluated one by one.
std::map<int, Point> everyPowerOfTwo(const Scenario &scenario, const Catalog &c,
                                     const std::string &chip, int maxChips) {
    std::map<int, Point> out;
    for (int n = 1; n <= maxChips; n *= 2) {
        Scenario one = scenario;
        one.candidates = {{chip, n, {}, {}}};
        const CandidateResult r = evaluate(one, c).results.front();
        if (r.training && r.training->fits)
            out[n] = {r.training->timeToTrain.nominal.value(), r.training->cost.value()};
    }
    return out;
}

// Llama 3.1 8B served at 40 requests/s, 1k tokens in and 256 out.
Scenario servingAt40RequestsPerSecond() {
    Scenario s;
    s.name = "serve";
    s.workload = *findPreset("llama-3.1-8b");
    InferenceSettings i;
    i.mode = InferenceMode::server;
    i.inputTokens = 1024;
    i.outputTokens = 256;
    i.requestsPerSecond = 40;
    s.inference = i;
    return s;
}

CandidateResult best(const Scenario &s, const Catalog &c, const std::string &chip, int maxChips) {
    return searchBestCount(s, c, {chip, 1, {}, {}}, maxChips);
}

} // namespace

class TestCountSearch : public QObject {
    Q_OBJECT

private slots:
    // Cheapest: within the cost tolerance of the cheapest count, and no count within it is
    // more than the time tolerance faster.
    void cheapestIsTheFastestRunThatCostsNoMoreThanTheCheapest() {
        const Catalog c = catalog();
        for (const char *model : {"llama-3.1-8b", "llama-3.1-70b"}) {
            const Scenario s = fineTune(model, 5e9);
            const int maxChips = 512;
            const CandidateResult r = best(s, c, "nvidia-h100-sxm5-80gb", maxChips);
            QVERIFY2(r.training && r.training->fits, model);
            const double time = r.training->timeToTrain.nominal.value();
            const double cost = r.training->cost.value();
            const auto all = everyPowerOfTwo(s, c, "nvidia-h100-sxm5-80gb", maxChips);
            double least = cost;
            for (const auto &[n, p] : all)
                least = std::min(least, p.cost);
            QVERIFY2(cost <= least * (1 + kCostTolerance),
                     qPrintable(QStringLiteral("%1: %2 chips cost $%3, the cheapest $%4")
                                    .arg(QString::fromLatin1(model))
                                    .arg(r.count)
                                    .arg(cost)
                                    .arg(least)));
            for (const auto &[n, p] : all)
                if (p.cost <= least * (1 + kCostTolerance))
                    QVERIFY2(p.time >= time * (1 - kTimeTolerance),
                             qPrintable(QStringLiteral("%1: %2 chips take %3 s at $%4, the "
                                                       "search's %5 chips %6 s")
                                            .arg(QString::fromLatin1(model))
                                            .arg(n)
                                            .arg(p.time)
                                            .arg(p.cost)
                                            .arg(r.count)
                                            .arg(time)));
            QVERIFY(r.count <= maxChips);
        }
    }

    void fastestIsWithinTheToleranceOfEveryCount() {
        const Catalog c = catalog();
        Scenario s = fineTune("llama-3.1-8b", 5e9);
        s.goal = Goal{Objective::fastest, {}, {}, {}};
        const CandidateResult r = best(s, c, "nvidia-h100-sxm5-80gb", 256);
        QVERIFY(r.training && r.training->fits);
        const double time = r.training->timeToTrain.nominal.value();
        for (const auto &[n, p] : everyPowerOfTwo(s, c, "nvidia-h100-sxm5-80gb", 256))
            QVERIFY2(p.time >= time * (1 - kTimeTolerance),
                     qPrintable(QStringLiteral("%1 chips: %2 s, the search's %3 chips: %4 s")
                                    .arg(n)
                                    .arg(p.time)
                                    .arg(r.count)
                                    .arg(time)));
    }

    void cheapestWithinADeadlineMeetsIt() {
        const Catalog c = catalog();
        Scenario s = fineTune("llama-3.1-8b", 5e9);
        const auto all = everyPowerOfTwo(s, c, "nvidia-h100-sxm5-80gb", 256);
        QVERIFY(all.size() > 3);
        // A deadline only the larger runs meet.
        const double deadline = std::next(all.begin(), long(all.size()) - 2)->second.time * 1.01;
        s.goal = Goal{Objective::cheapestWithinDeadline, {}, units::seconds(deadline), {}};
        const CandidateResult r = best(s, c, "nvidia-h100-sxm5-80gb", 256);
        QVERIFY(r.training && r.training->fits);
        QVERIFY(r.training->timeToTrain.nominal.value() <= deadline);
        for (const auto &[n, p] : all)
            if (p.time <= deadline)
                QVERIFY(r.training->cost.value() <= p.cost * (1 + kCostTolerance));
    }

    void fastestWithinABudgetKeepsToIt() {
        const Catalog c = catalog();
        Scenario s = fineTune("llama-3.1-8b", 5e9);
        const auto all = everyPowerOfTwo(s, c, "nvidia-h100-sxm5-80gb", 256);
        double least = INFINITY;
        for (const auto &[n, p] : all)
            least = std::min(least, p.cost);
        s.goal = Goal{Objective::lowestLatencyWithinBudget, {}, {}, units::dollars(least * 1.02)};
        const CandidateResult r = best(s, c, "nvidia-h100-sxm5-80gb", 256);
        QVERIFY(r.training && r.training->fits);
        QVERIFY(r.spend && r.spend->trainingCost);
        QVERIFY(r.spend->trainingCost->nominal.value() <= least * 1.02);
    }

    void neverMoreThanTheLimit() {
        const Catalog c = catalog();
        const Scenario s = fineTune("llama-3.1-8b", 5e12); // big enough to want many chips
        for (int maxChips : {1, 3, 48, 100}) {
            const CandidateResult r = best(s, c, "nvidia-h100-sxm5-80gb", maxChips);
            QVERIFY2(r.count >= 1 && r.count <= maxChips, qPrintable(QString::number(r.count)));
        }
    }

    void nothingFitsGivesTheLimitWithItsProblem() {
        const Catalog c = catalog();
        const Scenario s = fineTune("llama-3.1-405b", 1e9);
        const CandidateResult r = best(s, c, "small", 4);
        QCOMPARE(r.count, 4);
        QVERIFY(r.training && !r.training->fits);
        QVERIFY(!r.problems.empty());
        QVERIFY(QString::fromStdString(r.problems.front()).startsWith(u"does not fit"));
    }

    void aPrecisionTheChipLacksStopsAtTheLimit() {
        const Catalog c = catalog();
        Scenario s = fineTune("llama-3.1-8b", 1e9);
        s.training->precision = Precision::fp4;
        const CandidateResult r = best(s, c, "nvidia-h100-sxm5-80gb", 4096);
        QCOMPARE(r.count, 4096);
        QVERIFY(r.training && !r.training->fits);
        QVERIFY(!r.problems.empty());
    }

    void servingCarriesTheRateOnTheFewestChips() {
        const Catalog c = catalog();
        const Scenario s = servingAt40RequestsPerSecond();
        const CandidateResult r = best(s, c, "nvidia-h100-sxm5-80gb", 1024);
        QVERIFY(r.inference && r.inference->fits);
        QVERIFY2(r.inference->throughputSamplesPerSecond >= 40 * (1 - 1e-9),
                 qPrintable(QString::number(r.inference->throughputSamplesPerSecond)));
        // Half the chips either cannot carry it or cost as much (whole 8-chip instances).
        if (r.count > 1) {
            Scenario half = s;
            half.candidates = {{"nvidia-h100-sxm5-80gb", r.count / 2, {}, {}}};
            const CandidateResult fewer = evaluate(half, c).results.front();
            const bool carries =
                fewer.inference && fewer.inference->throughputSamplesPerSecond >= 40 * (1 - 1e-9);
            QVERIFY2(
                !carries ||
                    fewer.spend->monthlyCost->value() >= r.spend->monthlyCost->value() * (1 - 1e-9),
                qPrintable(QStringLiteral("%1 chips would carry it for less").arg(r.count / 2)));
        }
    }

    // A candidate of kBestCount is analysed at a searched count: for serving at a rate, the
    // fewest chips that carry it (one fewer cannot); explicit counts stay as they are.
    void aBestCountIsFoundWhenTheScenarioIsAnalysed() {
        const auto c = std::make_shared<const Catalog>(catalog());
        Scenario s = servingAt40RequestsPerSecond();
        const InferenceSettings &i = *s.inference;
        s.candidates = {{"nvidia-h100-sxm5-80gb", kBestCount, {}, {}},
                        {"nvidia-h100-sxm5-80gb", 8, {}, {}}};
        const Analysis a = analyze(s, c);
        const int n = a.scenario.candidates[0].count;
        QCOMPARE(n, best(s, *c, "nvidia-h100-sxm5-80gb", kDefaultMaxChips).count);
        QCOMPARE(a.evaluation.results[0].count, n);
        QCOMPARE(a.scenario.candidates[1].count, 8);
        QVERIFY(servesAsAsked(*a.evaluation.results[0].inference, i, s.workload));
        QVERIFY(n > 1); // 40 requests/s of 8B at 1k+256 tokens is more than one H100 carries
        Scenario fewer = s;
        fewer.candidates = {{"nvidia-h100-sxm5-80gb", n - 1, {}, {}}};
        const CandidateResult r = evaluate(fewer, *c).results.front();
        QVERIFY(!r.inference || !servesAsAsked(*r.inference, i, s.workload));
    }

    // A scenario that trains and serves compares each chip twice, once for each half, each
    // sized for its own half; a chip that cannot train only serves.
    void everyChipForEachHalfWhenTheScenarioHasBoth() {
        Catalog c = catalog();
        c.chips.back().roles.training = false;
        Scenario s = fineTune("llama-3.1-8b", 1e9);
        s.inference = InferenceSettings{};
        const auto chips = everyChip(c, s);
        QCOMPARE(chips.size(), 2 * c.chips.size() - 1);
        QVERIFY(chips[0].role == Role::training && chips[1].role == Role::serving);
        QCOMPARE(chips[0].chipId, chips[1].chipId);
        QVERIFY(chips.back().role == Role::serving);
        QCOMPARE(chips.back().chipId, c.chips.back().id);
        const Evaluation e = compareAtBestCounts(s, c, std::span(chips).first(2), 64);
        QVERIFY(e.results[0].training && !e.results[0].inference);
        QVERIFY(!e.results[1].training && e.results[1].inference);
        QVERIFY(e.results[0].role == Role::training);
        QVERIFY(e.results[1].role == Role::serving);
        // Each half at the count its own search prefers.
        QCOMPARE(e.results[0].count, searchBestCount(s, c, chips[0], 64).count);
        QCOMPARE(e.results[1].count, searchBestCount(s, c, chips[1], 64).count);
    }

    void everyChipOnceInCatalogOrder() {
        const Catalog c = catalog();
        const auto chips = everyChip(c, Scenario{});
        QCOMPARE(chips.size(), c.chips.size());
        const Scenario s = fineTune("llama-3.1-8b", 1e9);
        const Evaluation e = compareAtBestCounts(s, c, chips, 64);
        QCOMPARE(e.results.size(), c.chips.size());
        for (std::size_t k = 0; k < chips.size(); ++k)
            QCOMPARE(e.results[k].chipId, c.chips[k].id);
        QCOMPARE(e.catalogVersion, std::string("test"));
    }

    // Each filter alone narrows the chips; together they must all hold; case does not matter.
    void everyChipThatPassesTheFilter() {
        Catalog c = catalog();
        Chip tpu = c.chips.front();
        tpu.id = "tpu";
        tpu.vendor = "Google";
        tpu.kind = ChipKind::tpu;
        tpu.chipClass = ChipClass::datacenter;
        tpu.software = "XLA (JAX / PyTorch-XLA)";
        c.chips.push_back(tpu);
        c.chips[0].vendor = "NVIDIA (Mellanox fabric)";
        c.chips[1].vendor = "Other";
        c.chips[1].chipClass = ChipClass::edge;
        const auto ids = [&](const ChipFilter &f) {
            std::vector<std::string> out;
            for (const Candidate &k : everyChip(c, Scenario{}, f))
                out.push_back(k.chipId);
            return out;
        };
        using Ids = std::vector<std::string>;
        QVERIFY(ids({}) == (Ids{c.chips[0].id, "small", "tpu"}));
        QVERIFY(ids({.kind = ChipKind::tpu}) == Ids{"tpu"});
        QVERIFY(ids({.vendor = "nvidia"}) == Ids{c.chips[0].id});
        QVERIFY(ids({.vendor = "google"}) == Ids{"tpu"});
        QVERIFY(ids({.vendor = "NVIDIA (M"}).empty()); // a whole name, not any prefix
        QVERIFY(ids({.chipClass = ChipClass::edge}) == Ids{"small"});
        QVERIFY(ids({.ecosystem = Ecosystem::xla}) == Ids{"tpu"});
        QVERIFY(ids({.provider = "ALPHA"}) == (Ids{c.chips[0].id, "small"}));
        QVERIFY(ids({.kind = ChipKind::gpu, .provider = "alpha"}).size() == 2);
        QVERIFY(ids({.kind = ChipKind::tpu, .provider = "alpha"}).empty());
        QVERIFY(ids({.provider = "beta"}).empty());
    }
};

QTEST_GUILESS_MAIN(TestCountSearch)
#include "test_count_search.moc"
