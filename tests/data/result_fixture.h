// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A hand-made evaluation for the result writers' tests: one candidate that trains and serves
// with a price and a TDP, one that does not fit, one nobody rents. Every number is chosen so
// that its written form can be checked by eye.

#include "evaluation/result.h"

namespace accelplan::test {

inline Evaluation sampleEvaluation() {
    Evaluation e;
    e.scenarioName = "Sample, with \"quotes\"";
    e.catalogVersion = "2026.11-1";

    CandidateResult fits;
    fits.chipId = "nvidia-h100-sxm5-80gb";
    fits.count = 64;
    fits.offering = "aws/p5.48xlarge";
    TrainingResult &t = fits.training.emplace();
    t.fits = true;
    t.parallelism = {8, 8, 1, 1, 1, 1, 1, Recompute::selective};
    t.memory.weights = units::bytes(2e10);
    t.memory.gradients = units::bytes(1e10);
    t.memory.optimizer = units::bytes(2e10);
    t.memory.activations = units::bytes(1e10);
    t.memory.other = units::bytes(1e9);
    t.stepTime = units::seconds(4.2);
    t.stepParts.compute = units::seconds(4.2);
    t.tokensPerSecond = 998000;
    t.samplesPerSecond = 122;
    t.mfu = 0.413;
    t.timeToTrain = {units::seconds(20040), units::seconds(17000), units::seconds(24500)};
    t.chipHours = 356;
    t.cost = units::dollars(2450);
    t.energy = units::kilowattHours(310);
    t.co2 = units::kilograms(124);
    InferenceResult &i = fits.inference.emplace();
    i.fits = true;
    i.batch = 96;
    i.parallelism.dp = 8;
    i.parallelism.tp = 8;
    i.memory.weights = units::bytes(7e10);
    i.ttft = units::seconds(0.61);
    i.tpot = units::seconds(0.031);
    i.throughputTokensPerSecond = 21000;
    i.throughputSamplesPerSecond = 82;
    i.latency = units::seconds(8.5);
    i.costPerMillionTokens = units::dollars(0.9);
    i.runtime = "tensorrt-llm";
    Spend &s = fits.spend.emplace();
    s.instances = 8;
    s.billedChips = 64;
    s.fleetRate = units::dollarsPerHour(440.32);
    s.power = units::watts(58240);
    e.results.push_back(fits);

    CandidateResult tooSmall;
    tooSmall.chipId = "nvidia-l4";
    tooSmall.count = 1;
    tooSmall.offering = "aws/g6.xlarge";
    TrainingResult &t2 = tooSmall.training.emplace();
    t2.parallelism = {1, 1, 1, 1, 1, 0, 1, Recompute::full};
    t2.memory.weights = units::bytes(2.28e11);
    InferenceResult &i2 = tooSmall.inference.emplace();
    i2.memory.weights = units::bytes(1.4e11);
    Spend &s2 = tooSmall.spend.emplace();
    s2.instances = 1;
    s2.billedChips = 1;
    s2.fleetRate = units::dollarsPerHour(0.8);
    s2.power = units::watts(72);
    tooSmall.problems = {"does not fit: needs 212 GiB per chip, has 22.4 GiB"};
    e.results.push_back(tooSmall);

    CandidateResult unrented = fits;
    unrented.chipId = "huawei-ascend-910b";
    unrented.offering.clear();
    unrented.spend->instances = 0;
    unrented.spend->billedChips = 0;
    unrented.spend->fleetRate.reset();
    unrented.spend->power.reset();
    unrented.spend->priceProblem = "no provider in the catalog rents huawei-ascend-910b";
    unrented.problems = {unrented.spend->priceProblem};
    e.results.push_back(unrented);
    return e;
}

} // namespace accelplan::test
