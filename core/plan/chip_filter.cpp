// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/chip_filter.h"

#include "plan/ecosystem.h"
#include "util/text.h"

#include <algorithm>

namespace accelplan {
namespace {

bool sameVendor(std::string_view catalogVendor, std::string_view wanted) {
    if (util::equalsIgnoringCase(catalogVendor, wanted))
        return true;
    return catalogVendor.size() > wanted.size() &&
           util::equalsIgnoringCase(catalogVendor.substr(0, wanted.size()), wanted) &&
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
            return util::equalsIgnoringCase(o->provider, filter.provider);
        });
    }
    return true;
}

} // namespace accelplan
