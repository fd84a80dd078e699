// accelplan-cli: the simulation without a window. See ../shared/spec (the contract) and the
// README for the commands.

#include "cli.h"
#include "version.h"

#include <QCoreApplication>
#include <QTextStream>

#include <functional>
#include <map>

using namespace accelplan::cli;

namespace {

int usage(QTextStream &err) {
    err << "usage: accelplan-cli --version\n"
           "       accelplan-cli evaluate SCENARIO.json [--format json|table|csv] [--catalog DB]\n"
           "       accelplan-cli compare SCENARIO.json --all-chips [--max-chips N]\n"
           "       accelplan-cli report SCENARIO.json -o REPORT.pdf\n"
           "       accelplan-cli catalog list|show|export|import|validate ...\n";
    return UsageError;
}

}  // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("AccelPlan"));
    QCoreApplication::setOrganizationName(QStringLiteral("AccelPlan"));
    QCoreApplication::setApplicationVersion(QString::fromUtf8(accelplan::kAppVersion));

    QStringList args = QCoreApplication::arguments().mid(1);
    QTextStream err(stderr);
    if (args.isEmpty())
        return usage(err);

    const std::map<QString, std::function<int(const QStringList &)>> commands{
        {QStringLiteral("--version"), runVersion},
        {QStringLiteral("version"), runVersion},
        {QStringLiteral("catalog"), runCatalog},
    };
    const QString name = args.takeFirst();
    auto it = commands.find(name);
    if (it == commands.end()) {
        err << "accelplan-cli: unknown command '" << name << "'\n";
        return usage(err);
    }
    return it->second(args);
}
