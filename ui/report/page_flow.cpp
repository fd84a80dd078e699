// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/page_flow.h"

#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QTextLayout>
#include <QTextOption>
#include <qcustomplot.h>

#include <algorithm>
#include <numeric>

namespace accelplan::ui::report {

namespace {

const QColor kAccent(0x1f, 0x4e, 0x79);
const QColor kRule(0xb0, 0xb8, 0xc4);
const QColor kMuted(0x5a, 0x63, 0x70);
const QColor kStripe(0xf1, 0xf4, 0xf8);

constexpr double kBodyPoints = 9.5;
constexpr double kSmallPoints = 8;

} // namespace

QFont PageFlow::font(double pointSize, bool bold) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    // Outline glyph metrics: the layout measured here is the layout the PDF shows.
    f.setHintingPreference(QFont::PreferNoHinting);
    // No ligatures: text copied or searched in the PDF reads "fine", not "ﬁne".
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

PageFlow::PageFlow(QPagedPaintDevice &device, QCPPainter &painter, QString runningTitle)
    : device_(device), painter_(painter), runningTitle_(std::move(runningTitle)) {
    const QRect page = device_.pageLayout().paintRectPixels(device_.logicalDpiX());
    left_ = page.left();
    right_ = page.right();
    top_ = page.top() + mm(8); // room for the running header
    bottom_ = page.bottom() - mm(8);
    y_ = top_;
}

double PageFlow::mm(double millimetres) const { return millimetres * device_.logicalDpiX() / 25.4; }

void PageFlow::newPage() {
    if (!pageHasContent_)
        return;
    drawFurniture();
    device_.newPage();
    ++page_;
    y_ = top_;
    pageHasContent_ = false;
}

void PageFlow::drawFurniture() {
    if (page_ == 1)
        return; // the title page stands alone
    painter_.save();
    painter_.setFont(font(kSmallPoints));
    painter_.setPen(kMuted);
    const double headerY = top_ - mm(6);
    // A long scenario name is cut short with an ellipsis before it reaches the right-hand
    // label.
    const QString label = QStringLiteral("AccelPlan report");
    const QFontMetricsF metrics(painter_.font(), painter_.device());
    const double room = right_ - left_ - metrics.horizontalAdvance(label) - mm(4);
    painter_.drawText(QRectF(left_, headerY, right_ - left_, mm(5)),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(runningTitle_, Qt::ElideRight, room));
    painter_.drawText(QRectF(left_, headerY, right_ - left_, mm(5)),
                      Qt::AlignRight | Qt::AlignVCenter, label);
    painter_.setPen(QPen(kRule, 0.8));
    painter_.drawLine(QPointF(left_, top_ - mm(1)), QPointF(right_, top_ - mm(1)));
    painter_.setPen(kMuted);
    painter_.drawText(QRectF(left_, bottom_ + mm(2), right_ - left_, mm(5)),
                      Qt::AlignHCenter | Qt::AlignVCenter, QStringLiteral("Page %1").arg(page_));
    painter_.restore();
}

void PageFlow::ensureSpace(double height) {
    if (y_ + height > bottom_ && pageHasContent_)
        newPage();
    pageHasContent_ = true;
}

double PageFlow::textHeight(const QString &text, const QFont &f, double width) const {
    const QFontMetricsF metrics(f, &device_);
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

void PageFlow::title(const QString &text, double pointSize) {
    const QFont f = font(pointSize, true);
    const double h = textHeight(text, f, contentWidth());
    ensureSpace(h);
    painter_.setFont(f);
    painter_.setPen(kAccent);
    painter_.drawText(QRectF(left_, y_, contentWidth(), h), Qt::TextWordWrap, text);
    y_ += h + mm(2);
}

void PageFlow::moveTo(double fraction) { y_ = std::max(y_, top_ + (bottom_ - top_) * fraction); }

void PageFlow::heading(const QString &text, int level) {
    if (level == 1)
        newPage();
    const QFont f = font(level == 1 ? 15 : 11.5, true);
    const double h = textHeight(text, f, contentWidth());
    // Keep a heading with at least a few lines of what follows it.
    ensureSpace(h + mm(level == 1 ? 4 : 25));
    if (level > 1 && y_ > top_)
        y_ += mm(3);
    toc_.append({level, text, page_});
    painter_.setFont(f);
    painter_.setPen(kAccent);
    painter_.drawText(QRectF(left_, y_, contentWidth(), h), Qt::TextWordWrap, text);
    y_ += h + mm(1);
    if (level == 1) {
        painter_.setPen(QPen(kAccent, 1.2));
        painter_.drawLine(QPointF(left_, y_), QPointF(right_, y_));
        y_ += mm(3);
    }
}

void PageFlow::paragraph(const QString &text, bool small) {
    const QFont f = font(small ? kSmallPoints : kBodyPoints);
    painter_.setFont(f);
    painter_.setPen(small ? kMuted : Qt::black);
    // Paragraphs split at page ends by line, so long text never runs off a page.
    const QFontMetricsF metrics(f, &device_);
    QTextLayout layout(text, f, &device_);
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    QList<QTextLine> lines;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(contentWidth());
        lines.append(line);
    }
    layout.endLayout();
    for (const QTextLine &line : lines) {
        ensureSpace(metrics.lineSpacing());
        painter_.setFont(f);
        painter_.setPen(small ? kMuted : Qt::black);
        const QString part = text.mid(line.textStart(), line.textLength());
        painter_.drawText(QPointF(left_, y_ + metrics.ascent()), part.trimmed());
        y_ += metrics.lineSpacing();
    }
    y_ += mm(2);
}

void PageFlow::keyValues(const QList<QPair<QString, QString>> &pairs) {
    const QFont keyFont = font(kBodyPoints, true);
    const QFont valueFont = font(kBodyPoints);
    const double keyWidth = contentWidth() * 0.34;
    const double valueWidth = contentWidth() - keyWidth;
    for (const auto &[key, value] : pairs) {
        const double h = std::max(textHeight(key, keyFont, keyWidth - mm(2)),
                                  textHeight(value, valueFont, valueWidth));
        ensureSpace(h);
        painter_.setPen(kMuted);
        painter_.setFont(keyFont);
        painter_.drawText(QRectF(left_, y_, keyWidth - mm(2), h), Qt::TextWordWrap, key);
        painter_.setPen(Qt::black);
        painter_.setFont(valueFont);
        painter_.drawText(QRectF(left_ + keyWidth, y_, valueWidth, h), Qt::TextWordWrap, value);
        y_ += h + mm(0.8);
    }
    y_ += mm(2);
}

void PageFlow::table(const Table &t) {
    const auto columns = t.header.size();
    QList<double> widths = t.widths;
    if (widths.size() != columns)
        widths = QList<double>(columns, 1.0);
    const double total = std::accumulate(widths.begin(), widths.end(), 0.0);
    QList<double> x{left_};
    for (double w : widths)
        x.append(x.last() + contentWidth() * w / total);
    const auto alignment = [&](qsizetype c) -> Qt::Alignment {
        if (c < t.alignments.size())
            return t.alignments[c];
        return c == 0 ? Qt::AlignLeft : Qt::AlignRight;
    };
    const double pad = mm(1.2);
    const QFont headFont = font(kSmallPoints, true);
    const QFont cellFont = font(kSmallPoints);
    const auto rowHeight = [&](const QStringList &cells, const QFont &f) {
        double h = 0;
        for (qsizetype c = 0; c < columns; ++c)
            h = std::max(h, textHeight(cells.value(c), f, x[c + 1] - x[c] - 2 * pad));
        return h + 2 * pad;
    };
    const auto drawRow = [&](const QStringList &cells, const QFont &f, double h, bool head,
                             bool stripe) {
        if (head)
            painter_.fillRect(QRectF(left_, y_, contentWidth(), h), kAccent);
        else if (stripe)
            painter_.fillRect(QRectF(left_, y_, contentWidth(), h), kStripe);
        painter_.setFont(f);
        painter_.setPen(head ? Qt::white : Qt::black);
        for (qsizetype c = 0; c < columns; ++c)
            painter_.drawText(QRectF(x[c] + pad, y_ + pad, x[c + 1] - x[c] - 2 * pad, h - 2 * pad),
                              int(alignment(c) | Qt::AlignTop) | Qt::TextWordWrap, cells.value(c));
        y_ += h;
    };
    const double headHeight = rowHeight(t.header, headFont);
    ensureSpace(headHeight * 2);
    drawRow(t.header, headFont, headHeight, true, false);
    for (qsizetype r = 0; r < t.rows.size(); ++r) {
        const double h = rowHeight(t.rows[r], cellFont);
        if (y_ + h > bottom_) {
            newPage();
            pageHasContent_ = true;
            drawRow(t.header, headFont, headHeight, true, false);
        }
        drawRow(t.rows[r], cellFont, h, false, r % 2 == 1);
    }
    painter_.setPen(QPen(kRule, 0.8));
    painter_.drawLine(QPointF(left_, y_), QPointF(right_, y_));
    y_ += mm(4);
}

void PageFlow::figure(double height, const std::function<void(QCPPainter &, const QRectF &)> &draw,
                      const QString &caption) {
    const QFont f = font(kSmallPoints);
    const double captionHeight = caption.isEmpty() ? 0 : textHeight(caption, f, contentWidth());
    ensureSpace(height + captionHeight + mm(2));
    painter_.save();
    draw(painter_, QRectF(left_, y_, contentWidth(), height));
    painter_.restore();
    y_ += height + mm(1);
    if (!caption.isEmpty()) {
        painter_.setFont(f);
        painter_.setPen(kMuted);
        painter_.drawText(QRectF(left_, y_, contentWidth(), captionHeight), Qt::TextWordWrap,
                          caption);
        y_ += captionHeight;
    }
    y_ += mm(4);
}

} // namespace accelplan::ui::report
