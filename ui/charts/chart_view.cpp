// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/chart_view.h"

#include "charts/chart_colors.h"
#include "charts/drawn_candidates.h"
#include "charts/log_ticker.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QMenu>
#include <QPicture>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QToolTip>

#include <vector>

namespace accelplan::ui {

namespace {
constexpr double kHoverTolerancePx = 8;
}

ChartView::ChartView(QWidget *parent) : QCustomPlot(parent) {
    setMinimumSize(320, 220);
    setAntialiasedElements(QCP::aeAll);
    setNoAntialiasingOnDrag(true);
    setMouseTracking(true);
    setSelectionTolerance(static_cast<int>(kHoverTolerancePx));
    dark_ = isDark(palette());
}

void ChartView::setAnalysis(const Analysis &analysis) {
    last_ = std::make_unique<Analysis>(analysis);
    clearAll();
    empty_ = false;
    categoryLabelWidth_ = 0;
    build(analysis);
    if (!empty_ && drawsEachCandidate()) {
        const DrawnCandidates drawn(analysis);
        if (!drawn.all())
            addSubtitle(drawn.note());
    }
    fitTo(width());
    // A chart on a hidden tab is drawn when it is shown: after an edit only the chart in view
    // costs drawing time. (Drawing offscreen, paint() and the exports, lay out by themselves.)
    if (isVisible())
        replot(QCustomPlot::rpQueuedReplot);
    else
        stale_ = true;
}

void ChartView::fitLegend(int width) {
    if (!legend_ || width <= 0)
        return;
    // As many entries side by side as fit in `width` (a long entry cut short is unreadable),
    // at most kLegendColumns. (The legend's cells past the last entry are empty.)
    std::vector<int> widths;
    for (int i = 0; i < legend_->itemCount(); ++i)
        if (const QCPAbstractLegendItem *entry = legend_->item(i))
            widths.push_back(entry->minimumOuterSizeHint().width());
    const int items = static_cast<int>(widths.size());
    if (items == 0)
        return;
    const int available = width - plotLayout()->margins().left() - plotLayout()->margins().right() -
                          legend_->margins().left() - legend_->margins().right();
    const auto needed = [&](int columns) {
        int total = (columns - 1) * legend_->columnSpacing();
        for (int c = 0; c < columns; ++c) {
            int widest = 0;
            for (int i = c; i < items; i += columns)
                widest = std::max(widest, widths[static_cast<std::size_t>(i)]);
            total += widest;
        }
        return total;
    };
    int columns = std::min(kLegendColumns, items);
    while (columns > 1 && needed(columns) > available)
        --columns;
    if (columns != legend_->wrap()) {
        legend_->setWrap(columns);
        legend_->setFillOrder(QCPLegend::foColumnsFirst, true); // re-flows the entries
    }
    // QCustomPlot sizes a legend row from its icons, which can leave the text's descenders
    // cut: reserve whole text lines.
    const int rows = (items + columns - 1) / columns;
    const QFontMetrics metrics(legend_->font());
    const int line = std::max(metrics.height(), legend_->iconSize().height()) + 4;
    legend_->setMinimumSize(0,
                            rows * line + legend_->margins().top() + legend_->margins().bottom());
}

void ChartView::fitTo(int width) {
    fitLegend(width);
    balancePanels(width);
}

void ChartView::resizeEvent(QResizeEvent *event) {
    fitTo(event->size().width());
    QCustomPlot::resizeEvent(event);
}

void ChartView::balancePanels(int width) {
    if (!panels_ || panels_->columnCount() < 2 || categoryLabelWidth_ <= 0 || width <= 0)
        return;
    // Only the first panel carries the category labels; giving its column their width on top
    // makes every panel's plot area equally wide.
    const int columns = panels_->columnCount();
    const double plot =
        std::max(40.0, (width - categoryLabelWidth_ - panels_->columnSpacing() * (columns - 1) -
                        plotLayout()->margins().left() - plotLayout()->margins().right()) /
                           static_cast<double>(columns));
    panels_->setColumnStretchFactor(0, plot + categoryLabelWidth_);
    for (int c = 1; c < columns; ++c)
        panels_->setColumnStretchFactor(c, plot);
}

void ChartView::showEvent(QShowEvent *event) {
    if (stale_) {
        stale_ = false;
        replot(QCustomPlot::rpImmediateRefresh);
    }
    QCustomPlot::showEvent(event);
}

void ChartView::clearAll() {
    tips_.clear();
    clearItems();
    clearPlottables();
    clearGraphs();
    plotLayout()->clear(); // axis rects, legends, the title: each chart lays out its own
    titleElement_ = nullptr;
    panels_ = nullptr;
    legend_ = nullptr;
    dark_ = isDark(palette());
    setBackground(palette().color(QPalette::Base));
    plotLayout()->insertRow(0);
    titleElement_ = new QCPTextElement(this, title_,
                                       QFont(font().family(), font().pointSize() + 2, QFont::Bold));
    titleElement_->setTextColor(textColor());
    plotLayout()->addElement(0, 0, titleElement_);
}

QCPAxisRect *ChartView::addPanel(int column) {
    if (!panels_) {
        panels_ = new QCPLayoutGrid;
        plotLayout()->addElement(plotLayout()->rowCount(), 0, panels_);
        panels_->setColumnSpacing(12);
    }
    auto *rect = new QCPAxisRect(this);
    panels_->addElement(0, column, rect);
    styleAxisRect(rect);
    rect->setupFullAxesBox(false);
    for (QCPAxis *axis : {rect->axis(QCPAxis::atTop), rect->axis(QCPAxis::atRight)}) {
        axis->setVisible(true);
        axis->setTickLabels(false);
        axis->setTicks(false);
        axis->grid()->setVisible(false);
        axis->setBasePen(QPen(gridColor()));
    }
    return rect;
}

QCPLegend *ChartView::addLegendRow() {
    // Between two stretching spacers the legend keeps its natural width: its entries sit
    // together under the plots rather than spread over the chart's whole width.
    auto *row = new QCPLayoutGrid;
    const int index = plotLayout()->rowCount();
    plotLayout()->addElement(index, 0, row);
    plotLayout()->setRowStretchFactor(index, 0.001);
    auto *legendBox = new QCPLegend;
    row->addElement(0, 0, new QCPLayoutElement(this));
    row->addElement(0, 1, legendBox);
    row->addElement(0, 2, new QCPLayoutElement(this));
    row->setColumnStretchFactor(1, 0.001);
    legendBox->setLayer(QStringLiteral("legend"));
    legendBox->setFillOrder(QCPLegend::foColumnsFirst);
    legendBox->setWrap(kLegendColumns);
    legendBox->setMargins(QMargins(6, 4, 6, 8));
    legendBox->setColumnSpacing(18);
    legendBox->setVisible(true);
    styleLegend(legendBox);
    legend_ = legendBox;
    legendBox->setBorderPen(QPen(Qt::NoPen));
    return legendBox;
}

void ChartView::styleNote(QCPItemText *note, const QColor &color) const {
    note->setColor(color);
    QColor backdrop = palette().color(QPalette::Base);
    backdrop.setAlpha(220);
    note->setBrush(QBrush(backdrop));
    note->setLayer(QStringLiteral("axes"));
}

void ChartView::addSubtitle(const QString &text) {
    auto *note = new QCPTextElement(this, text, QFont(font().family(), font().pointSize() - 1));
    note->setTextColor(textColor());
    plotLayout()->insertRow(1);
    plotLayout()->addElement(1, 0, note);
}

void ChartView::setCategories(QCPAxis *axis, const QStringList &labels, bool showLabels) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < labels.size(); ++i)
        ticker->addTick(i, labels[i]);
    axis->setTicker(ticker);
    axis->setTickLabels(showLabels);
    axis->setSubTicks(false);
    axis->setTickLength(0, 4);
    axis->grid()->setVisible(false);
    axis->setRange(-0.6, labels.size() - 0.4);
    axis->setRangeReversed(true); // the first candidate on top, as in the table
    if (showLabels) {
        const QFontMetrics metrics(axis->tickLabelFont());
        int widest = 0;
        for (const QString &label : labels)
            widest = std::max(widest, metrics.horizontalAdvance(label));
        categoryLabelWidth_ = widest + axis->tickLabelPadding() + axis->padding() + 12;
    }
}

