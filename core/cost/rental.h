// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Renting a candidate's chips from a cloud offering under one pricing model.

#include "cost/instances.h"
#include "hardware/catalog.h"
#include "units/quantities.h"

#include <optional>
#include <span>
#include <string>

namespace accelplan {

struct RentalQuote {
    const Offering *offering = nullptr; // points into the catalog it was quoted from
    InstanceCount count;
    units::DollarsPerSecond pricePerInstance = units::dollarsPerHour(0);
    units::DollarsPerSecond fleetRate() const { return pricePerInstance * double(count.instances); }
};

// Either a quote or, in words, why there is none.
struct RentalChoice {
    std::optional<RentalQuote> quote;
    std::string problem;
};

// Where a team may rent: providers and regions (jurisdictions such as "cn", "eu", "us"); an
// empty list allows all. An offering sold in "global" regions is in every one.
struct RentalLimits {
    std::span<const std::string> providers;
    std::span<const std::string> regions;
};

// How many of a job's chips must work as one cluster: a training run's all of them, a serving
// fleet's one replica (its copies are independent and need no network between them).
inline constexpr int kAllChipsJoined = 0;

// Rents `chips` of `chipId` under `pricing` (a rental pricing; `owned` is refused). With
// `offeringId` that offering is used; otherwise the one whose whole instances cost least for
// this many chips (ties go to the smaller id, so the choice is stable), within `limits`. An
// offering serves only jobs it can hold: `joinedChips` (kAllChipsJoined: all `chips`) spanning
// several instances need its cluster network and no more instances than one cluster of it can
// have. No price is ever made up: a chip nobody rents under this pricing gets a problem.
RentalChoice quoteRental(const Catalog &catalog, std::string_view chipId, int chips,
                         Pricing pricing, const std::optional<std::string> &offeringId = {},
                         const RentalLimits &limits = {}, int joinedChips = kAllChipsJoined);

// Why `offering` cannot run `joinedChips` chips as one job ("aws/g6.xlarge is a single machine
// of 1 chip; 16 chips need 16 of them joined by a cluster network"); empty when it can.
std::string whyOfferingCannotHold(const Offering &offering, int joinedChips);

// "billed as 1 × aws/p5.48xlarge, 8 chips, for 1 used"; empty when every chip billed is used.
std::string billingNote(const RentalQuote &quote, int usedChips);

} // namespace accelplan
