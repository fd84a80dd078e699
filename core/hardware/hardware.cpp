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
constexpr util::NameTable<Topology, 7> kTopologies{{{Topology::switched, "switch"},
                                                    {Topology::ring, "ring"},
                                                    {Topology::torus2d, "2d-torus"},
                                                    {Topology::torus3d, "3d-torus"},
                                                    {Topology::fullMesh, "full-mesh"},
                                                    {Topology::pcie, "pcie"},
                                                    {Topology::none, "none"}}};
constexpr util::NameTable<Provenance, 3> kProvenances{{{Provenance::shipped, "shipped"},
                                                       {Provenance::userModified, "user-modified"},
                                                       {Provenance::userAdded, "user-added"}}};
constexpr util::NameTable<ChipClass, 3> kClasses{{{ChipClass::datacenter, "datacenter"},
                                                  {ChipClass::workstation, "workstation"},
                                                  {ChipClass::edge, "edge"}}};
constexpr util::NameTable<Basis, 4> kBases{{{Basis::vendor, "vendor"},
                                            {Basis::measured, "measured"},
                                            {Basis::secondary, "secondary"},
                                            {Basis::estimate, "estimate"}}};
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
std::string_view toString(ChipClass c) { return nameOf(kClasses, c); }
std::optional<ChipClass> chipClassFromString(std::string_view s) { return valueOf(kClasses, s); }
std::string_view toString(Basis b) { return nameOf(kBases, b); }
std::optional<Basis> basisFromString(std::string_view s) { return valueOf(kBases, s); }

namespace {

// A table's values, built once per table (each enum has one).
template <class E, std::size_t N> const std::vector<E> &listed(const util::NameTable<E, N> &table) {
    static const std::vector<E> values = util::valuesOf(table);
    return values;
}

} // namespace

const std::vector<ChipKind> &allChipKinds() { return listed(kKinds); }
const std::vector<Topology> &allTopologies() { return listed(kTopologies); }
const std::vector<Provenance> &allProvenances() { return listed(kProvenances); }
const std::vector<ChipClass> &allChipClasses() { return listed(kClasses); }
const std::vector<Basis> &allBases() { return listed(kBases); }

std::vector<std::string_view> roleNames(Roles r) {
    std::vector<std::string_view> names;
    if (r.training)
        names.push_back("training");
    if (r.inference)
        names.push_back("inference");
    return names;
}

std::optional<Roles> rolesFromNames(const std::vector<std::string> &names) {
    Roles r{false, false};
    for (const std::string &name : names) {
        bool *role = name == "training"    ? &r.training
                     : name == "inference" ? &r.inference
                                           : nullptr;
        if (!role || *role)
            return std::nullopt;
        *role = true;
    }
    if (!r.training && !r.inference)
        return std::nullopt;
    return r;
}

std::string toString(Roles r) {
    std::string out;
    for (std::string_view name : roleNames(r))
        out.append(out.empty() ? "" : ";").append(name);
    return out;
}

std::optional<Roles> rolesFromString(std::string_view s) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= s.size()) {
        const std::size_t end = std::min(s.find(';', start), s.size());
        std::string_view name = s.substr(start, end - start);
        while (!name.empty() && name.front() == ' ')
            name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ')
            name.remove_suffix(1);
        names.emplace_back(name);
        start = end + 1;
    }
    return rolesFromNames(names);
}

bool backs(const Source &source, std::string_view field) {
    const std::string_view named = source.field;
    if (named == field)
        return true;
    if (field.size() > named.size() && field.substr(0, named.size()) == named &&
        (field[named.size()] == '.' || field.substr(named.size()).starts_with("_range.")))
        return true;
    return false;
}

std::optional<Basis> basisOf(const Chip &chip, std::string_view field) {
    std::optional<Basis> own, whole;
    // Basis values are ordered from the most to the least direct; the least direct one wins.
    auto weakest = [](std::optional<Basis> &kept, std::optional<Basis> b) {
        if (b && (!kept || *b > *kept))
            kept = b;
    };
    bool hasOwn = false;
    for (const Source &s : chip.sources) {
        if (s.field != "*" && backs(s, field)) {
            hasOwn = true;
            weakest(own, s.basis);
        } else if (s.field == "*") {
            weakest(whole, s.basis);
        }
    }
    return hasOwn ? own : whole;
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
