// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/text.h"

#include <QRegularExpression>

namespace accelplan::ui {

namespace {

QString withoutRemarks(QString s) {
    static const QRegularExpression remarks(QStringLiteral("\\s*\\([^)]*\\)"));
    return s.remove(remarks).trimmed();
}

} // namespace

QString shortVendor(const Chip &chip) { return withoutRemarks(qs(chip.vendor)); }

QString chipLabel(const Catalog &catalog, std::string_view chipId) {
    const Chip *chip = catalog.findChip(chipId);
    return chip ? chipLabel(*chip) : qs(chipId);
}

QString chipLabel(const Chip &chip) {
    if (chip.name.empty())
        return qs(chip.id);
    const QString name = withoutRemarks(qs(chip.name));
    const QString vendor = shortVendor(chip);
    if (vendor.isEmpty() || name.startsWith(vendor))
        return name;
    return vendor + QLatin1Char(' ') + name;
}

QString candidateLabel(const Catalog &catalog, std::string_view chipId, int count) {
    return QStringLiteral("%1 × %2").arg(count).arg(chipLabel(catalog, chipId));
}

QString fileStem(std::string_view scenarioName, const QString &fallback) {
    QString stem = qs(std::string(scenarioName)).toLower();
    stem.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    stem.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return stem.isEmpty() ? fallback : stem.left(80);
}

} // namespace accelplan::ui
