// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes the PDF report: title page, contents, summary, assumptions, results, charts,
// candidate details, catalog values with sources, method. Text and charts are vectors.
//
// Needs a QApplication (the charts are QCustomPlot widgets, drawn without being shown).

#include "report/report_input.h"

#include <QString>

namespace accelplan::ui::report {

enum class PaperSize { a4, letter };

// Writes with data::writeFileWhole (io/save_file.h): on any failure a file at `path` is left as
// it was and `error` says why.
bool writeReport(const ReportInput &input, const QString &path, PaperSize paper, QString *error);

} // namespace accelplan::ui::report
