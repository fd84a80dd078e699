// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A serving fleet over a growth plan: demand that grows month by month (scenario.growth), the
// chips a candidate needs each month to carry it within the SLO, what each month costs, and
// the month from which the candidate is no longer enough (more chips than the team can get,
// or none of its layouts meets the SLO).
//
// The fleet grows by whole replicas: one replica is the layout the candidate serves best at
// its own count in server mode (or, when that count cannot serve, at the count `compare`
// would choose), and it carries its requests per second at the SLO's p99 whatever the number
// of replicas beside it.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "scenario/scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace accelplan {

// The plan's demand in its month (0 to months - 1), per day in its unit: linear, exponential
// (a constant monthly growth factor) or an S-curve (logistic, slow start and finish) from
// `start` in the first month to `end` in the last.
double demandAt(const GrowthPlan &plan, int month);

// How steep the S-curve is: its middle month grows this many times faster than a straight
// line would, roughly; 10 keeps the first and last tenths of the plan nearly flat.
inline constexpr double kSCurveSteepness = 10.0;

struct GrowthMonth {
    int month = 0;
    double demandPerDay = 0;      // in the plan's unit
    double requestsPerSecond = 0; // the peak the fleet must carry
    int replicas = 0;
    int chips = 0;
    bool enough = false;                // within the plan's chip limit
    std::optional<units::Dollars> cost; // the month's spend; empty without a price
    bool operator==(const GrowthMonth &) const = default;
};

struct GrowthOutcome {
    std::string chipId;
    int chipsPerReplica = 0;
    double requestsPerSecondPerReplica = 0; // at the SLO
    std::vector<GrowthMonth> months;
    std::optional<int> firstShortMonth; // the first month the candidate is not enough
    std::string problem;                // why it cannot follow the plan at all, in words
};

// Requires scenario.growth and scenario.inference; otherwise (or when the candidate cannot
// serve within the SLO at any count) `problem` says why and `months` is empty.
GrowthOutcome planGrowth(const Scenario &scenario, const Catalog &catalog,
                         const Candidate &candidate);

} // namespace accelplan
