// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The result document (`format: accelplan.result/1`, see the contract): what `accelplan-cli
// evaluate --format json` and `compare` print.
//
// Plain numbers in base units: seconds, bytes, US dollars, kWh, kg of CO2. A value that does
// not exist is null: every measure of a candidate that does not fit (except the memory it
// would need), and a cost, energy or CO2 figure the catalog cannot give (no price, no TDP);
// the candidate's `problems` say why. Beyond the contract's keys, each candidate carries its
// memory by kind, where its step time goes, the next best layouts, its `spend` and, under a
// growth plan, its `growth` month by month; the document its `recommendation` and the
// winner's `sensitivity` (tornado data).

#include "evaluation/result.h"
#include "plan/analysis.h"
#include "plan/recommend.h"

#include <QByteArray>

#include <optional>

namespace accelplan::data {

inline constexpr char kResultFormat[] = "accelplan.result/1";

struct ResultExtras {
    const Recommendation *recommendation = nullptr; // written when given
    std::optional<int> maxChips;                    // compare: the largest count searched
    const Analysis *analysis = nullptr;             // growth and sensitivity, when given
};

QByteArray resultToJson(const Evaluation &evaluation, const ResultExtras &extras = {});

} // namespace accelplan::data
