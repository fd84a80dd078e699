// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The published measurements the efficiency table is fitted on, as the calibration folder
// keeps them (tests/calibration/data: README.md there): index.csv and index-unseen.csv name
// each case's scenario, the result field it compares and the measured value; measured.csv and
// measured-unseen.csv say where it is published and on which chip and workload.

#include "efficiency/fit.h"
#include "io/io_error.h"

#include <QString>

#include <vector>

namespace accelplan::data {

struct CalibrationCases {
    std::vector<fit::Case> cases; // empty when `errors` is not
    IoErrors errors;
};

// Reads every case of the folder. A case's cross-validation group is its chip family (the
// catalog id's first two words, "nvidia-h100") times its workload family (the workload's first
// word, "llama"): a fold holds all of a group's cases, so no run is split across folds.
CalibrationCases readCalibrationCases(const QString &folder);

} // namespace accelplan::data
