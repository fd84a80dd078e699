// SPDX-License-Identifier: GPL-3.0-or-later
#include "hardware/catalog.h"

#include "util/name_table.h"

#include <algorithm>

namespace accelplan {
namespace {

using util::nameOf;
using util::valueOf;

constexpr util::NameTable<ChipKind, 5> kKinds{{{ChipKind::gpu, "gpu"},
                                               {ChipKind::tpu, "tpu"},
                                               {ChipKind::npu, "npu"},
                                               {ChipKind::cpu, "cpu"},
                                               {ChipKind::other, "other"}}};
constexpr util::NameTable<Topology, 6> kTopologies{{{Topology::switched, "switch"},
                                                    {Topology::ring, "ring"},
                                                    {Topology::torus2d, "2d-torus"},
                                                    {Topology::torus3d, "3d-torus"},
                                                    {Topology::fullMesh, "full-mesh"},
                                                    {Topology::none, "none"}}};
constexpr util::NameTable<Provenance, 3> kProvenances{{{Provenance::shipped, "shipped"},
                                                       {Provenance::userModified, "user-modified"},
                                                       {Provenance::userAdded, "user-added"}}};
constexpr util::NameTable<Pricing, 5> kPricings{{{Pricing::onDemand, "on-demand"},
                                                 {Pricing::spot, "spot"},
                                                 {Pricing::reserved1y, "reserved-1y"},
                                                 {Pricing::reserved3y, "reserved-3y"},
                                                 {Pricing::owned, "owned"}}};

} // namespace

std::string_view toString(ChipKind k) { return nameOf(kKinds, k); }
std::optional<ChipKind> chipKindFromString(std::string_view s) { return valueOf(kKinds, s); }
std::string_view toString(Topology t) { return nameOf(kTopologies, t); }
std::optional<Topology> topologyFromString(std::string_view s) { return valueOf(kTopologies, s); }
std::string_view toString(Provenance p) { return nameOf(kProvenances, p); }
std::optional<Provenance> provenanceFromString(std::string_view s) {
    return valueOf(kProvenances, s);
}
std::string_view toString(Pricing p) { return nameOf(kPricings, p); }
std::optional<Pricing> pricingFromString(std::string_view s) { return valueOf(kPricings, s); }

std::optional<units::DollarsPerSecond> Offering::price(Pricing p) const {
    for (std::size_t i = 0; i < kRentalPricings.size(); ++i) {
        if (kRentalPricings[i] == p)
            return pricePerInstance[i];
    }
    return std::nullopt; // owned hardware is not rented
}

const Chip *Catalog::findChip(std::string_view id) const {
    auto it = std::find_if(chips.begin(), chips.end(), [&](const Chip &c) { return c.id == id; });
    return it == chips.end() ? nullptr : &*it;
}

std::vector<const Offering *> Catalog::offeringsFor(std::string_view chipId) const {
    std::vector<const Offering *> out;
    for (const Offering &o : offerings) {
        if (o.chipId == chipId)
            out.push_back(&o);
    }
    return out;
}

const Offering *Catalog::findOffering(std::string_view offeringId) const {
    auto it = std::find_if(offerings.begin(), offerings.end(),
                           [&](const Offering &o) { return o.id() == offeringId; });
    return it == offerings.end() ? nullptr : &*it;
}

} // namespace accelplan
