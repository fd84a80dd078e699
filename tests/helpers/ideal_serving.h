// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A serving model with perfect efficiency and no fixed costs, for tests worked by hand: a
// pass takes its bytes over the bandwidth or its work over the peak, whichever is slower.

#include "helpers/test_presets.h"
#include "inference/serving_model.h"

#include <QtGlobal>

#include <variant>

namespace accelplan::test {

inline ServingModel idealModel(const char *id, const InferenceSettings &settings,
                               const Chip &chip) {
    ServingModelOrProblem made = makeServingModel(*preset(id).transformer(), settings, chip);
    if (const std::string *problem = std::get_if<std::string>(&made))
        qFatal("no serving model for %s: %s", id, problem->c_str());
    ServingModel m = std::get<ServingModel>(made);
    m.efficiency.memoryBandwidth = 1.0;
    m.efficiency.decodeCompute = 1.0;
    m.efficiency.prefillCompute = 1.0;
    m.efficiency.stepOverhead = units::seconds(0);
    m.efficiency.sequenceOverhead = units::seconds(0);
    m.efficiency.layerOverhead = units::seconds(0);
    m.efficiency.rooflineSharpness = 64; // the textbook roofline: the slower of the two
    return m;
}

} // namespace accelplan::test
