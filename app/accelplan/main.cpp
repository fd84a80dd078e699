// The desktop application: `accelplan [FILE.json]`.

#include "version.h"
#include "workspace/main_window.h"

#include <QApplication>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("AccelPlan"));
    QApplication::setOrganizationName(QStringLiteral("AccelPlan"));
    QApplication::setOrganizationDomain(QStringLiteral("accelplan.example.org"));
    QApplication::setApplicationVersion(QString::fromUtf8(accelplan::kAppVersion));

    accelplan::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