void ChartView::setLogScale(QCPAxis *axis, int base) const {
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(QSharedPointer<LogTicker>::create(base));
}

void ChartView::setTitle(const QString &title) {
    title_ = title;
    if (titleElement_)
        titleElement_->setText(title);
}

void ChartView::showEmpty(const QString &why) {
    empty_ = true;
    auto *message = new QCPTextElement(this, why, font());
    message->setTextColor(textColor());
    plotLayout()->addElement(plotLayout()->rowCount(), 0, message);
    plotLayout()->setRowStretchFactor(plotLayout()->rowCount() - 1, 1);
}

void ChartView::setTip(QCPAbstractPlottable *plottable, std::function<QString(int)> describe) {
    tips_.insert(plottable, std::move(describe));
}

QColor ChartView::textColor() const { return palette().color(QPalette::Text); }

QColor ChartView::gridColor() const {
    QColor c = textColor();
    c.setAlpha(dark_ ? 60 : 40);
    return c;
}

void ChartView::styleAxis(QCPAxis *axis) const {
    const QColor text = textColor();
    axis->setBasePen(QPen(text, 1));
    axis->setTickPen(QPen(text, 1));
    axis->setSubTickPen(QPen(text, 1));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(gridColor(), 1, Qt::DotLine));
    axis->grid()->setSubGridPen(QPen(Qt::NoPen));
    axis->grid()->setZeroLinePen(QPen(Qt::NoPen));
}

