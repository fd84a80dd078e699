// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every chart shares: a title, colours from the widget's palette (light or dark), hover
// tooltips with exact values, and export to PNG, vector PDF, SVG and the clipboard from the
// context menu. A chart also works without ever being shown: construct it, setAnalysis(),
// then paint() it onto any QPainter (the PDF report) or render it to a pixmap.

#include "plan/analysis.h"

#include <qcustomplot.h>

#include <QHash>
#include <QString>

#include <functional>

namespace accelplan::ui {

class ChartView : public QCustomPlot {
    Q_OBJECT
public:
    explicit ChartView(QWidget *parent = nullptr);

    // Rebuilds the chart from `analysis`. Charts keep what they plotted for tests and the
    // report (see each chart's data()).
    void setAnalysis(const Analysis &analysis);
    QString title() const { return title_; }
    // Whether the analysis had nothing this chart can show (the chart then says why).
    bool isEmpty() const { return empty_; }

    // Draws the chart into `target` on any painter (a PDF page, an SVG, a pixmap), laid out
    // as if it were `layoutSize` pixels large (fonts keep their size relative to that).
    void paint(QPainter &painter, const QRectF &target, QSize layoutSize = {});
    QPixmap renderPixmap(QSize size, double devicePixelRatio = 1.0);
    bool exportPng(const QString &path, QSize size = {});
    bool exportPdf(const QString &path, QSize size = {});
    bool exportSvg(const QString &path, QSize size = {});
    void copyToClipboard();

    // The tooltip for a point of the widget, empty when no data is near it.
    QString hoverText(const QPointF &pos) const;

    static constexpr QSize kDefaultExportSize{1200, 750};
    static constexpr int kLegendColumns = 6;

protected:
    // Builds the plot; the base has cleared it and set the palette's colours.
    virtual void build(const Analysis &analysis) = 0;
    // Whether the chart draws a series per candidate, and so only the best-ranked of many
    // (drawn_candidates.h), which its subtitle then says.
    virtual bool drawsEachCandidate() const { return true; }

    void setTitle(const QString &title);
    // A line of smaller text under the title (how to read the chart).
    void addSubtitle(const QString &text);
    // Shows `why` in place of the plot when there is nothing to plot.
    void showEmpty(const QString &why);
    // `describe(i)` is the tooltip for data point i of `plottable`.
    void setTip(QCPAbstractPlottable *plottable, std::function<QString(int)> describe);
    // Axes, grid and legend in the palette's colours.
    void styleAxis(QCPAxis *axis) const;
    void styleAxisRect(QCPAxisRect *rect) const;
    void styleLegend(QCPLegend *legendBox) const;
    // A plot area in the row below the title; more than one stand side by side by `column`.
    QCPAxisRect *addPanel(int column = 0);
    // A legend in its own row below the plots, centred, filling left to right.
    QCPLegend *addLegendRow();
    // A note on a plot (a limit's name) in `color`, on an opaque backdrop above the data so
    // that a line crossing it does not make it unreadable.
    void styleNote(QCPItemText *note, const QColor &color) const;
    // Category ticks on `axis`, one per label at 0, 1, ..., the first on top.
    void setCategories(QCPAxis *axis, const QStringList &labels, bool showLabels);
    // A log scale with ticks people read (see LogTicker); base 2 for chip counts.
    void setLogScale(QCPAxis *axis, int base = 10) const;
    bool dark() const { return dark_; }
    QColor textColor() const;
    QColor gridColor() const;

    void mouseMoveEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void clearAll();
    // Side-by-side panels get equally wide plot areas at `width` pixels.
    void balancePanels(int width);
    // Lays the chart out for `width` pixels: the legend, then the panels.
    void fitTo(int width);
    // Puts as many legend entries side by side as fit in `width`, and reserves whole text
    // lines for its rows.
    void fitLegend(int width);
    void exportDialog(const QString &filter, const QString &suffix,
                      bool (ChartView::*write)(const QString &, QSize));

    QString title_;
    QCPTextElement *titleElement_ = nullptr;
    QCPLayoutGrid *panels_ = nullptr;
    QCPLegend *legend_ = nullptr;
    bool empty_ = true;
    bool dark_ = false;
    bool stale_ = false;         // built while hidden: to be drawn when shown
    int categoryLabelWidth_ = 0; // of the first panel's category labels, in pixels
    QHash<QCPAbstractPlottable *, std::function<QString(int)>> tips_;
    std::unique_ptr<Analysis> last_; // rebuilt from when the palette changes
};

} // namespace accelplan::ui
