// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report_writer.h"

#include "io/save_file.h"
#include "report/report_charts.h"
#include "report/report_sections.h"
#include "support/text.h"

#include <QBuffer>
#include <QPdfWriter>
#include <qcustomplot.h>

namespace accelplan::ui::report {

namespace {

// The resolution QCustomPlot paints at (see page_flow.h).
constexpr int kDotsPerInch = 96;

// Lays the whole document out on `device`; returns the sections as they fell on the pages.
QList<TocEntry> writeDocument(QPdfWriter &writer, const ReportInput &in,
                              const QList<TocEntry> &toc) {
    QCPPainter painter(&writer);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setRenderHint(QPainter::Antialiasing);
    PageFlow flow(writer, painter,
                  in.scenario().name.empty() ? QStringLiteral("Untitled scenario")
                                             : qs(in.scenario().name));
    writeTitlePage(flow, in);
    writeContents(flow, toc);
    writeSummary(flow, in);
    writeAssumptions(flow, in);
    writeResults(flow, in);
    writeCharts(flow, in);
    writeCandidateDetails(flow, in);
    writeCatalogValues(flow, in);
    writeMethod(flow, in);
    flow.finish();
    painter.end();
    return flow.toc();
}

void setUp(QPdfWriter &writer, const ReportInput &in, PaperSize paper) {
    writer.setResolution(kDotsPerInch);
    writer.setPageSize(QPageSize(paper == PaperSize::a4 ? QPageSize::A4 : QPageSize::Letter));
    writer.setPageMargins(QMarginsF(18, 16, 18, 16), QPageLayout::Millimeter);
    writer.setTitle(QStringLiteral("AccelPlan report: ") + qs(in.scenario().name));
    writer.setCreator(QStringLiteral("AccelPlan"));
}

} // namespace

bool writeReport(const ReportInput &input, const QString &path, PaperSize paper, QString *error) {
    // First pass into memory to learn on which page each section falls; the contents page
    // then lists them, and the second pass writes the document. The contents take one page in
    // both passes, so the page numbers hold.
    QList<TocEntry> toc;
    {
        QBuffer scratch;
        scratch.open(QIODevice::WriteOnly);
        QPdfWriter first(&scratch);
        setUp(first, input, paper);
        toc = writeDocument(first, input, {});
    }
    // The second pass goes into memory too: QPdfWriter does not check its writes, so streaming
    // into the file let a short write on a full disk pass as a whole report.
    QBuffer document;
    document.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&document);
        setUp(writer, input, paper);
        writeDocument(writer, input, toc);
    }
    QString reason;
    if (!data::writeFileWhole(path, document.data(), &reason)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, reason);
        return false;
    }
    return true;
}

} // namespace accelplan::ui::report
