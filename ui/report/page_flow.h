// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Lays text, tables and figures down a sequence of pages, breaking pages where needed and
// drawing the running header and page numbers. The report's sections talk to this, never to
// QPainter directly, so that every page looks the same.
//
// Coordinates are device units of a 96 dpi QPdfWriter: the resolution QCustomPlot assumes
// when it paints, so charts and text share one scale and fonts keep their point sizes.

#include <QFont>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QPagedPaintDevice;
class QCPPainter;

namespace accelplan::ui::report {

struct TocEntry {
    int level = 1; // 1: section, 2: subsection
    QString title;
    int page = 0; // 1-based
};

// A table for the page: a header row, then rows; each column has a relative width and an
// alignment. Rows that do not fit continue on the next page under a repeated header.
struct Table {
    QStringList header;
    QList<double> widths;            // relative; empty: equal
    QList<Qt::Alignment> alignments; // per column; empty: first left, the rest right
    QList<QStringList> rows;
};

class PageFlow {
public:
    // `painter` is active on `device`; `runningTitle` heads every page but the first.
    PageFlow(QPagedPaintDevice &device, QCPPainter &painter, QString runningTitle);

    QCPPainter &painter() { return painter_; }
    double contentWidth() const { return right_ - left_; }
    int page() const { return page_; }

    // Ends the current page (if anything is on it) and starts the next.
    void newPage();
    // Draws the header and page number of the last page; call once, at the end.
    void finish() { drawFurniture(); }
    // A numbered-looking section title; level 1 starts on a fresh page. Recorded for the
    // table of contents.
    void heading(const QString &title, int level = 1);
    void paragraph(const QString &text, bool small = false);
    // "Label: value" lines in two aligned columns.
    void keyValues(const QList<QPair<QString, QString>> &pairs);
    void table(const Table &table);
    // Reserves `height` (device units) across the full width and calls `draw` with the
    // rectangle, on a new page when the rest of this one is too short.
    void figure(double height, const std::function<void(QCPPainter &, const QRectF &)> &draw,
                const QString &caption);
    void space(double height) { y_ += height; }
    // Moves down to `fraction` of the page height (for the title page).
    void moveTo(double fraction);
    void title(const QString &text, double pointSize);

    const QList<TocEntry> &toc() const { return toc_; }

    // Fonts shared by the report; sizes in points.
    static QFont font(double pointSize, bool bold = false);
    double mm(double millimetres) const;

private:
    void ensureSpace(double height);
    void drawFurniture(); // header line and page number
    double textHeight(const QString &text, const QFont &font, double width) const;

    QPagedPaintDevice &device_;
    QCPPainter &painter_;
    QString runningTitle_;
    double left_ = 0, right_ = 0, top_ = 0, bottom_ = 0;
    double y_ = 0;
    int page_ = 1;
    bool pageHasContent_ = false;
    QList<TocEntry> toc_;
};

} // namespace accelplan::ui::report
