// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/ecosystem.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>

namespace accelplan {
namespace {

// Words of the catalog's software field that name an ecosystem, lower case.
constexpr std::array<std::pair<std::string_view, Ecosystem>, 9> kMarkers{{
    {"cuda", Ecosystem::cuda},
    {"rocm", Ecosystem::rocm},
    {"xla", Ecosystem::xla},
    {"jax", Ecosystem::xla},
    {"cann", Ecosystem::cann},
    {"mindspore", Ecosystem::cann},
    {"neuron", Ecosystem::neuron},
    {"synapse", Ecosystem::synapseAi},
    {"gaudi", Ecosystem::synapseAi},
}};

} // namespace

std::optional<Ecosystem> ecosystemOf(const Chip &chip) {
    std::string software = chip.software;
    std::transform(software.begin(), software.end(), software.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto &[marker, ecosystem] : kMarkers) {
        if (software.find(marker) != std::string::npos)
            return ecosystem;
    }
    return std::nullopt;
}

} // namespace accelplan
