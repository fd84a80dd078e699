// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/scenario_check.h"

#include "support/qt_text.h"

#include <QStringList>

namespace accelplan::data {
namespace {

// "aws/p5.48xlarge, gcp/a3-highgpu-8g" or "none".
QString offeringsOf(const Catalog &catalog, const std::string &chipId) {
    QStringList ids;
    for (const Offering *o : catalog.offeringsFor(chipId))
        ids << qs(o->id());
    return ids.isEmpty() ? QStringLiteral("none") : ids.join(QStringLiteral(", "));
}

// The providers of the catalog's offerings, each once, sorted.
QStringList providersOf(const Catalog &catalog) {
    QStringList ids;
    for (const Offering &o : catalog.offerings)
        ids << qs(o.provider);
    ids.removeDuplicates();
    ids.sort();
    return ids;
}

QStringList regionsOf(const Catalog &catalog) {
    QStringList ids;
    for (const Offering &o : catalog.offerings)
        for (const std::string &r : o.regions)
            ids << qs(r).toLower();
    ids.removeDuplicates();
    ids.sort();
    return ids;
}

} // namespace

IoErrors checkConstraints(const Scenario &scenario, const Catalog &catalog,
                          const QString &fileName) {
    IoErrorLog log(fileName);
    if (!scenario.constraints)
        return log.errors();
    const QStringList known = providersOf(catalog);
    const QString at = jsonMemberPath(QStringLiteral("constraints"), QStringLiteral("providers"));
    for (const std::string &provider : scenario.constraints->providers)
        if (!known.contains(qs(provider)))
            log.atPath(at, QStringLiteral("unknown provider '%1'; the catalog's providers are: %2")
                               .arg(qs(provider),
                                    known.isEmpty() ? QStringLiteral("none") : known.join(u", ")));
    const QStringList regions = regionsOf(catalog);
    const QString regionsAt =
        jsonMemberPath(QStringLiteral("constraints"), QStringLiteral("regions"));
    for (const std::string &region : scenario.constraints->regions)
        if (!regions.contains(qs(region)))
            log.atPath(regionsAt,
                       QStringLiteral("no offering of the catalog is sold in '%1'; its regions "
                                      "are: %2")
                           .arg(qs(region),
                                regions.isEmpty() ? QStringLiteral("none") : regions.join(u", ")));
    return log.errors();
}

IoErrors checkCandidates(const Scenario &scenario, const Catalog &catalog,
                         const QString &fileName) {
    IoErrorLog log(fileName);
    const QString candidates = QStringLiteral("candidates");
    for (std::size_t i = 0; i < scenario.candidates.size(); ++i) {
        const Candidate &c = scenario.candidates[i];
        const QString at = jsonIndexPath(candidates, qsizetype(i));
        const Chip *chip = catalog.findChip(c.chipId);
        if (!chip) {
            log.atPath(jsonMemberPath(at, QStringLiteral("chip")),
                       QStringLiteral("unknown chip '%1' (`accelplan-cli catalog list` shows the "
                                      "catalog's chips)")
                           .arg(qs(c.chipId)));
            continue;
        }
        if (!c.offering)
            continue;
        const QString offeringPath = jsonMemberPath(at, QStringLiteral("offering"));
        const Offering *offering = catalog.findOffering(*c.offering);
        if (!offering)
            log.atPath(offeringPath,
                       QStringLiteral("unknown offering '%1'; %2 is offered as: %3")
                           .arg(qs(*c.offering), qs(c.chipId), offeringsOf(catalog, c.chipId)));
        else if (offering->chipId != c.chipId)
            log.atPath(offeringPath, QStringLiteral("offering '%1' rents %2, not %3; %3 is "
                                                    "offered as: %4")
                                         .arg(qs(*c.offering), qs(offering->chipId), qs(c.chipId),
                                              offeringsOf(catalog, c.chipId)));
    }
    return log.errors();
}

} // namespace accelplan::data
