// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The result as CSV (`accelplan-cli evaluate --format csv`) for spreadsheets and scripts: a
// header row, then one row per candidate. Plain numbers in base units, the unit in the column's
// name (`training_time_to_train_s`, `inference_cost_per_million_tokens_usd`); an empty cell is
// a value that does not exist (see result_json.h). Training and inference columns appear when
// the scenario has that part; `problems` joins a candidate's problems with "; ".

#include "evaluation/result.h"

#include <QByteArray>

namespace accelplan::data {

QByteArray resultToCsv(const Evaluation &evaluation);

} // namespace accelplan::data
