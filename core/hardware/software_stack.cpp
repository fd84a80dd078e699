// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware/software_stack.h"

#include "util/name_table.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace accelplan {
namespace {

constexpr util::NameTable<SoftwareStack, kSoftwareStackCount> kNames{
    {{SoftwareStack::cuda, "CUDA"},
     {SoftwareStack::rocm, "ROCm"},
     {SoftwareStack::xla, "XLA"},
     {SoftwareStack::cann, "CANN"},
     {SoftwareStack::synapseAi, "SynapseAI"},
     {SoftwareStack::neuron, "Neuron"},
     {SoftwareStack::cpu, "CPU"},
     {SoftwareStack::appleMetal, "Metal"},
     {SoftwareStack::other, "other"}}};

// Words of the software field that name a stack, lower case, tried in order: a frontend
// (JAX, MindSpore) names the stack it runs on.
constexpr std::array<std::pair<std::string_view, SoftwareStack>, 14> kMarkers{{
    {"cuda", SoftwareStack::cuda},
    {"rocm", SoftwareStack::rocm},
    {"xla", SoftwareStack::xla},
    {"jax", SoftwareStack::xla},
    {"cann", SoftwareStack::cann},
    {"mindspore", SoftwareStack::cann},
    {"synapse", SoftwareStack::synapseAi},
    {"gaudi", SoftwareStack::synapseAi},
    {"neuron", SoftwareStack::neuron},
    {"onednn", SoftwareStack::cpu},
    {"zendnn", SoftwareStack::cpu},
    {"core ml", SoftwareStack::appleMetal},
    {"mlx", SoftwareStack::appleMetal},
    {"metal", SoftwareStack::appleMetal},
}};

bool containsNoCase(std::string_view text, std::string_view word) {
    const auto lower = [](char c) { return char(std::tolower(static_cast<unsigned char>(c))); };
    return std::search(text.begin(), text.end(), word.begin(), word.end(),
                       [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

} // namespace

std::string_view toString(SoftwareStack s) { return util::nameOf(kNames, s); }

SoftwareStack softwareStackOf(const Chip &chip) {
    if (chip.kind == ChipKind::cpu)
        return SoftwareStack::cpu;
    for (const auto &[marker, stack] : kMarkers)
        if (containsNoCase(chip.software, marker))
            return stack;
    return SoftwareStack::other;
}

} // namespace accelplan
