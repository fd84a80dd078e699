// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/chip_filter.h"

#include "plan/ecosystem.h"

#include <algorithm>
#include <cctype>

namespace accelplan {
namespace {

// Catalog spellings vary in case ("AWS", "aws"); a filter typed by a person should not care.
bool sameWords(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

bool sameVendor(std::string_view catalogVendor, std::string_view wanted) {
    if (sameWords(catalogVendor, wanted))
        return true;
    return catalogVendor.size() > wanted.size() &&
           sameWords(catalogVendor.substr(0, wanted.size()), wanted) &&
           (catalogVendor[wanted.size()] == ' ' || catalogVendor[wanted.size()] == '(');
}

} // namespace

bool matches(const ChipFilter &filter, const Chip &chip, const Catalog &catalog) {
    if (filter.kind && chip.kind != *filter.kind)
        return false;
    if (!filter.vendor.empty() && !sameVendor(chip.vendor, filter.vendor))
        return false;
    if (filter.chipClass && chip.chipClass != filter.chipClass)
        return false;
    if (filter.ecosystem && ecosystemOf(chip) != filter.ecosystem)
        return false;
    if (!filter.provider.empty()) {
        const auto offerings = catalog.offeringsFor(chip.id);
        return std::any_of(offerings.begin(), offerings.end(), [&](const Offering *o) {
            return sameWords(o->provider, filter.provider);
        });
    }
    return true;
}

} // namespace accelplan
