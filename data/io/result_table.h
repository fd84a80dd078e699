// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The result as a person reads it in a terminal (`accelplan-cli evaluate --format table`): one
// table for training and one for serving, every number with its unit and a sensible precision,
// then each candidate's problems, the recommendation in words and, when given, each fleet over
// the growth plan and what moves the winner's answer most.

#include "evaluation/result.h"
#include "plan/analysis.h"
#include "plan/recommend.h"

#include <QString>

namespace accelplan::data {

QString resultToTable(const Evaluation &evaluation, const Recommendation *recommendation = nullptr,
                      const Analysis *analysis = nullptr);

} // namespace accelplan::data
