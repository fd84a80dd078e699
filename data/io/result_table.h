#pragma once
// The result as a person reads it in a terminal (`accelplan-cli evaluate --format table`): one
// table for training and one for serving, every number with its unit and a sensible precision,
// then each candidate's problems and the recommendation in words.

#include "evaluation/result.h"
#include "plan/recommend.h"

#include <QString>

namespace accelplan::data {

QString resultToTable(const Evaluation &evaluation, const Recommendation *recommendation = nullptr);

} // namespace accelplan::data
