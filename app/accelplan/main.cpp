// The desktop application: `accelplan [FILE.json]`.

#include "version.h"
#include "workspace/main_window.h"

#include <QApplication>
#include <QIcon>

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

    accelplan::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
