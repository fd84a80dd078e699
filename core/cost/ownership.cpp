// SPDX-License-Identifier: GPL-3.0-or-later
#include "cost/ownership.h"

#include "cost/calendar.h"
#include "units/format.h"

#include <algorithm>

namespace accelplan {

std::optional<PurchasePrice> purchasePrice(const Chip &chip) {
    PurchasePrice p;
    p.estimate = basisOf(chip, "price_usd") == Basis::estimate;
    const auto &range = chip.priceRange;
    const bool hasRange = range.low && range.high;
    if (chip.price) {
        p.nominal = *chip.price;
        p.low = hasRange ? std::min(*range.low, *chip.price) : *chip.price;
        p.high = hasRange ? std::max(*range.high, *chip.price) : *chip.price;
        return p;
    }
    if (!hasRange)
        return std::nullopt;
    p.low = *range.low;
    p.high = *range.high;
    p.nominal = (p.low + p.high) * 0.5;
    p.fromRange = true;
    return p;
}

std::string describePurchasePrice(const Chip &chip, const PurchasePrice &price) {
    if (!price.fromRange && !price.estimate)
        return {};
    const std::string range = units::format(price.low) + " to " + units::format(price.high);
    if (price.fromRange)
        return chip.id + " bought at " + units::format(price.nominal) +
               " per chip, the middle of " +
               (price.estimate ? "its estimated price range " : "its price range ") + range +
               " (the catalog has no single price)";
    const std::string said =
        chip.id + " bought at " + units::format(price.nominal) + " per chip, an estimate";
    return price.low == price.high ? said : said + " (range " + range + ")";
}

std::optional<OwnershipQuote> quoteOwnership(const Chip &chip, int chips, double amortizationYears,
                                             double priceScale) {
    const auto price = purchasePrice(chip);
    if (!price || amortizationYears <= 0 || chips <= 0)
        return std::nullopt;
    const double perChip = double(chips) * (1.0 + kHostAndNetworkShare) * priceScale;
    const units::Seconds years = kYear * amortizationYears;
    const units::Dollars capex = price->nominal * perChip;
    return OwnershipQuote{capex, capex / years, price->low * perChip / years,
                          price->high * perChip / years, *price};
}

} // namespace accelplan
