// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/catalog_location.h"

#include "catalog/server_catalog.h"

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
    else // a password stays in ~/.pgpass, never in the settings file
        settings.setValue(kKey, data::server::isServerLocation(location)
                                    ? data::server::shownLocation(location)
                                    : location);
}

} // namespace accelplan::ui
