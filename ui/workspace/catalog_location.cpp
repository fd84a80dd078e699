// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/catalog_location.h"

#include <QSettings>

#include <optional>

namespace accelplan::ui {
namespace {

const QString kKey = QStringLiteral("catalog/location");

std::optional<QString> &forThisRun() {
    static std::optional<QString> location;
    return location;
}

} // namespace

QString catalogLocation() {
    if (forThisRun())
        return *forThisRun();
    return QSettings().value(kKey).toString();
}

void setCatalogLocationForThisRun(const QString &location) { forThisRun() = location; }

void rememberCatalogLocation(const QString &location) {
    forThisRun() = location;
    QSettings settings;
    if (location.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, location);
}

} // namespace accelplan::ui
