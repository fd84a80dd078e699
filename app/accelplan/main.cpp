// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop application: `accelplan [FILE.json]`.

#include "version.h"
#include "workspace/catalog_location.h"
#include "workspace/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("AccelPlan"));
    QApplication::setOrganizationName(QStringLiteral("AccelPlan"));
    QApplication::setOrganizationDomain(QStringLiteral("accelplan.example.org"));
    QApplication::setApplicationVersion(QString::fromUtf8(accelplan::kAppVersion));
    // The installed desktop entry's id: lets Wayland compositors and docks match the window
    // with the menu entry and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.accelplan.AccelPlan"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/accelplan.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(accelplan::kAppDescription));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A scenario file (accelplan.scenario/1) to open."),
                                 QStringLiteral("[FILE.json]"));
    const QCommandLineOption catalog(
        QStringLiteral("catalog"),
        QStringLiteral("The catalog to work on: a file, or a team catalog's address "
                       "(postgresql://user@host/database). Default: the one chosen last."),
        QStringLiteral("LOCATION"));
    parser.addOption(catalog);
    parser.process(app);
    if (parser.isSet(catalog))
        accelplan::ui::setCatalogLocationForThisRun(parser.value(catalog));

    accelplan::ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty()) {
        const QString file = parser.positionalArguments().constFirst();
        // Once the window is up, so that a bad file's message box has its parent on screen.
        QTimer::singleShot(0, &window, [&window, file] { window.openFile(file); });
    }
    return QApplication::exec();
}
