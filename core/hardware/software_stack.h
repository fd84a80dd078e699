// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which software stack runs a chip, read once from the catalog's free-text `software` field
// and the chip's kind. Training efficiency, serving efficiency and the team's ecosystem
// constraint all ask this one function, so a chip cannot be "XLA" for training and "other"
// for serving.

#include "hardware/chip.h"

#include <string_view>

namespace accelplan {

enum class SoftwareStack { cuda, rocm, xla, cann, synapseAi, neuron, cpu, appleMetal, other };
inline constexpr std::size_t kSoftwareStackCount = 9;

std::string_view toString(SoftwareStack s);

// "XLA (JAX / PyTorch-XLA)" -> xla, "CANN / MindSpore" -> cann, a CPU -> cpu, ...
SoftwareStack softwareStackOf(const Chip &chip);

} // namespace accelplan
