// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report_text.h"

#include "plan/explain.h"

#include <QStringList>

namespace accelplan::ui::report {

QString chipName(const Catalog &catalog, const std::string &chipId) {
    const Chip *chip = catalog.findChip(chipId);
    return chip ? qs(chip->vendor + " " + chip->name) : qs(chipId);
}

QString candidateLabel(const Catalog &catalog, const CandidateResult &result) {
    return qs(candidateName(catalog, result));
}

} // namespace accelplan::ui::report
