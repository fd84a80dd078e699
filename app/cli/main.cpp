// SPDX-License-Identifier: GPL-3.0-or-later
// accelplan-cli: the simulation without a window. See ../shared/spec (the contract) and the
// README for the commands.

#include "cli.h"
#include "version.h"

#include <QApplication>
#include <QTextStream>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>

using namespace accelplan::cli;

namespace {

int usage(QTextStream &err) {
    err << "usage: accelplan-cli --version\n"
           "       accelplan-cli evaluate SCENARIO.json [--format json|table|csv] [--catalog DB]\n"
           "       accelplan-cli compare SCENARIO.json --all-chips [--max-chips N] [--kind K]\n"
           "              [--vendor V] [--class C] [--ecosystem E] [--provider P]\n"
           "       accelplan-cli report SCENARIO.json -o REPORT.pdf\n"
           "       accelplan-cli catalog list|show|export|import|validate ...\n"
           "       accelplan-cli calibrate --cases DIR [--write FILE] [--folds K]\n"
           "       accelplan-cli scenario save|list|open ... [--catalog DB]\n"
           "  (--catalog takes a file or a team catalog: postgresql://user@host/database)\n";
    return UsageError;
}

// The report draws its charts with widgets, which need a QApplication; it never shows a
// window, so it needs no display either. Every other command stays a QCoreApplication.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv) {
    if (argc > 1 && qstrcmp(argv[1], "report") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        return std::make_unique<QApplication>(argc, argv);
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

// Every command writes its output through stdio's stdout, whose errors are kept: an output that
// did not reach its file (a full disk, `> /dev/full`) is a failure, not a success with nothing
// written.
bool outputWritten(QTextStream &err) {
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return true;
    const int error = errno;
    err << "accelplan-cli: cannot write the output, it is incomplete: "
        << (error != 0 ? QString::fromLocal8Bit(std::strerror(error))
                       : QStringLiteral("standard output refused it (a full disk?)"))
        << "\n";
    return false;
}

} // namespace

int main(int argc, char *argv[]) {
    const auto app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("AccelPlan"));
    QCoreApplication::setOrganizationName(QStringLiteral("AccelPlan"));
    QCoreApplication::setApplicationVersion(QString::fromUtf8(accelplan::kAppVersion));

    QStringList args = QCoreApplication::arguments().mid(1);
    QTextStream err(stderr);
    if (args.isEmpty())
        return usage(err);

    const std::map<QString, std::function<int(const QStringList &)>> commands{
        {QStringLiteral("--version"), runVersion},   {QStringLiteral("version"), runVersion},
        {QStringLiteral("catalog"), runCatalog},     {QStringLiteral("report"), runReport},
        {QStringLiteral("evaluate"), runEvaluate},   {QStringLiteral("compare"), runCompare},
        {QStringLiteral("calibrate"), runCalibrate}, {QStringLiteral("scenario"), runScenario},
    };
    const QString name = args.takeFirst();
    auto it = commands.find(name);
    if (it == commands.end()) {
        err << "accelplan-cli: unknown command '" << name << "'\n";
        return usage(err);
    }
    const int status = it->second(args);
    return outputWritten(err) ? status : std::max(status, int(BadInput));
}
