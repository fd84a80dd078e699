// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a chip can be rented, in words people read.

#include "hardware/catalog.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace accelplan {

// "Google Cloud" for "gcp", "AWS" for "aws", ...; an unknown id as it is.
std::string providerName(std::string_view providerId);

// The providers renting the chip, each once, sorted by id.
std::vector<std::string> providersOf(const Catalog &catalog, std::string_view chipId);

// providersOf() for every chip at once, by chip id, in one pass over the offerings: asking
// chip by chip reads every offering for each chip, which for a catalog of 100,000 chips took
// the app's window many seconds.
std::map<std::string, std::vector<std::string>, std::less<>>
providersByChip(const Catalog &catalog);

// "available only on Google Cloud", "available from AWS, Azure and Lambda",
// "available from AWS, Azure, Google Cloud and 4 more", "not rented by any provider".
std::string availability(const Catalog &catalog, std::string_view chipId);
// The same from a chip's providers, as providersOf() gives them.
std::string availability(const std::vector<std::string> &providers);

} // namespace accelplan