void ChartView::styleAxisRect(QCPAxisRect *rect) const {
    for (QCPAxis *axis : rect->axes())
        styleAxis(axis);
}

void ChartView::styleLegend(QCPLegend *legendBox) const {
    legendBox->setBrush(QBrush(palette().color(QPalette::Base)));
    legendBox->setBorderPen(QPen(gridColor()));
    legendBox->setTextColor(textColor());
    legendBox->setIconSize(14, 10);
}

QString ChartView::hoverText(const QPointF &pos) const {
    double best = kHoverTolerancePx;
    QString text;
    for (auto it = tips_.constBegin(); it != tips_.constEnd(); ++it) {
        QVariant details;
        const double distance = it.key()->selectTest(pos, false, &details);
        if (distance < 0 || distance > best)
            continue;
        const auto selection = details.value<QCPDataSelection>();
        if (selection.isEmpty())
            continue;
        best = distance;
        text = it.value()(selection.dataRange().begin());
    }
    return text;
}

void ChartView::mouseMoveEvent(QMouseEvent *event) {
    QCustomPlot::mouseMoveEvent(event);
    const QString text = hoverText(event->position());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void ChartView::changeEvent(QEvent *event) {
    QCustomPlot::changeEvent(event);
    // A new palette (light to dark) redraws in the new colours.
    if (event->type() == QEvent::PaletteChange && last_ && isDark(palette()) != dark_) {
        const Analysis analysis = *last_;
        setAnalysis(analysis);
    }
}

void ChartView::paint(QPainter &painter, const QRectF &target, QSize layoutSize) {
    if (!layoutSize.isValid())
        layoutSize = target.size().toSize();
    // Recorded as drawing commands and replayed scaled: vectors stay vectors on a PDF page.
    QPicture picture;
    {
        QCPPainter recorder(&picture);
        fitTo(layoutSize.width());
        toPainter(&recorder, layoutSize.width(), layoutSize.height());
    }
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(target.width() / layoutSize.width(), target.height() / layoutSize.height());
    painter.drawPicture(0, 0, picture);
    painter.restore();
}

QPixmap ChartView::renderPixmap(QSize size, double devicePixelRatio) {
    fitTo(size.width());
    return toPixmap(size.width(), size.height(), devicePixelRatio);
}

bool ChartView::exportPng(const QString &path, QSize size) {
    if (!size.isValid())
        size = kDefaultExportSize;
    fitTo(size.width());
    return savePng(path, size.width(), size.height(), 2.0);
}

bool ChartView::exportPdf(const QString &path, QSize size) {
    if (!size.isValid())
        size = kDefaultExportSize;
    fitTo(size.width());
    return savePdf(path, size.width(), size.height(), QCP::epNoCosmetic,
                   QStringLiteral("AccelPlan"), title_);
}

bool ChartView::exportSvg(const QString &path, QSize size) {
    if (!size.isValid())
        size = kDefaultExportSize;
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(title_);
    svg.setDescription(tr("Chart exported by AccelPlan"));
    QCPPainter painter;
    if (!painter.begin(&svg))
        return false;
    fitTo(size.width());
    toPainter(&painter, size.width(), size.height());
    return painter.end();
}

void ChartView::copyToClipboard() {
    QApplication::clipboard()->setPixmap(renderPixmap(kDefaultExportSize));
}

void ChartView::exportDialog(const QString &filter, const QString &suffix,
                             bool (ChartView::*write)(const QString &, QSize)) {
    QString name = title_.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    const QString start = QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                              .filePath(name + suffix);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), start, filter);
    if (path.isEmpty())
        return;
    if (!(this->*write)(path, kDefaultExportSize))
        QMessageBox::warning(
            this, tr("Export Chart"),
            tr("The chart could not be written to %1.").arg(QDir::toNativeSeparators(path)));
}

void ChartView::contextMenuEvent(QContextMenuEvent *event) {
    QMenu menu(this);
    menu.addAction(tr("Export as PNG…"), this, [this] {
        exportDialog(tr("PNG image (*.png)"), QStringLiteral(".png"), &ChartView::exportPng);
    });
    menu.addAction(tr("Export as PDF…"), this, [this] {
        exportDialog(tr("PDF document (*.pdf)"), QStringLiteral(".pdf"), &ChartView::exportPdf);
    });
    menu.addAction(tr("Export as SVG…"), this, [this] {
        exportDialog(tr("SVG image (*.svg)"), QStringLiteral(".svg"), &ChartView::exportSvg);
    });
    menu.addSeparator();
    menu.addAction(tr("Copy to Clipboard"), this, &ChartView::copyToClipboard);
    menu.exec(event->globalPos());
}

} // namespace accelplan::ui
