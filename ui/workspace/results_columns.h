// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which of the results table's columns show, and in which order. A focus picks a set a reader
// needs for one question (the overview fits a 1280-pixel-wide window without scrolling
// sideways); within a focus the user hides, shows and drags columns, remembered in the
// settings per focus until Reset Columns. A set names columns the scenario may not have
// (training columns for a serving-only scenario): those are left out when shown.

#include "workspace/results_model.h"

#include <QString>

#include <vector>

namespace accelplan::ui {

enum class ResultsFocus { overview, training, serving, cost, energy, all };

inline constexpr ResultsFocus kResultsFoci[] = {ResultsFocus::overview, ResultsFocus::training,
                                                ResultsFocus::serving,  ResultsFocus::cost,
                                                ResultsFocus::energy,   ResultsFocus::all};

QString focusTitle(ResultsFocus focus); // "Overview", "Training", ...
QString focusToolTip(ResultsFocus focus);

// The columns the focus shows unless the user changed them. `all`: every column, in the
// model's order (an empty list).
std::vector<ResultsModel::Column> defaultColumns(ResultsFocus focus);

// The user's columns for the focus (from the settings), else its default ones.
std::vector<ResultsModel::Column> chosenColumns(ResultsFocus focus);
void saveChosenColumns(ResultsFocus focus, const std::vector<ResultsModel::Column> &columns);
void resetChosenColumns(ResultsFocus focus);

// The focus the table showed last, remembered across runs.
ResultsFocus lastFocus();
void saveLastFocus(ResultsFocus focus);

} // namespace accelplan::ui
