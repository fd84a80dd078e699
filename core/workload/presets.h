// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Named models with their shapes from the public configurations (sources in presets.cpp).

#include "workload/model.h"

#include <optional>
#include <span>
#include <string_view>

namespace accelplan {

// The preset with this id ("llama-3.1-70b", ...), or nothing when there is none.
std::optional<Workload> findPreset(std::string_view id);

// Every preset id, in a stable order (families together, smaller first).
std::span<const std::string_view> presetIds();

// How a preset's standard published benchmark decodes its answers: greedy (one beam) unless
// the benchmark's rules say otherwise, which `benchmark` then names (sources in presets.cpp).
struct PresetDecoding {
    int beams = 1;
    std::string_view benchmark; // "MLPerf's GPT-J benchmark"; empty for greedy
};
PresetDecoding presetDecoding(std::string_view id);

// What one served sample of the workload is, for people: "image" for the vision presets,
// "request" for speech (a clip), else "sample".
std::string_view sampleNoun(const Workload &workload);

} // namespace accelplan
