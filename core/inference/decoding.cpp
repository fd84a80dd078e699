// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/decoding.h"

#include "workload/presets.h"

#include <algorithm>

namespace accelplan {
bool generatesTokens(const Workload &workload) {
    const TransformerShape *t = workload.transformer();
    return t && !t->encoderOnly;
}

namespace {

std::string beamsPhrase(int beams) {
    return beams <= 1 ? std::string("greedy, 1 beam")
                      : "beam search, " + std::to_string(beams) + " beams";
}

} // namespace

int decodingBeams(const Workload &workload, const InferenceSettings &settings) {
    if (!generatesTokens(workload))
        return 1;
    const int beams = settings.beams.value_or(presetDecoding(workload.presetId).beams);
    return std::clamp(beams, 1, kMaxBeams);
}

InferenceSettings withDecoding(const Workload &workload, InferenceSettings settings) {
    settings.beams = decodingBeams(workload, settings);
    return settings;
}

std::string decodingAssumption(const Workload &workload, const InferenceSettings &settings) {
    if (!generatesTokens(workload))
        return {};
    const int beams = decodingBeams(workload, settings);
    const PresetDecoding preset = presetDecoding(workload.presetId);
    if (settings.beams || preset.benchmark.empty())
        return beamsPhrase(beams);
    return workload.displayName + " preset: " + beamsPhrase(beams) + ", as " +
           std::string(preset.benchmark) + "; set inference.beams to 1 for greedy";
}

} // namespace accelplan
