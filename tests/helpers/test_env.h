// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Helpers shared by the tests: isolated settings and data folders, temporary files, and
// running the CLI.

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>

namespace accelplan::test {

// Puts QStandardPaths (settings, the user's catalog) into test mode, away from the real
// user's files, and gives each test program its own: CTest runs them in parallel, and one that
// changes a preference for a moment (the shown currency) must not change another's window.
// Call from initTestCase().
inline void isolateUserFiles() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("AccelPlanTests"));
    QCoreApplication::setApplicationName(
        QStringLiteral("AccelPlanTests-") +
        QFileInfo(QCoreApplication::applicationFilePath()).completeBaseName());
}

// Writes `content` to `name` inside `dir` and returns the path.
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    return path;
}

inline QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// An environment variable CTest sets (see tests/CMakeLists.txt); fails the test if missing.
inline QString requiredEnv(const char *name) {
    const QString v = qEnvironmentVariable(name);
    if (v.isEmpty())
        qFatal("%s is not set: run the tests through ctest", name);
    return v;
}

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the built accelplan-cli with `args`, optionally in a working directory.
inline CliRun runCli(const QStringList &args, const QString &workDir = {}) {
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(requiredEnv("ACCELPLAN_CLI"), args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace accelplan::test
