// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Buying the chips instead of renting them: capital cost spread over the years of use, plus
// the electricity they draw.

#include "hardware/chip.h"
#include "units/quantities.h"

#include <optional>
#include <string>

namespace accelplan {

// Host servers, network fabric, racks and storage added to the chips' own price. An all-in
// H100 cluster was priced at about $47,000-52,000 per GPU in 2024 (servers with InfiniBand
// at each cluster tier, https://substack.tech-talk-cto.com/p/h100-freakonomics-the-economical)
// against a street price near $30,700 for the GPU alone (the catalog's source): roughly 0.6
// of the chip's price again. Building, staff and cooling plant are not included; PUE carries
// the cooling's power.
inline constexpr double kHostAndNetworkShare = 0.6;

// What one chip is bought at: its price, else the middle of its price range, so that a chip
// known only by a range of quotes or by an estimate (a TPU, which is not sold) can be costed.
// `low` and `high` are the range's ends where there is one, else the price itself.
struct PurchasePrice {
    units::Dollars nominal = units::dollars(0);
    units::Dollars low = units::dollars(0);
    units::Dollars high = units::dollars(0);
    bool fromRange = false; // no single price: the middle of the range stands in for it
    bool estimate = false;  // the catalog's source for the price is an estimate
};
std::optional<PurchasePrice> purchasePrice(const Chip &chip);

// How the price was arrived at, in words, when it is not a plain catalog price (the middle of
// a range, or an estimate); empty otherwise.
std::string describePurchasePrice(const Chip &chip, const PurchasePrice &price);

struct OwnershipQuote {
    units::Dollars capex = units::dollars(0);                     // chips plus their share
    units::DollarsPerSecond amortized = units::dollarsPerHour(0); // capex over the years
    // The same at the ends of the price range (equal to `amortized` for a single price).
    units::DollarsPerSecond amortizedLow = units::dollarsPerHour(0);
    units::DollarsPerSecond amortizedHigh = units::dollarsPerHour(0);
    PurchasePrice price; // per chip
};

// Empty when the catalog has no purchase price (nor range) for the chip or the years are not
// positive. `priceScale` scales the purchase price (sensitivity analysis).
std::optional<OwnershipQuote> quoteOwnership(const Chip &chip, int chips, double amortizationYears,
                                             double priceScale = 1.0);

} // namespace accelplan
