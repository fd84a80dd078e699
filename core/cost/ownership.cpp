// SPDX-License-Identifier: GPL-3.0-or-later
#include "cost/ownership.h"

#include "cost/calendar.h"

namespace accelplan {

std::optional<OwnershipQuote> quoteOwnership(const Chip &chip, int chips, double amortizationYears,
                                             double priceScale) {
    if (!chip.price || amortizationYears <= 0 || chips <= 0)
        return std::nullopt;
    const units::Dollars capex =
        *chip.price * (double(chips) * (1.0 + kHostAndNetworkShare) * priceScale);
    return OwnershipQuote{capex, capex / (kYear * amortizationYears)};
}

} // namespace accelplan
