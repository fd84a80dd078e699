// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/damaged_catalog_dialog.h"

#include "catalog/catalog_store.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace accelplan::ui {

std::shared_ptr<const Catalog> offerShippedCatalog(QWidget *parent, const QString &catalogPath,
                                                   const QString &error) {
    const QString path = QDir::toNativeSeparators(catalogPath);
    QMessageBox box(QMessageBox::Warning, QObject::tr("Catalog"),
                    QObject::tr("The hardware catalog could not be opened, so no chip can be "
                                "evaluated:\n%1")
                        .arg(error),
                    QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("damagedCatalogBox"));
    box.setInformativeText(
        QObject::tr("AccelPlan can start again from the catalog it ships with. Your file is not "
                    "deleted: it is renamed to %1.set-aside-… beside the new one, so that "
                    "nothing in it is lost.")
            .arg(path));
    QPushButton *start =
        box.addButton(QObject::tr("Start from Shipped Catalog"), QMessageBox::AcceptRole);
    start->setObjectName(QStringLiteral("startFromShippedButton"));
    QPushButton *without =
        box.addButton(QObject::tr("Continue Without Catalog"), QMessageBox::RejectRole);
    without->setObjectName(QStringLiteral("continueWithoutButton"));
    box.setDefaultButton(start);
    box.exec();
    if (box.clickedButton() != start)
        return nullptr;

    data::ReplacedCatalog replaced = data::replaceWithShipped(catalogPath);
    QString problem = replaced.opened.error;
    std::optional<Catalog> catalog;
    if (replaced.opened.store)
        catalog = replaced.opened.store->load(&problem);
    if (!catalog) {
        QMessageBox::critical(
            parent, QObject::tr("Catalog"),
            QObject::tr("The shipped catalog could not be set up:\n%1").arg(problem));
        return nullptr;
    }
    QMessageBox::information(
        parent, QObject::tr("Catalog"),
        QObject::tr("AccelPlan now uses the shipped catalog. Your previous file is kept as %1.")
            .arg(QDir::toNativeSeparators(replaced.setAsidePath)));
    return std::make_shared<const Catalog>(std::move(*catalog));
}

} // namespace accelplan::ui
