// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/handbook_window.h"

#include "support/paths.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QTextBrowser>
#include <QUrl>

namespace accelplan::ui {

QWidget *showHandbook(QWidget *parent) {
    if (auto *open = parent->findChild<QTextBrowser *>(QStringLiteral("handbook"),
                                                       Qt::FindDirectChildrenOnly)) {
        open->show();
        open->raise();
        open->activateWindow();
        return open;
    }
    const QString dir = data::shippedDataDir();
    const QString page = dir.isEmpty()
                             ? QString()
                             : QDir(dir).absoluteFilePath(QStringLiteral("handbook/index.html"));
    if (page.isEmpty() || !QFileInfo::exists(page)) {
        QMessageBox::warning(parent, QObject::tr("Handbook"),
                             QObject::tr("The handbook is not installed (no "
                                         "share/accelplan/handbook/index.html beside the "
                                         "program); the README has the same help."));
        return nullptr;
    }
    auto *browser = new QTextBrowser(parent);
    browser->setObjectName(QStringLiteral("handbook"));
    browser->setWindowFlag(Qt::Window);
    browser->setAttribute(Qt::WA_DeleteOnClose);
    browser->setWindowTitle(QObject::tr("AccelPlan handbook"));
    browser->setOpenExternalLinks(true);
    browser->setSource(QUrl::fromLocalFile(page));
    browser->resize(900, 760);
    browser->show();
    return browser;
}

} // namespace accelplan::ui
