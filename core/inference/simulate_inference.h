// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Serving one workload on one candidate: the contract's `inference` result and the problems
// that stop or limit it. The inference part of evaluate().

#include "evaluation/result.h"
#include "hardware/chip.h"
#include "scenario/scenario.h"
#include "workload/model.h"

#include <string>
#include <vector>

namespace accelplan {

struct InferenceOutcome {
    InferenceResult result;
    std::vector<std::string> problems;
    std::vector<std::string> assumptions; // see CandidateResult::assumptions
};

InferenceOutcome simulateInference(const Workload &workload, const InferenceSettings &settings,
                                   const Chip &chip, const Candidate &candidate);

} // namespace accelplan
