// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/results_columns.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStringList>

namespace accelplan::ui {
namespace {

using Column = ResultsModel::Column;

const char *keyOf(ResultsFocus focus) {
    switch (focus) {
    case ResultsFocus::overview: return "overview";
    case ResultsFocus::training: return "training";
    case ResultsFocus::serving: return "serving";
    case ResultsFocus::cost: return "cost";
    case ResultsFocus::energy: return "energy";
    case ResultsFocus::all: return "all";
    }
    return "overview";
}

QString settingsKey(ResultsFocus focus) {
    return QStringLiteral("results/columns/") + QLatin1String(keyOf(focus));
}

QString tr(const char *text) { return QCoreApplication::translate("ResultsColumns", text); }

} // namespace

QString focusTitle(ResultsFocus focus) {
    switch (focus) {
    case ResultsFocus::overview: return tr("Overview");
    case ResultsFocus::training: return tr("Training");
    case ResultsFocus::serving: return tr("Serving");
    case ResultsFocus::cost: return tr("Cost");
    case ResultsFocus::energy: return tr("Energy");
    case ResultsFocus::all: return tr("All");
    }
    return {};
}

QString focusToolTip(ResultsFocus focus) {
    switch (focus) {
    case ResultsFocus::overview: return tr("The answer at a glance: time, cost and latency");
    case ResultsFocus::training:
        return tr("How each candidate trains: time, range, MFU, layout "
                  "and memory");
    case ResultsFocus::serving:
        return tr("How each candidate serves: latency, throughput, batch "
                  "and memory");
    case ResultsFocus::cost: return tr("What each candidate costs to train and to serve");
    case ResultsFocus::energy: return tr("Energy and emissions of training and serving");
    case ResultsFocus::all: return tr("Every column");
    }
    return {};
}

std::vector<Column> defaultColumns(ResultsFocus focus) {
    switch (focus) {
    case ResultsFocus::overview:
        // Each half's two numbers a planner asks first (training: time and cost; serving:
        // TTFT, or the real-time factor for speech, and the month's cost); TPOT, latency and
        // the cost per million tokens are in Serving and Cost. More no longer fits beside the
        // card at 1280 pixels.
        return {Column::rank,        Column::chip,         Column::count,
                Column::timeToTrain, Column::trainingCost, Column::ttft,
                Column::realTime,    Column::monthlyCost,  Column::problems};
    case ResultsFocus::training:
        return {Column::rank,      Column::chip,        Column::count,       Column::offering,
                Column::trainFits, Column::timeToTrain, Column::timeRange,   Column::trainingCost,
                Column::mfu,       Column::layout,      Column::trainMemory, Column::problems};
    case ResultsFocus::serving:
        return {Column::rank,       Column::chip,    Column::count,    Column::offering,
                Column::inferFits,  Column::batch,   Column::ttft,     Column::tpot,
                Column::throughput, Column::latency, Column::realTime, Column::inferMemory,
                Column::problems};
    case ResultsFocus::cost:
        return {Column::rank,        Column::chip,         Column::count,
                Column::offering,    Column::trainingCost, Column::costPerMillion,
                Column::monthlyCost, Column::energy,       Column::problems};
    case ResultsFocus::energy:
        return {Column::rank,         Column::chip,        Column::count,
                Column::energy,       Column::co2,         Column::requestEnergy,
                Column::trainingCost, Column::monthlyCost, Column::problems};
    case ResultsFocus::all: return {};
    }
    return {};
}

std::vector<Column> chosenColumns(ResultsFocus focus) {
    const QStringList keys = QSettings().value(settingsKey(focus)).toStringList();
    std::vector<Column> out;
    for (const QString &key : keys)
        if (const auto c = ResultsModel::columnFromKey(key))
            out.push_back(*c);
    // Nothing saved, or only names this version no longer has: the focus's own set.
    return out.empty() ? defaultColumns(focus) : out;
}

void saveChosenColumns(ResultsFocus focus, const std::vector<Column> &columns) {
    QStringList keys;
    for (Column c : columns)
        keys << ResultsModel::keyOf(c);
    QSettings().setValue(settingsKey(focus), keys);
}

void resetChosenColumns(ResultsFocus focus) { QSettings().remove(settingsKey(focus)); }

ResultsFocus lastFocus() {
    const QString key = QSettings().value(QStringLiteral("results/focus")).toString();
    for (ResultsFocus f : kResultsFoci)
        if (key == QLatin1String(keyOf(f)))
            return f;
    return ResultsFocus::overview;
}

void saveLastFocus(ResultsFocus focus) {
    QSettings().setValue(QStringLiteral("results/focus"), QLatin1String(keyOf(focus)));
}

} // namespace accelplan::ui
