// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/shared_scenarios.h"

#include "catalog/catalog_store.h"
#include "io/scenario_json.h"

#include <QDateTime>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QObject>

namespace accelplan::ui {
namespace {

std::unique_ptr<data::CatalogStore> openStore(QWidget *parent, const QString &location) {
    data::OpenedCatalog opened = data::openCatalog(location);
    if (!opened.store)
        QMessageBox::warning(parent, QObject::tr("Shared Scenarios"), opened.error);
    return std::move(opened.store);
}

} // namespace

std::optional<Scenario> pickSharedScenario(QWidget *parent, const QString &catalogLocation) {
    const auto store = openStore(parent, catalogLocation);
    if (!store)
        return std::nullopt;
    QString error;
    const auto all = store->scenarios(&error);
    if (!all) {
        QMessageBox::warning(parent, QObject::tr("Shared Scenarios"), error);
        return std::nullopt;
    }
    if (all->empty()) {
        QMessageBox::information(
            parent, QObject::tr("Shared Scenarios"),
            QObject::tr("No scenario is shared in %1 yet.").arg(store->path()));
        return std::nullopt;
    }
    QStringList items;
    for (const auto &s : *all)
        items << QObject::tr("%1 — saved by %2, %3")
                     .arg(s.name, s.savedBy,
                          QDateTime::fromString(s.savedAt, Qt::ISODate)
                              .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(parent, QObject::tr("Open Shared Scenario"),
                                                 QObject::tr("Scenarios in %1:").arg(store->path()),
                                                 items, 0, false, &ok);
    if (!ok)
        return std::nullopt;
    const QString name = (*all)[std::size_t(items.indexOf(chosen))].name;
    const auto found = store->scenario(name, &error);
    if (!found) {
        QMessageBox::warning(parent, QObject::tr("Shared Scenarios"),
                             error.isEmpty() ? QObject::tr("'%1' was removed meanwhile.").arg(name)
                                             : error);
        return std::nullopt;
    }
    const data::ScenarioReadResult read =
        data::readScenarioJson(found->body, QObject::tr("shared scenario '%1'").arg(name));
    if (!read.scenario) {
        QMessageBox::warning(parent, QObject::tr("Shared Scenarios"), data::toString(read.errors));
        return std::nullopt;
    }
    return read.scenario;
}

bool shareScenario(QWidget *parent, const QString &catalogLocation, const Scenario &scenario) {
    bool ok = false;
    const QString name = QInputDialog::getText(
        parent, QObject::tr("Share Scenario"),
        QObject::tr("Name in the catalog (a name already there is replaced):"), QLineEdit::Normal,
        QString::fromStdString(scenario.name), &ok);
    if (!ok)
        return false;
    const auto store = openStore(parent, catalogLocation);
    QString error;
    if (!store || !store->saveScenario(name, data::scenarioToJson(scenario), &error)) {
        if (store)
            QMessageBox::warning(parent, QObject::tr("Share Scenario"), error);
        return false;
    }
    return true;
}

} // namespace accelplan::ui
