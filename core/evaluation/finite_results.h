// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A scenario may ask for more than a double holds (epochs: 1e300 overflows the time to train):
// such a number is no result. The part it belongs to (training or serving) is marked as not
// running, with a problem naming the number, so that no infinity or NaN reaches a table, a
// chart, the report or the recommendation's words.

#include "evaluation/result.h"

namespace accelplan {

void refuseNonFinite(CandidateResult &result);

} // namespace accelplan
