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
// pcie: cards without a chip-to-chip fabric, talking through the host's PCIe switches and
// root complex.
enum class Topology { switched, ring, torus2d, torus3d, fullMesh, pcie, none };
std::string_view
toString(Topology t); // "switch", "ring", "2d-torus", "3d-torus", "full-mesh", "pcie", "none"
std::optional<Topology> topologyFromString(std::string_view s);

// Whether a catalog row is as shipped, edited by the user, or added by the user.
enum class Provenance { shipped, userModified, userAdded };
std::string_view toString(Provenance p);
std::optional<Provenance> provenanceFromString(std::string_view s);

// Where a chip is meant to be used: the contract's `class`.
enum class ChipClass { datacenter, workstation, edge };
std::string_view toString(ChipClass c); // "datacenter", "workstation", "edge"
std::optional<ChipClass> chipClassFromString(std::string_view s);

// What a chip is built for: the contract's `roles`. A chip that cannot train (an inference
// card, a phone NPU) is never a training candidate.
struct Roles {
    bool training = true;
    bool inference = true;
    bool operator==(const Roles &) const = default;
};
std::vector<std::string_view> roleNames(Roles r); // {"training", "inference"}
// From role names; empty for an unknown name, a repeated one or none at all.
std::optional<Roles> rolesFromNames(const std::vector<std::string> &names);
// The names joined by ';' ("training;inference"), as spreadsheets and SQL hold them, and back.
std::string toString(Roles r);
std::optional<Roles> rolesFromString(std::string_view s);

// How a value is known, from the most to the least direct: the vendor's own datasheet or
// documentation, a measurement, a secondary source (press, reseller, third-party catalogue),
// or an estimate (derived by whoever entered it, with its reasoning in the source's title).
enum class Basis { vendor, measured, secondary, estimate };
std::string_view toString(Basis b); // "vendor", "measured", "secondary", "estimate"
std::optional<Basis> basisFromString(std::string_view s);

// Every value of each, in the order the file formats name them: what the editor offers and
// what a reader's "is not one of" message lists.
const std::vector<ChipKind> &allChipKinds();
const std::vector<Topology> &allTopologies();
const std::vector<Provenance> &allProvenances();
const std::vector<ChipClass> &allChipClasses();
const std::vector<Basis> &allBases();
// The names of `values` joined by ", " ("gpu, tpu, npu, cpu, other").
template <class E> std::string namesOf(const std::vector<E> &values) {
    std::string out;
    for (const E &value : values)
        out.append(out.empty() ? "" : ", ").append(toString(value));
    return out;
}

// Where a value comes from. `field` names the value it backs ("*" for the whole chip).
struct Source {
    std::string field;
    std::string url;
    std::string title;
    std::string retrieved;      // ISO date
    std::optional<Basis> basis; // empty: not said
    bool operator==(const Source &) const = default;
};

// A value known only within bounds (an estimate, or a price that varies by buyer).
template <class Q> struct Bounds {
    std::optional<Q> low;
    std::optional<Q> high;
    bool operator==(const Bounds &) const = default;
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
    std::optional<ChipClass> chipClass; // empty: not said
    Roles roles;
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
    Bounds<units::Watts> tdpRange;       // where the TDP is configurable or estimated
    std::optional<units::Dollars> price; // purchase price per chip
    Bounds<units::Dollars> priceRange;   // what buyers were quoted, or an estimate
    std::string software; // "CUDA", "ROCm", "XLA", "CANN", "SynapseAI", "Neuron", ...
    // The rows of the efficiency table (resources/efficiency/) this chip's predictions use:
    // its architecture ("nvidia-h100"); empty: the generic rows of its software stack. Two chips
    // with the same facts and family get the same predictions, whatever their ids.
    std::string efficiencyFamily;
    std::string notes;

    std::vector<Source> sources;
    Provenance provenance = Provenance::shipped;

    std::optional<units::FlopsPerSecond> peakAt(Precision p) const { return peak[indexOf(p)]; }
    bool operator==(const Chip &) const = default;
};

// Whether `source` backs the value under `field`: it names the field, a group holding it
// ("peak_flops" for "peak_flops.bf16"), or the value the range bounds ("price_usd" for
// "price_usd_range.low").
bool backs(const Source &source, std::string_view field);
// How the value under `field` is known: the basis its own sources give (the least direct of
// them), else that of the whole chip's ("*"); empty when no source says.
std::optional<Basis> basisOf(const Chip &chip, std::string_view field);

} // namespace accelplan
