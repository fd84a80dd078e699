// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/calibration_cases.h"

#include "io/csv.h"
#include "io/read_file.h"
#include "io/scenario_json.h"

#include <QDir>
#include <QHash>
#include <QRegularExpression>

namespace accelplan::data {

namespace {

// A CSV file of the folder as records of named fields; an empty list and errors on a problem.
QList<QHash<QString, QString>> readTable(const QString &path, IoErrors &errors) {
    QString problem;
    const auto bytes = readRegularFile(path, kMaxCsvFileBytes, &problem);
    if (!bytes) {
        errors.append({path, {}, 0, 0, problem});
        return {};
    }
    const CsvParseResult csv = parseCsv(*bytes, path);
    if (!csv.errors.isEmpty()) {
        errors += csv.errors;
        return {};
    }
    QList<QHash<QString, QString>> rows;
    if (csv.records.isEmpty())
        return rows;
    QStringList header;
    for (const CsvField &f : csv.records.front().fields)
        header << f.text;
    for (qsizetype i = 1; i < csv.records.size(); ++i) {
        const CsvRecord &r = csv.records[i];
        if (r.isBlank())
            continue;
        if (r.fields.size() != header.size()) {
            errors.append({path,
                           {},
                           r.line,
                           0,
                           QStringLiteral("%1 fields, the header has %2")
                               .arg(r.fields.size())
                               .arg(header.size())});
            continue;
        }
        QHash<QString, QString> row;
        for (qsizetype k = 0; k < header.size(); ++k)
            row.insert(header[k], r.fields[k].text);
        row.insert(QStringLiteral("#line"), QString::number(r.line));
        rows << row;
    }
    return rows;
}

// "Llama 3.1 70B" -> "llama", "GPT-J 6B" -> "gpt-j", "ResNet-50 (resnet) ..." -> "resnet".
QString workloadFamily(const QString &workload) {
    static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z-]*"));
    const auto m = word.match(workload);
    QString family = m.hasMatch() ? m.captured(0).toLower() : QStringLiteral("other");
    while (family.endsWith(u'-'))
        family.chop(1);
    return family;
}

} // namespace

CalibrationCases readCalibrationCases(const QString &folder) {
    CalibrationCases out;
    const QDir dir(folder);
    for (const QString &suffix : {QString(), QStringLiteral("-unseen")}) {
        const QString indexPath = dir.filePath(QStringLiteral("index%1.csv").arg(suffix));
        const QString measuredPath = dir.filePath(QStringLiteral("measured%1.csv").arg(suffix));
        const auto index = readTable(indexPath, out.errors);
        QHash<QString, QHash<QString, QString>> measured;
        for (const auto &row : readTable(measuredPath, out.errors))
            measured.insert(row.value(QStringLiteral("id")), row);
        for (const auto &row : index) {
            const QString id = row.value(QStringLiteral("id"));
            const int line = row.value(QStringLiteral("#line")).toInt();
            const auto fail = [&](const QString &why) {
                out.errors.append({indexPath, {}, line, 0, id + QStringLiteral(": ") + why});
            };
            if (!measured.contains(id)) {
                fail(QStringLiteral("not in ") + measuredPath);
                continue;
            }
            const auto &m = measured[id];
            bool ok = false;
            const double value = row.value(QStringLiteral("measured_value")).toDouble(&ok);
            if (!ok || !(value > 0)) {
                fail(QStringLiteral("the measured value is not a positive number"));
                continue;
            }
            const auto read = readScenarioFile(dir.filePath(row.value(QStringLiteral("file"))));
            if (!read.scenario) {
                out.errors += read.errors;
                continue;
            }
            const QString field = row.value(QStringLiteral("compare_field"));
            const QString chip = m.value(QStringLiteral("chip"));
            fit::Case c;
            c.id = id.toStdString();
            c.kind = field.section(u'.', 0, 0).toStdString();
            const QString group = chip.section(u'-', 0, 1) + u'/' +
                                  workloadFamily(m.value(QStringLiteral("workload")));
            c.group = group.toStdString();
            c.source = m.value(QStringLiteral("source_url")).toStdString();
            c.scenario = *read.scenario;
            // A measurement ran on the system its source describes, whose network the catalog's
            // chip carries; costed as rented it would run on the cheapest offering's network.
            c.scenario.costs.pricing = Pricing::owned;
            c.field = field.toStdString();
            c.measured = value;
            out.cases.push_back(std::move(c));
        }
    }
    if (out.cases.empty() && out.errors.isEmpty())
        out.errors.append({folder, {}, 0, 0, QStringLiteral("no calibration cases")});
    if (!out.errors.isEmpty())
        out.cases.clear();
    return out;
}

} // namespace accelplan::data
