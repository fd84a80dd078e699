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

QString layoutText(const Parallelism &p) {
    QStringList parts{QStringLiteral("dp %1").arg(p.dp), QStringLiteral("tp %1").arg(p.tp),
                      QStringLiteral("pp %1").arg(p.pp)};
    if (p.cp > 1)
        parts << QStringLiteral("cp %1").arg(p.cp);
    if (p.ep > 1)
        parts << QStringLiteral("ep %1").arg(p.ep);
    parts << QStringLiteral("ZeRO %1").arg(p.zero)
          << QStringLiteral("micro-batch %1").arg(p.microbatch)
          << QStringLiteral("%1 recompute").arg(qs(toString(p.recompute)));
    return parts.join(QStringLiteral(" · "));
}

} // namespace accelplan::ui::report
