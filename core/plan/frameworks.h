// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which chips a team can use, in the team's words: the frameworks its models are written in,
// mapped to the software stacks that run them, each as the stack's maker documents it.

#include "hardware/chip.h"
#include "scenario/scenario.h"

#include <span>
#include <string>
#include <string_view>

namespace accelplan {

// How one framework runs on one chip. `via` names the package or path where it is not the
// framework's own build ("torch_npu"); `source` is where the stack's maker documents it.
struct FrameworkRoute {
    Framework framework = Framework::pytorch;
    bool trains = false;
    bool serves = false;
    std::string_view via;
    std::string_view source;
};

// The route `framework` takes to `chip`, or none. An edge device (a phone, a module) serves the
// framework's exported model (ExecuTorch, LiteRT, ...) whatever its own stack.
std::optional<FrameworkRoute> routeTo(const Chip &chip, Framework framework);

// Why none of `frameworks` can do `focus`'s work on `chip` ("JAX does not run on CANN (Huawei
// Ascend)"); empty when one can.
std::string frameworkExclusion(const Chip &chip, std::span<const Framework> frameworks,
                               Focus focus);

// "PyTorch through torch_npu (github.com/Ascend/pytorch)": how the first of `frameworks` that
// can do the work gets there when that is not the framework's own build; empty otherwise.
std::string frameworkRouteNote(const Chip &chip, std::span<const Framework> frameworks,
                               Focus focus);

} // namespace accelplan
