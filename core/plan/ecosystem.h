// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which of the software ecosystems a team may work in a chip belongs to.

#include "hardware/chip.h"
#include "scenario/scenario.h"

#include <optional>

namespace accelplan {

// The chip's software stack (hardware/software_stack.h) as a team names it: "XLA (JAX /
// PyTorch-XLA)" is JAX/XLA; empty for stacks outside the six (CPU libraries, Core ML, ...).
std::optional<Ecosystem> ecosystemOf(const Chip &chip);

} // namespace accelplan
