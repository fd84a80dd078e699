// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Training one workload on one candidate (a chip and a count): the contract's `training`
// result, with the problems that stop it in words. The C++ entry point the UI and evaluate()
// call.

#include "evaluation/result.h"
#include "hardware/chip.h"
#include "scenario/scenario.h"
#include "workload/model.h"

#include <string>
#include <vector>

namespace accelplan {

struct TrainingOutcome {
    TrainingResult result;
    std::vector<std::string> problems;
    // Facts the catalog lacks that the result had to assume (a fabric's bandwidth), in words;
    // each widens the result's range.
    std::vector<std::string> assumptions;
};

TrainingOutcome simulateTraining(const Workload &workload, const TrainingSettings &settings,
                                 const Candidate &candidate, const Chip &chip);

} // namespace accelplan
