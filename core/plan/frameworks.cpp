// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/frameworks.h"

#include "hardware/software_stack.h"

#include <algorithm>
#include <array>

namespace accelplan {
namespace {

using F = Framework;
using S = SoftwareStack;

struct Row {
    SoftwareStack stack;
    FrameworkRoute route;
};

constexpr std::string_view kPyTorch = "https://pytorch.org/get-started/locally/";
constexpr std::string_view kJax = "https://jax.readthedocs.io/en/latest/installation.html";
constexpr std::string_view kTensorFlow = "https://www.tensorflow.org/install/pip";
constexpr std::string_view kMindSpore = "https://www.mindspore.cn/install/en";
constexpr std::string_view kPaddle = "https://www.paddlepaddle.org.cn/en/install/quick";

// What each stack's maker (or the framework's) documents, as of 2026-12. A pair that is not
// here is not documented as working, and is not proposed: TensorFlow on Gaudi ended with
// Intel Gaudi software 1.15; JAX on Ascend, Neuron or Gaudi has no maintained route we could
// cite. Neuron runs TensorFlow models for inference only.
constexpr std::array kRoutes{
    Row{S::cuda, {F::pytorch, true, true, {}, kPyTorch}},
    Row{S::cuda, {F::jax, true, true, {}, kJax}},
    Row{S::cuda, {F::tensorflow, true, true, {}, kTensorFlow}},
    Row{S::cuda, {F::mindspore, true, true, {}, kMindSpore}},
    Row{S::cuda, {F::paddlepaddle, true, true, {}, kPaddle}},
    Row{S::rocm, {F::pytorch, true, true, "the ROCm build", kPyTorch}},
    Row{S::rocm, {F::jax, true, true, "the ROCm build", kJax}},
    Row{S::rocm,
        {F::tensorflow, true, true, "tensorflow-rocm",
         "https://rocm.docs.amd.com/projects/install-on-linux/en/latest/install/3rd-party/"
         "tensorflow-install.html"}},
    Row{S::xla, {F::pytorch, true, true, "PyTorch/XLA", "https://github.com/pytorch/xla"}},
    Row{S::xla, {F::jax, true, true, {}, kJax}},
    Row{S::xla,
        {F::tensorflow,
         true,
         true,
         {},
         "https://cloud.google.com/tpu/docs/run-calculation-tensorflow"}},
    Row{S::cann, {F::pytorch, true, true, "torch_npu", "https://github.com/Ascend/pytorch"}},
    Row{S::cann, {F::mindspore, true, true, {}, kMindSpore}},
    Row{S::cann,
        {F::tensorflow, true, true, "the TF Adapter for Ascend",
         "https://gitee.com/ascend/tensorflow"}},
    Row{S::cann,
        {F::paddlepaddle, true, true, "PaddleCustomDevice",
         "https://github.com/PaddlePaddle/PaddleCustomDevice"}},
    Row{S::synapseAi,
        {F::pytorch, true, true, "the Intel Gaudi PyTorch bridge",
         "https://docs.habana.ai/en/latest/PyTorch/index.html"}},
    Row{S::neuron,
        {F::pytorch, true, true, "torch-neuronx",
         "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/frameworks/torch/index.html"}},
    Row{S::neuron,
        {F::tensorflow, false, true, "tensorflow-neuronx",
         "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/frameworks/tensorflow/"
         "index.html"}},
    Row{S::cpu, {F::pytorch, true, true, {}, kPyTorch}},
    Row{S::cpu, {F::jax, true, true, {}, kJax}},
    Row{S::cpu, {F::tensorflow, true, true, {}, kTensorFlow}},
    Row{S::cpu, {F::mindspore, true, true, {}, kMindSpore}},
    Row{S::cpu, {F::paddlepaddle, true, true, {}, kPaddle}},
    Row{S::appleMetal,
        {F::pytorch, true, true, "the MPS back end",
         "https://pytorch.org/docs/stable/notes/mps.html"}},
    Row{S::appleMetal, {F::jax, true, true, "jax-metal", kJax}},
    Row{S::appleMetal,
        {F::tensorflow, true, true, "tensorflow-metal",
         "https://developer.apple.com/metal/tensorflow-plugin/"}},
};

// An edge device serves a model exported from the framework to a mobile runtime.
constexpr std::array kEdgeExports{
    FrameworkRoute{F::pytorch, false, true, "an ExecuTorch export",
                   "https://pytorch.org/executorch/"},
    FrameworkRoute{F::jax, false, true, "a LiteRT export",
                   "https://ai.google.dev/edge/litert/models/jax_to_tflite"},
    FrameworkRoute{F::tensorflow, false, true, "a LiteRT export",
                   "https://ai.google.dev/edge/litert"},
    FrameworkRoute{F::mindspore, false, true, "a MindSpore Lite export",
                   "https://www.mindspore.cn/lite/en"},
    FrameworkRoute{F::paddlepaddle, false, true, "a Paddle Lite export",
                   "https://github.com/PaddlePaddle/Paddle-Lite"},
};

bool does(const FrameworkRoute &route, Focus focus) {
    return focus == Focus::training ? route.trains : route.serves;
}

std::string names(std::span<const Framework> frameworks) {
    std::string out;
    for (std::size_t i = 0; i < frameworks.size(); ++i)
        out += (i == 0                       ? ""
                : i + 1 == frameworks.size() ? " or "
                                             : ", ") +
               std::string(toString(frameworks[i]));
    return out;
}

std::optional<FrameworkRoute> firstRoute(const Chip &chip, std::span<const Framework> frameworks,
                                         Focus focus) {
    for (Framework f : frameworks)
        if (const auto route = routeTo(chip, f); route && does(*route, focus))
            return route;
    return std::nullopt;
}

} // namespace

std::optional<FrameworkRoute> routeTo(const Chip &chip, Framework framework) {
    const SoftwareStack stack = softwareStackOf(chip);
    const auto native = std::find_if(kRoutes.begin(), kRoutes.end(), [&](const Row &row) {
        return row.stack == stack && row.route.framework == framework;
    });
    if (native != kRoutes.end())
        return native->route;
    if (chip.chipClass == ChipClass::edge)
        for (const FrameworkRoute &route : kEdgeExports)
            if (route.framework == framework)
                return route;
    return std::nullopt;
}

std::string frameworkExclusion(const Chip &chip, std::span<const Framework> frameworks,
                               Focus focus) {
    if (frameworks.empty() || firstRoute(chip, frameworks, focus))
        return {};
    const SoftwareStack which = softwareStackOf(chip);
    const std::string stack = which != SoftwareStack::other ? std::string(toString(which))
                              : chip.software.empty()       ? std::string("its unknown software")
                                                            : chip.software;
    const bool servesOnly =
        focus == Focus::training && firstRoute(chip, frameworks, Focus::inference);
    const std::string team = names(frameworks);
    if (servesOnly)
        return team + " serves on " + stack + " but does not train there";
    return team + (frameworks.size() == 1 ? " does not run on " : " run on none of ") + stack;
}

std::string frameworkRouteNote(const Chip &chip, std::span<const Framework> frameworks,
                               Focus focus) {
    const auto route = firstRoute(chip, frameworks, focus);
    if (!route || route->via.empty())
        return {};
    return std::string(toString(route->framework)) + " " +
           (focus == Focus::training ? "trains" : "serves") + " on " + chip.id + " through " +
           std::string(route->via) + " (" + std::string(route->source) + ")";
}

} // namespace accelplan
