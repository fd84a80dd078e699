#include "workspace/main_window.h"

#include "version.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>

namespace accelplan::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("AccelPlan"));
    setObjectName(QStringLiteral("mainWindow"));
    auto *placeholder = new QLabel(tr("Open or create a scenario to compare accelerators."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    createMenus();
    resize(1280, 800);
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *about = help->addAction(tr("&About AccelPlan"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About AccelPlan"),
                       tr("<h3>AccelPlan %1</h3><p>%2</p>")
                           .arg(QString::fromUtf8(kAppVersion), QString::fromUtf8(kAppDescription)));
}

}  // namespace accelplan::ui
