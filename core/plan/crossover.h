// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a team should move beyond the CPU: the scenario's model scaled from a sixty-fourth of
// its size to 64 times it, the best CPU and the best accelerator of the catalog each as one
// chip, their time and cost at every size, and the size from which the accelerator is both
// faster and cheaper, said in words.

#include "hardware/catalog.h"
#include "scenario/scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace accelplan {

struct CrossoverPoint {
    double params = 0;
    bool ownSize = false; // the scenario's own model
    // Per chip (0: the CPU, 1: the accelerator): time to train or a request's latency, and the
    // run's cost or the cost per million tokens (samples); empty where it does not run or has
    // no price.
    std::optional<double> time[2];
    std::optional<double> cost[2];
};

struct Crossover {
    Focus focus = Focus::training;
    std::string chips[2];               // ids: the best CPU, the best accelerator
    std::vector<CrossoverPoint> points; // ascending size
    // The smallest size from which on the accelerator is faster and cheaper at every larger
    // size tried; empty when it never is.
    std::optional<double> fromParams;
    std::optional<double> acceleratorUpTo; // the largest size one accelerator runs
    std::string summary;                   // in words
};

// Empty when the catalog has no CPU or no accelerator that runs the scenario at its own size
// under its constraints (the reason in `why`, when given).
std::optional<Crossover> findCrossover(const Scenario &scenario, const Catalog &catalog,
                                       std::string *why = nullptr);

// The workload with about `factor` times the weights and work per sample (a transformer
// widens its layers; a network described by its totals scales them).
Workload scaledWorkload(const Workload &workload, double factor);

} // namespace accelplan
