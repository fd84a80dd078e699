// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/user_values.h"

#include "plan/explain.h"

#include <algorithm>

namespace accelplan {
namespace {

// " (added by you)"; " (changed by you: memory_bytes, tdp_watts)" when the catalog says which.
std::string byYou(Provenance p, const Catalog &catalog, const std::string &id) {
    if (p == Provenance::userAdded)
        return " (added by you)";
    const auto it = catalog.changedFields.find(id);
    if (it == catalog.changedFields.end() || it->second.empty())
        return " (changed by you)";
    std::string fields;
    for (const std::string &f : it->second)
        fields += (fields.empty() ? "" : ", ") + f;
    return " (changed by you: " + fields + ")";
}

void addOnce(std::vector<std::string> &out, std::string phrase) {
    if (std::find(out.begin(), out.end(), phrase) == out.end())
        out.push_back(std::move(phrase));
}

} // namespace

std::vector<std::string> userCatalogValues(const Evaluation &evaluation, const Catalog &catalog) {
    std::vector<std::string> chips, offerings;
    for (const CandidateResult &r : evaluation.results) {
        if (const Chip *chip = catalog.findChip(r.chipId);
            chip && chip->provenance != Provenance::shipped)
            addOnce(chips,
                    chipName(catalog, r.chipId) + byYou(chip->provenance, catalog, chip->id));
        if (const Offering *o = r.offering.empty() ? nullptr : catalog.findOffering(r.offering);
            o && o->provenance != Provenance::shipped)
            addOnce(offerings, "offering " + o->id() + byYou(o->provenance, catalog, o->id()));
    }
    chips.insert(chips.end(), offerings.begin(), offerings.end());
    return chips;
}

} // namespace accelplan
