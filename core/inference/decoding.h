// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a request's answer is decoded: greedily (one sequence) or by beam search, where B
// sequences per request decode side by side and the best one is returned. The prompt is
// prefilled once and shared; every decode step then runs B sequences, each with its own KV
// cache. The scenario's `inference.beams` decides, else the preset's standard benchmark.

#include "scenario/scenario.h"
#include "workload/model.h"

#include <string>

namespace accelplan {

// Whether the model is a language model that writes tokens one step at a time (not an
// encoder, not a network described by its totals): what beams and speculative drafts apply to.
bool generatesTokens(const Workload &workload);

// The beams each request decodes with: the scenario's, else the preset's benchmark's, else 1.
int decodingBeams(const Workload &workload, const InferenceSettings &settings);

// `settings` with `beams` filled in by decodingBeams, as the serving model reads it.
InferenceSettings withDecoding(const Workload &workload, InferenceSettings settings);

// The decoding in words, for the assumptions a result lists ("greedy, 1 beam"; "beam search,
// 4 beams"; a preset's default with its source and how to change it). Empty for networks
// that generate no tokens.
std::string decodingAssumption(const Workload &workload, const InferenceSettings &settings);

} // namespace accelplan
