// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// accelplan-cli: subcommands share this small interface. Each takes its arguments (after the
// subcommand name) and returns the process exit status: 0 success, 1 bad input, 2 usage.

#include <QStringList>

namespace accelplan::cli {

enum ExitCode { Success = 0, BadInput = 1, UsageError = 2 };

int runVersion(const QStringList &args);
int runCatalog(const QStringList &args); // catalog_command.cpp
int runReport(const QStringList &args);  // needs a QApplication (see main.cpp)
int runEvaluate(const QStringList &args);
int runCompare(const QStringList &args);
int runCalibrate(const QStringList &args); // fits the efficiency table
int runScenario(const QStringList &args);  // scenarios shared in a (team) catalog

} // namespace accelplan::cli
