// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which inputs move a candidate's answer most: data for a tornado chart. Each input is set
// low and high around the scenario's value, one at a time, and the candidate re-evaluated;
// a bar holds the time and the cost at both ends, and bars come largest cost swing first.
//
// The time and cost are the recommendation's (plan/recommend.h): training, the time to train
// and the run's cost; inference, the request latency and the cost per million output tokens
// (samples for a network that makes no tokens).

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "scenario/scenario.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accelplan {

enum class SensitivityInput {
    efficiency,  // achievable fraction of peak: the simulation's own uncertainty range
    price,       // rental and purchase prices
    work,        // training tokens or samples; for serving, output tokens per request
    chipCount,   // half and double the chips
    utilization, // average power draw as a fraction of TDP
    electricity, // the electricity price
};
std::string_view toString(SensitivityInput input); // "efficiency", "price", ...

// How far an input is moved either way, as a fraction of its value (chip count: halved and
// doubled; utilisation: the range below).
inline constexpr double kSensitivitySwing = 0.2;
inline constexpr double kUtilizationLow = 0.6;
inline constexpr double kUtilizationHigh = 1.0;

struct TornadoBar {
    SensitivityInput input = SensitivityInput::price;
    std::string lowSetting; // what the input was at each end, in words: "-20 %", "32 chips"
    std::string highSetting;
    std::optional<units::Seconds> timeLow, timeHigh;
    std::optional<units::Dollars> costLow, costHigh;
    // The larger of the cost swing and, without costs, the time swing, relative to the base.
    double swing() const;
};

struct Sensitivity {
    Focus focus = Focus::training;
    std::optional<units::Seconds> baseTime;
    std::optional<units::Dollars> baseCost;
    std::vector<TornadoBar> bars; // largest swing first
};

// For the scenario's candidate at `candidateIndex`; empty bars when it cannot run at all.
Sensitivity sensitivity(const Scenario &scenario, const Catalog &catalog,
                        std::size_t candidateIndex);

} // namespace accelplan
