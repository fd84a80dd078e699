// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A cloud offering: an instance type that rents a number of chips, priced per instance-hour.

#include "hardware/chip.h"
#include "units/quantities.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accelplan {

enum class Pricing { onDemand, spot, reserved1y, reserved3y, owned };
inline constexpr std::array kRentalPricings{Pricing::onDemand, Pricing::spot, Pricing::reserved1y,
                                            Pricing::reserved3y};
std::string_view toString(Pricing p); // "on-demand", "spot", "reserved-1y", "reserved-3y", "owned"
std::optional<Pricing> pricingFromString(std::string_view s);

struct Offering {
    std::string chipId;
    std::string provider; // "aws", "gcp", "azure", ...
    std::string instance; // "p5.48xlarge"
    std::string region;
    int chipsPerInstance = 1;
    // Price per instance-hour for each rental pricing (index: position in kRentalPricings);
    // empty where that pricing is not offered.
    std::array<std::optional<units::DollarsPerSecond>, kRentalPricings.size()> pricePerInstance{};
    std::string asOf;   // ISO date of the price
    std::string source; // URL
    // The price as its seller published it: ISO 4217 currency, the on-demand price per
    // instance-hour in it, and the USD per unit of it used for pricePerInstance, with the
    // rate's date. A USD price needs none of it but the currency.
    std::string currency = "USD";
    std::optional<double> publishedPerHour;
    std::optional<double> usdRate;
    std::string usdRateDate;
    // The network joining instances into a cluster ("infiniband", "efa", "roce", "ici-dcn",
    // "ethernet", "none"), its bandwidth per chip, and the most instances one cluster can
    // have (1 for a single machine); empty where not known.
    std::string clusterNetwork;
    std::optional<units::BytesPerSecond> scaleOutBandwidth;
    std::optional<int> maxInstances;
    std::vector<std::string> regions; // every region and jurisdiction tag the price holds in
    std::string notes;
    Provenance provenance = Provenance::shipped;

    std::string id() const { return provider + "/" + instance; } // "aws/p5.48xlarge"
    std::optional<units::DollarsPerSecond> price(Pricing p) const;
    bool operator==(const Offering &) const = default;
};

} // namespace accelplan
