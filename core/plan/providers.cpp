// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/providers.h"

#include "util/name_table.h"

#include <algorithm>

namespace accelplan {
namespace {

// The providers of the shipped catalog, as they call themselves.
constexpr util::NameTable<std::string_view, 16> kProviderNames{{
    {"aws", "AWS"},
    {"gcp", "Google Cloud"},
    {"azure", "Azure"},
    {"oci", "Oracle Cloud"},
    {"lambda", "Lambda"},
    {"coreweave", "CoreWeave"},
    {"nebius", "Nebius"},
    {"crusoe", "Crusoe"},
    {"runpod", "RunPod"},
    {"vultr", "Vultr"},
    {"tensorwave", "TensorWave"},
    {"digitalocean", "DigitalOcean"},
    {"hyperstack", "Hyperstack"},
    {"akash", "Akash"},
    {"intel-tiber", "Intel Tiber AI Cloud"},
    {"myremotemac", "MyRemoteMac"},
}};

constexpr std::size_t kNamedInList = 3; // more than this are counted, not named

} // namespace

std::string providerName(std::string_view providerId) {
    const std::string_view name = util::nameOf(kProviderNames, providerId);
    return std::string(name.empty() ? providerId : name);
}

std::vector<std::string> providersOf(const Catalog &catalog, std::string_view chipId) {
    std::vector<std::string> out;
    for (const Offering *o : catalog.offeringsFor(chipId))
        out.push_back(o->provider);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::map<std::string, std::vector<std::string>, std::less<>>
providersByChip(const Catalog &catalog) {
    std::map<std::string, std::vector<std::string>, std::less<>> out;
    for (const Offering &o : catalog.offerings)
        out[o.chipId].push_back(o.provider);
    for (auto &[chip, providers] : out) {
        std::sort(providers.begin(), providers.end());
        providers.erase(std::unique(providers.begin(), providers.end()), providers.end());
    }
    return out;
}

std::string availability(const Catalog &catalog, std::string_view chipId) {
    return availability(providersOf(catalog, chipId));
}

std::string availability(const std::vector<std::string> &providers) {
    std::vector<std::string> names;
    for (const std::string &id : providers)
        names.push_back(providerName(id));
    if (names.empty())
        return "not rented by any provider";
    if (names.size() == 1)
        return "available only on " + names.front();
    std::sort(names.begin(), names.end());
    std::string out = "available from ";
    const std::size_t named = names.size() > kNamedInList + 1 ? kNamedInList : names.size() - 1;
    for (std::size_t i = 0; i < named; ++i)
        out += (i ? ", " : "") + names[i];
    if (named == names.size() - 1)
        return out + " and " + names.back();
    return out + " and " + std::to_string(names.size() - named) + " more";
}

} // namespace accelplan
