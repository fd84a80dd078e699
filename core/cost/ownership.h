// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Buying the chips instead of renting them: capital cost spread over the years of use, plus
// the electricity they draw.

#include "hardware/chip.h"
#include "units/quantities.h"

#include <optional>

namespace accelplan {

// Host servers, network fabric, racks and storage added to the chips' own price. An all-in
// H100 cluster was priced at about $47,000-52,000 per GPU in 2024 (servers with InfiniBand
// at each cluster tier, https://substack.tech-talk-cto.com/p/h100-freakonomics-the-economical)
// against a street price near $30,700 for the GPU alone (the catalog's source): roughly 0.6
// of the chip's price again. Building, staff and cooling plant are not included; PUE carries
// the cooling's power.
inline constexpr double kHostAndNetworkShare = 0.6;

struct OwnershipQuote {
    units::Dollars capex = units::dollars(0);                     // chips plus their share
    units::DollarsPerSecond amortized = units::dollarsPerHour(0); // capex over the years
};

// Empty when the catalog has no purchase price for the chip or the years are not positive.
// `priceScale` scales the purchase price (sensitivity analysis).
std::optional<OwnershipQuote> quoteOwnership(const Chip &chip, int chips, double amortizationYears,
                                             double priceScale = 1.0);

} // namespace accelplan
