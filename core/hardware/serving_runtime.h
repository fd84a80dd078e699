// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The software that serves a model (`inference.runtime`): vLLM, TensorRT-LLM, SGLang, ... It
// is the user's choice, not a fact of the chip. Its scheduler's cost per forward pass and how
// it keeps the beams of a beam search are rows of the efficiency table ("runtime:<id>"); the
// kernels' share of the chip's peak stays with the software stack.

#include "hardware/software_stack.h"

#include <span>
#include <string>
#include <string_view>

namespace accelplan {

struct ServingRuntimeInfo {
    std::string_view id;   // as a scenario names it: "tensorrt-llm"
    std::string_view name; // as a person reads it: "TensorRT-LLM"
};

// The runtimes AccelPlan knows, in the order a list shows them.
std::span<const ServingRuntimeInfo> servingRuntimes();

// The entry of `id`, or nothing for an id AccelPlan does not know.
const ServingRuntimeInfo *findServingRuntime(std::string_view id);

// The runtime a chip of this stack is usually served with, when the scenario names none.
std::string_view usualServingRuntime(SoftwareStack stack);

// "vllm" -> "vLLM"; an unknown id as it is.
std::string servingRuntimeName(std::string_view id);

// The efficiency table's key for a runtime's rows: "runtime:vllm".
std::string runtimeKey(std::string_view id);

} // namespace accelplan
