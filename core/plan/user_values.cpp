// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/user_values.h"

#include "plan/explain.h"

#include <algorithm>

namespace accelplan {
namespace {

const char *byYou(Provenance p) {
    return p == Provenance::userAdded ? " (added by you)" : " (changed by you)";
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
            addOnce(chips, chipName(catalog, r.chipId) + byYou(chip->provenance));
        if (const Offering *o = r.offering.empty() ? nullptr : catalog.findOffering(r.offering);
            o && o->provenance != Provenance::shipped)
            addOnce(offerings, "offering " + o->id() + byYou(o->provenance));
    }
    chips.insert(chips.end(), offerings.begin(), offerings.end());
    return chips;
}

} // namespace accelplan
