// SPDX-License-Identifier: GPL-3.0-or-later
#include "cost/rental.h"

#include "units/format.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>

namespace accelplan {
namespace {

bool listed(std::span<const std::string> list, const std::string &item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

// Regions compare without case ("EU" is "eu"); the scenario's are lower case already.
bool sameRegion(const std::string &offered, const std::string &wanted) {
    return util::equalsIgnoringCase(offered, wanted);
}

bool inRegions(std::span<const std::string> regions, const Offering &offering) {
    if (regions.empty())
        return true;
    return std::any_of(
        offering.regions.begin(), offering.regions.end(), [&](const std::string &offered) {
            return sameRegion(offered, "global") ||
                   std::any_of(regions.begin(), regions.end(), [&](const std::string &wanted) {
                       return sameRegion(offered, wanted);
                   });
        });
}

bool allowed(const RentalLimits &limits, const Offering &offering) {
    return (limits.providers.empty() || listed(limits.providers, offering.provider)) &&
           inRegions(limits.regions, offering);
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
                           const RentalLimits &limits, int joinedChips) {
    const Offering *offering = catalog.findOffering(offeringId);
    if (!offering)
        return {{}, "offering " + offeringId + " is not in the catalog"};
    if (offering->chipId != chipId)
        return {{},
                "offering " + offeringId + " rents " + offering->chipId + ", not " +
                    std::string(chipId)};
    if (!limits.providers.empty() && !listed(limits.providers, offering->provider))
        return {{},
                "offering " + offeringId + " is from " + offering->provider +
                    ", not an allowed provider (" + joined(limits.providers) + ")"};
    if (!inRegions(limits.regions, *offering))
        return {{},
                "offering " + offeringId + " is sold in " +
                    (offering->regions.empty() ? std::string("no stated region")
                                               : joined(offering->regions)) +
                    ", not in an allowed region (" + joined(limits.regions) + ")"};
    if (std::string why = whyOfferingCannotHold(*offering, joinedChips); !why.empty())
        return {{}, "offering " + why};
    const auto price = offering->price(pricing);
    if (!price)
        return {{},
                "offering " + offeringId + " has no " + std::string(toString(pricing)) +
                    " price in the catalog"};
    return {quoteFor(*offering, chips, *price), {}};
}

} // namespace

std::string whyOfferingCannotHold(const Offering &offering, int joinedChips) {
    const InstanceCount spans = instancesFor(joinedChips, offering.chipsPerInstance);
    if (spans.instances <= 1)
        return {};
    const std::string needs = units::formatChips(joinedChips) + " must work as one across " +
                              std::to_string(spans.instances) + " instances";
    const std::string network = offering.clusterNetwork;
    if (network == "none" || (offering.maxInstances && *offering.maxInstances <= 1))
        return offering.id() + " is a single machine of " +
               units::formatChips(offering.chipsPerInstance) + "; " + needs;
    if (network.empty())
        return offering.id() + " states no cluster network in the catalog; " + needs;
    if (offering.maxInstances && spans.instances > *offering.maxInstances)
        return offering.id() + " joins at most " + std::to_string(*offering.maxInstances) +
               " instances into one cluster; " + needs;
    return {};
}

std::string billingNote(const RentalQuote &quote, int usedChips) {
    if (!quote.offering || quote.count.billedChips <= usedChips)
        return {};
    return "billed as " + std::to_string(quote.count.instances) + " × " + quote.offering->id() +
           ", " + units::formatChips(quote.count.billedChips) + ", for " +
           std::to_string(usedChips) + " used";
}

RentalChoice quoteRental(const Catalog &catalog, std::string_view chipId, int chips,
                         Pricing pricing, const std::optional<std::string> &offeringId,
                         const RentalLimits &limits, int joinedChips) {
    const std::string chip(chipId);
    const int asOne = joinedChips == kAllChipsJoined ? chips : joinedChips;
    if (pricing == Pricing::owned)
        return {{}, "owned hardware is not rented"};
    if (offeringId)
        return namedOffering(catalog, chipId, chips, pricing, *offeringId, limits, asOne);

    const auto offerings = catalog.offeringsFor(chipId);
    if (offerings.empty())
        return {{}, "no provider in the catalog rents " + chip};
    std::optional<RentalQuote> best;
    bool anyAllowed = false;
    std::string cannotHold; // why the first priced offering that could not hold the job
    for (const Offering *offering : offerings) {
        if (!allowed(limits, *offering))
            continue;
        anyAllowed = true;
        const auto price = offering->price(pricing);
        if (!price)
            continue;
        if (std::string why = whyOfferingCannotHold(*offering, asOne); !why.empty()) {
            if (cannotHold.empty())
                cannotHold = why;
            continue;
        }
        RentalQuote quote = quoteFor(*offering, chips, *price);
        const bool cheaper =
            !best || quote.fleetRate() < best->fleetRate() ||
            (quote.fleetRate() == best->fleetRate() && offering->id() < best->offering->id());
        if (cheaper)
            best = quote;
    }
    if (best)
        return {best, {}};
    if (!anyAllowed) {
        std::string where;
        if (!limits.providers.empty())
            where = "provider (" + joined(limits.providers) + ")";
        if (!limits.regions.empty())
            where += (where.empty() ? "" : " in an allowed ") + std::string("region (") +
                     joined(limits.regions) + ")";
        return {{}, "no allowed " + where + " rents " + chip};
    }
    if (!cannotHold.empty())
        return {{},
                "no offering of " + chip + " in the catalog can run " + units::formatChips(asOne) +
                    " as one job (" + cannotHold + ")"};
    return {{},
            "no provider in the catalog rents " + chip + " at " + std::string(toString(pricing)) +
                " prices"};
}

} // namespace accelplan
