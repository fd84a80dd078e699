// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/latency_chart.h"

#include "charts/axis_scale.h"
#include "charts/chart_colors.h"
#include "charts/drawn_candidates.h"
#include "charts/output_unit.h"
#include "support/text.h"

#include <algorithm>
#include <limits>

namespace accelplan::ui {

LatencyData latencyData(const Analysis &a) {
    LatencyData d;
    if (!a.scenario.inference)
        return d;
    d.tokens = servesTokens(a.scenario);
    const Slo &slo = a.scenario.inference->slo;
    if (d.tokens && slo.tpot)
        d.latencySlo = slo.tpot->value();
    if (slo.ttft)
        d.ttftSlo = slo.ttft->value();
    const DrawnCandidates drawn(a);
    for (std::size_t i = 0; i < a.curves.size() && i < a.evaluation.results.size(); ++i) {
        const ThroughputLatencyCurve &curve = a.curves[i];
        if (curve.points.empty() || !drawn.contains(i))
            continue;
        const CandidateResult &r = a.evaluation.results[i];
        LatencySeries s;
        s.candidate = i;
        s.label = candidateLabel(*a.catalog, r.chipId, r.count);
        s.points = curve.points;
        for (std::size_t k = 0; k < curve.points.size(); ++k) {
            const CurvePoint &p = curve.points[k];
            s.x.push_back(d.tokens ? p.tpot.value() : p.latency.value());
            s.y.push_back(d.tokens ? p.tokensPerSecondPerChip : p.samplesPerSecondPerChip);
            if (r.inference && r.inference->fits && p.batch == r.inference->batch)
                s.operatingPoint = k;
        }
        d.series.push_back(std::move(s));
    }
    return d;
}

LatencyChart::LatencyChart(QWidget *parent) : ChartView(parent) {
    setObjectName(QStringLiteral("latencyChart"));
    setTitle(tr("Throughput against latency"));
}

void LatencyChart::build(const Analysis &a) {
    data_ = latencyData(a);
    setTitle(data_.tokens ? tr("Serving: throughput per chip against time per output token")
                          : tr("Serving: throughput per chip against batch latency"));
    if (!a.scenario.inference) {
        showEmpty(tr("The scenario does not serve: tick Inference in the Scenario panel."));
        return;
    }
    if (data_.series.empty()) {
        showEmpty(tr("No candidate can serve this model."));
        return;
    }
    double minX = std::numeric_limits<double>::max(), maxX = 0, maxY = 0;
    for (const LatencySeries &s : data_.series)
        for (std::size_t k = 0; k < s.x.size(); ++k)
            if (s.x[k] > 0) {
                minX = std::min(minX, s.x[k]);
                maxX = std::max(maxX, s.x[k]);
                maxY = std::max(maxY, s.y[k]);
            }
    if (data_.latencySlo) {
        minX = std::min(minX, *data_.latencySlo);
        maxX = std::max(maxX, *data_.latencySlo);
    }
    if (maxX <= 0) {
        showEmpty(tr("No latency to plot."));
        return;
    }
    const AxisScale xs = timeScale(maxX);
    QCPAxisRect *rect = addPanel();
    QCPLegend *legendBox = addLegendRow();
    QCPAxis *x = rect->axis(QCPAxis::atBottom);
    QCPAxis *y = rect->axis(QCPAxis::atLeft);
    setLogScale(x);
    rect->axis(QCPAxis::atTop)->setScaleType(QCPAxis::stLogarithmic);
    x->setLabel(data_.tokens ? tr("Time per output token, per user (%1)").arg(xs.unit)
                             : tr("Latency of one batch (%1)").arg(xs.unit));
    y->setLabel(data_.tokens ? tr("Output tokens per second per chip")
                             : tr("Samples per second per chip"));
    y->setNumberFormat(QStringLiteral("gb"));
    x->setRange(xs.of(minX) / 1.3, xs.of(maxX) * 1.3);
    y->setRange(0, maxY * 1.18); // headroom above the curves for the target's name
    rect->axis(QCPAxis::atTop)->setRange(x->range());
    rect->axis(QCPAxis::atRight)->setRange(y->range());

    const QString yUnit = data_.tokens ? tr("tok/s per chip") : tr("samples/s per chip");
    bool marked = false;
    for (const LatencySeries &s : data_.series) {
        const QColor color = candidateColor(a, s.candidate, dark());
        auto *curve = new QCPCurve(x, y);
        curve->setName(s.label);
        curve->setPen(QPen(color, 2));
        curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 5));
        for (std::size_t k = 0; k < s.x.size(); ++k)
            if (s.x[k] > 0)
                curve->addData(static_cast<double>(k), xs.of(s.x[k]), s.y[k]);
        curve->addToLegend(legendBox);
        const LatencySeries series = s;
        const bool tokens = data_.tokens;
        // Curve data index i is the i-th plotted point (points with a latency, in batch order).
        std::vector<std::size_t> plotted;
        for (std::size_t k = 0; k < s.x.size(); ++k)
            if (s.x[k] > 0)
                plotted.push_back(k);
        setTip(curve, [series, plotted, tokens, yUnit](int i) {
            const std::size_t k = plotted[static_cast<std::size_t>(i)];
            const CurvePoint &p = series.points[k];
            QString text = tr("%1\nBatch %2: %3 %4")
                               .arg(series.label)
                               .arg(p.batch)
                               .arg(formattedNumber(series.y[k]), yUnit);
            if (tokens)
                text +=
                    tr("\nTPOT %1, TTFT %2, %3 tok/s per user")
                        .arg(formatted(p.tpot), formatted(p.ttft), formattedNumber(p.perUserRate));
            else
                text += tr("\nLatency %1").arg(formatted(p.latency));
            if (!p.meetsSlo)
                text += tr("\nMisses the SLO");
            return text;
        });
        // Points that miss the SLO: hollow rings over the curve.
        auto *misses = new QCPGraph(x, y);
        misses->setLineStyle(QCPGraph::lsNone);
        misses->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, 1.5),
                                                palette().color(QPalette::Base), 7));
        for (std::size_t k = 0; k < s.x.size(); ++k)
            if (s.x[k] > 0 && !s.points[k].meetsSlo)
                misses->addData(xs.of(s.x[k]), s.y[k]);
        misses->removeFromLegend();
        if (s.operatingPoint && s.x[*s.operatingPoint] > 0) {
            marked = true;
            auto *mark = new QCPGraph(x, y);
            mark->setLineStyle(QCPGraph::lsNone);
            mark->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(textColor(), 1.5), color, 13));
            mark->addData(xs.of(s.x[*s.operatingPoint]), s.y[*s.operatingPoint]);
            mark->removeFromLegend();
            const CurvePoint p = s.points[*s.operatingPoint];
            const QString label = s.label;
            const double yValue = s.y[*s.operatingPoint];
            setTip(mark, [label, p, yValue, yUnit](int) {
                return tr("%1\nEvaluated batch %2: %3 %4")
                    .arg(label)
                    .arg(p.batch)
                    .arg(formattedNumber(yValue), yUnit);
            });
        }
    }
    if (data_.latencySlo) {
        auto *line = new QCPItemStraightLine(this);
        line->point1->setAxes(x, y);
        line->point2->setAxes(x, y);
        line->point1->setCoords(xs.of(*data_.latencySlo), 0);
        line->point2->setCoords(xs.of(*data_.latencySlo), 1);
        line->setClipAxisRect(rect);
        const QColor red = dark() ? QColor(0xff5252) : QColor(0xc62828);
        line->setPen(QPen(red, 1.5, Qt::DashLine));
        auto *text = new QCPItemText(this);
        text->position->setAxes(x, y);
        text->setClipAxisRect(rect);
        text->position->setCoords(xs.of(*data_.latencySlo), maxY * 1.17);
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        text->setPadding(QMargins(4, 0, 0, 0));
        styleNote(text, red);
        text->setText(tr("TPOT target %1").arg(formatted(units::seconds(*data_.latencySlo))));
    }
    QStringList notes;
    if (marked)
        notes << tr("Diamonds: the batch evaluated");
    if (data_.ttftSlo || data_.latencySlo) {
        QStringList targets;
        if (data_.ttftSlo)
            targets << tr("TTFT ≤ %1").arg(formatted(units::seconds(*data_.ttftSlo)));
        if (data_.latencySlo)
            targets << tr("TPOT ≤ %1").arg(formatted(units::seconds(*data_.latencySlo)));
        notes << tr("hollow points miss the SLO (%1)").arg(targets.join(QStringLiteral(", ")));
    }
    if (!notes.isEmpty()) {
        notes.front()[0] = notes.front()[0].toUpper();
        addSubtitle(notes.join(QStringLiteral("; ")));
    }
}

} // namespace accelplan::ui
