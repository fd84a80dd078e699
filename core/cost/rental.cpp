// SPDX-License-Identifier: GPL-3.0-or-later
#include "cost/rental.h"

#include <algorithm>

namespace accelplan {
namespace {

bool allowed(std::span<const std::string> providers, const std::string &provider) {
    return providers.empty() ||
           std::find(providers.begin(), providers.end(), provider) != providers.end();
}

std::string joined(std::span<const std::string> items) {
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

RentalQuote quoteFor(const Offering &offering, int chips, units::DollarsPerSecond price) {
    return {&offering, instancesFor(chips, offering.chipsPerInstance), price};
}

RentalChoice namedOffering(const Catalog &catalog, std::string_view chipId, int chips,
                           Pricing pricing, const std::string &offeringId,
                           std::span<const std::string> allowedProviders) {
    const Offering *offering = catalog.findOffering(offeringId);
    if (!offering)
        return {{}, "offering " + offeringId + " is not in the catalog"};
    if (offering->chipId != chipId)
        return {{},
                "offering " + offeringId + " rents " + offering->chipId + ", not " +
                    std::string(chipId)};
    if (!allowed(allowedProviders, offering->provider))
        return {{},
                "offering " + offeringId + " is from " + offering->provider +
                    ", not an allowed provider (" + joined(allowedProviders) + ")"};
    const auto price = offering->price(pricing);
    if (!price)
        return {{},
                "offering " + offeringId + " has no " + std::string(toString(pricing)) +
                    " price in the catalog"};
    return {quoteFor(*offering, chips, *price), {}};
}

} // namespace

RentalChoice quoteRental(const Catalog &catalog, std::string_view chipId, int chips,
                         Pricing pricing, const std::optional<std::string> &offeringId,
                         std::span<const std::string> allowedProviders) {
    const std::string chip(chipId);
    if (pricing == Pricing::owned)
        return {{}, "owned hardware is not rented"};
    if (offeringId)
        return namedOffering(catalog, chipId, chips, pricing, *offeringId, allowedProviders);

    const auto offerings = catalog.offeringsFor(chipId);
    if (offerings.empty())
        return {{}, "no provider in the catalog rents " + chip};
    std::optional<RentalQuote> best;
    bool anyAllowed = false;
    for (const Offering *offering : offerings) {
        if (!allowed(allowedProviders, offering->provider))
            continue;
        anyAllowed = true;
        const auto price = offering->price(pricing);
        if (!price)
            continue;
        RentalQuote quote = quoteFor(*offering, chips, *price);
        const bool cheaper =
            !best || quote.fleetRate() < best->fleetRate() ||
            (quote.fleetRate() == best->fleetRate() && offering->id() < best->offering->id());
        if (cheaper)
            best = quote;
    }
    if (best)
        return {best, {}};
    if (!anyAllowed)
        return {{}, "no allowed provider (" + joined(allowedProviders) + ") rents " + chip};
    return {{},
            "no provider in the catalog rents " + chip + " at " + std::string(toString(pricing)) +
                " prices"};
}

} // namespace accelplan
