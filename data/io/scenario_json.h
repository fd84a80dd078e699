// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The scenario file (`accelplan.scenario/1`, see the contract): read with every problem located,
// written so that reading it back gives the very same scenario.

#include "io/io_error.h"
#include "scenario/scenario.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace accelplan::data {

inline constexpr char kScenarioFormat[] = "accelplan.scenario/1";

struct ScenarioReadResult {
    std::optional<Scenario> scenario; // set only when there are no errors
    IoErrors errors;
};

// Reads and validates a scenario file. Every problem is reported with the file name and the
// JSON path. Chips and offerings are checked against a catalog separately (scenario_check.h).
ScenarioReadResult readScenarioFile(const QString &path);
// The same from bytes; `fileName` names the source in the errors.
ScenarioReadResult readScenarioJson(const QByteArray &json, const QString &fileName);
ScenarioReadResult readScenarioObject(const QJsonObject &root, const QString &fileName);

QJsonObject scenarioToJsonObject(const Scenario &scenario);
QByteArray scenarioToJson(const Scenario &scenario); // indented, UTF-8

// Writes with writeFileWhole (io/save_file.h): on any failure the previous file is left as it
// was and `error` says why.
bool writeScenarioFile(const Scenario &scenario, const QString &path, QString *error);

} // namespace accelplan::data
