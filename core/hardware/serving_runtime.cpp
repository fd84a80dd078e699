// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware/serving_runtime.h"

#include <algorithm>
#include <array>

namespace accelplan {
namespace {

constexpr std::array<ServingRuntimeInfo, 13> kRuntimes{{
    {"vllm", "vLLM"},
    {"tensorrt-llm", "TensorRT-LLM"},
    {"sglang", "SGLang"},
    {"tgi", "Text Generation Inference"},
    {"jetstream", "JetStream"},
    {"mindie", "MindIE"},
    {"neuron", "NxD Inference (Neuron)"},
    // The Neuron library NxD Inference replaced; its published latency tables are still the
    // widest set of Trainium and Inferentia measurements.
    {"transformers-neuronx", "Transformers NeuronX"},
    {"optimum-habana", "Optimum Habana"},
    {"pytorch", "PyTorch (Hugging Face generate)"},
    {"openvino", "OpenVINO"},
    {"onnxruntime", "ONNX Runtime"},
    {"llama.cpp", "llama.cpp"},
}};

} // namespace

std::span<const ServingRuntimeInfo> servingRuntimes() { return kRuntimes; }

const ServingRuntimeInfo *findServingRuntime(std::string_view id) {
    const auto it = std::find_if(kRuntimes.begin(), kRuntimes.end(),
                                 [&](const ServingRuntimeInfo &r) { return r.id == id; });
    return it == kRuntimes.end() ? nullptr : &*it;
}

// The runtime each vendor documents first for serving large models on its chips.
std::string_view usualServingRuntime(SoftwareStack stack) {
    switch (stack) {
    case SoftwareStack::cuda: return "tensorrt-llm";
    case SoftwareStack::rocm: return "vllm";
    case SoftwareStack::xla: return "jetstream";
    case SoftwareStack::cann: return "mindie";
    case SoftwareStack::synapseAi: return "vllm";
    case SoftwareStack::neuron: return "neuron";
    case SoftwareStack::cpu: return "llama.cpp";
    case SoftwareStack::appleMetal: return "llama.cpp";
    case SoftwareStack::other: return "onnxruntime";
    }
    return "onnxruntime";
}

std::string servingRuntimeName(std::string_view id) {
    const ServingRuntimeInfo *r = findServingRuntime(id);
    return std::string(r ? r->name : id);
}

std::string runtimeKey(std::string_view id) { return "runtime:" + std::string(id); }

} // namespace accelplan
