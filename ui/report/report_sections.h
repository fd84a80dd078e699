// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The report's sections, each written onto the page flow in reading order. The charts are
// in report_charts.h; the order of the whole document is in report_writer.cpp.

#include "report/page_flow.h"
#include "report/report_input.h"

namespace accelplan::ui::report {

void writeTitlePage(PageFlow &flow, const ReportInput &in);
// `toc` comes from a first pass over the document (the contents page itself is one page).
void writeContents(PageFlow &flow, const QList<TocEntry> &toc);
void writeSummary(PageFlow &flow, const ReportInput &in);
void writeAssumptions(PageFlow &flow, const ReportInput &in);
void writeResults(PageFlow &flow, const ReportInput &in);
void writeCandidateDetails(PageFlow &flow, const ReportInput &in);
void writeCatalogValues(PageFlow &flow, const ReportInput &in);
void writeMethod(PageFlow &flow, const ReportInput &in);

} // namespace accelplan::ui::report
