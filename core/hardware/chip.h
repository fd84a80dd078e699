// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A chip as the simulation sees it: its catalog entry in typed quantities. Unknown values stay
// empty (std::nullopt) rather than guessed; the simulation says when it needs one.

#include "hardware/precision.h"
#include "units/quantities.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accelplan {

enum class ChipKind { gpu, tpu, npu, cpu, other };
std::string_view toString(ChipKind k);
std::optional<ChipKind> chipKindFromString(std::string_view s);

// Shape of the scale-up domain (the fast fabric inside a node, pod or rack).
enum class Topology { switched, ring, torus2d, torus3d, fullMesh, none };
std::string_view
toString(Topology t); // "switch", "ring", "2d-torus", "3d-torus", "full-mesh", "none"
std::optional<Topology> topologyFromString(std::string_view s);

// Whether a catalog row is as shipped, edited by the user, or added by the user.
enum class Provenance { shipped, userModified, userAdded };
std::string_view toString(Provenance p);
std::optional<Provenance> provenanceFromString(std::string_view s);

// Where a value comes from. `field` names the value it backs ("*" for the whole chip).
struct Source {
    std::string field;
    std::string url;
    std::string title;
    std::string retrieved; // ISO date
    bool operator==(const Source &) const = default;
};

struct ScaleUp {
    std::string fabric;                                         // "NVLink 4", "ICI", "HCCS"
    std::optional<units::BytesPerSecond> bandwidthPerDirection; // per chip, one direction
    int domainSize = 1;                                         // chips in one scale-up domain
    Topology topology = Topology::none;
    bool operator==(const ScaleUp &) const = default;
};

// Dense peak rates (never the 2:4-sparse figure), one per precision; empty where the chip
// does not compute that precision natively.
using PeakRates = std::array<std::optional<units::FlopsPerSecond>, kPrecisionCount>;

struct Chip {
    std::string id; // slug, e.g. "nvidia-h100-sxm5-80gb"
    std::string vendor;
    std::string family;
    std::string name;
    ChipKind kind = ChipKind::gpu;
    std::optional<int> launchYear;
    std::string process;

    PeakRates peak{};
    std::optional<units::Bytes> onChipSram;
    std::string memoryType;
    std::optional<units::Bytes> memory;
    std::optional<units::BytesPerSecond> memoryBandwidth;
    ScaleUp scaleUp;
    std::optional<units::BytesPerSecond> scaleOutBandwidth; // per chip
    std::optional<units::Watts> tdp;
    std::optional<units::Dollars> price; // purchase price per chip
    std::string software; // "CUDA", "ROCm", "XLA", "CANN", "SynapseAI", "Neuron", ...
    std::string notes;

    std::vector<Source> sources;
    Provenance provenance = Provenance::shipped;

    std::optional<units::FlopsPerSecond> peakAt(Precision p) const { return peak[indexOf(p)]; }
    bool operator==(const Chip &) const = default;
};

} // namespace accelplan
