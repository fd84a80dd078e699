// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/ecosystem.h"

#include "hardware/software_stack.h"

namespace accelplan {

std::optional<Ecosystem> ecosystemOf(const Chip &chip) {
    switch (softwareStackOf(chip)) {
    case SoftwareStack::cuda: return Ecosystem::cuda;
    case SoftwareStack::rocm: return Ecosystem::rocm;
    case SoftwareStack::xla: return Ecosystem::xla;
    case SoftwareStack::cann: return Ecosystem::cann;
    case SoftwareStack::synapseAi: return Ecosystem::synapseAi;
    case SoftwareStack::neuron: return Ecosystem::neuron;
    case SoftwareStack::cpu:
    case SoftwareStack::appleMetal:
    case SoftwareStack::other: return std::nullopt;
    }
    return std::nullopt;
}

} // namespace accelplan
