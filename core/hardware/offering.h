// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A cloud offering: an instance type that rents a number of chips, priced per instance-hour.

#include "hardware/chip.h"
#include "units/quantities.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

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
    std::string notes;
    Provenance provenance = Provenance::shipped;

    std::string id() const { return provider + "/" + instance; } // "aws/p5.48xlarge"
    std::optional<units::DollarsPerSecond> price(Pricing p) const;
    bool operator==(const Offering &) const = default;
};

} // namespace accelplan
