// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which of the software ecosystems a team may work in a chip belongs to.

#include "hardware/chip.h"
#include "scenario/scenario.h"

#include <optional>

namespace accelplan {

// Read from the catalog's free-text software field ("XLA (JAX / PyTorch-XLA)" is JAX/XLA,
// "AWS Neuron SDK" is Neuron); empty for stacks outside the six (CPU libraries, Core ML, ...).
std::optional<Ecosystem> ecosystemOf(const Chip &chip);

} // namespace accelplan
