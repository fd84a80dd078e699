// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/scaling_chart.h"

#include "charts/axis_scale.h"
#include "charts/chart_colors.h"
#include "charts/drawn_candidates.h"
#include "support/text.h"

#include <algorithm>
#include <limits>

namespace accelplan::ui {

ScalingData scalingData(const Analysis &a) {
    ScalingData d;
    const DrawnCandidates drawn(a);
    for (const CountSweep &sweep : a.sweeps) {
        if (sweep.candidate >= a.scenario.candidates.size() || !drawn.contains(sweep.candidate))
            continue;
        ScalingSeries s;
        s.candidate = sweep.candidate;
        s.label = chipLabel(*a.catalog, a.scenario.candidates[sweep.candidate].chipId);
        for (const CountPoint &p : sweep.points)
            if (p.fits && p.timeToTrain.nominal.value() > 0) {
                s.counts.push_back(p.count);
                s.times.push_back(p.timeToTrain.nominal.value());
            }
        if (s.counts.empty())
            continue;
        for (int n : s.counts)
            s.ideal.push_back(s.times.front() * s.counts.front() / n);
        d.series.push_back(std::move(s));
    }
    return d;
}

ScalingChart::ScalingChart(QWidget *parent) : ChartView(parent) {
    setObjectName(QStringLiteral("scalingChart"));
    setTitle(tr("Scaling"));
}

void ScalingChart::build(const Analysis &a) {
    data_ = scalingData(a);
    setTitle(tr("Scaling: time to train against chip count (dashed: ideal)"));
    if (!a.scenario.training) {
        showEmpty(tr("The scenario does not train: tick Training in the Scenario panel."));
        return;
    }
    if (!a.sweepsDone) {
        showEmpty(tr("Computing the other chip counts…"));
        return;
    }
    if (data_.series.empty()) {
        showEmpty(tr("No candidate fits at any of the counts tried."));
        return;
    }
    double minT = std::numeric_limits<double>::max(), maxT = 0;
    int minN = std::numeric_limits<int>::max(), maxN = 0;
    for (const ScalingSeries &s : data_.series) {
        for (double t : s.times) {
            minT = std::min(minT, t);
            maxT = std::max(maxT, t);
        }
        for (double t : s.ideal)
            minT = std::min(minT, t);
        minN = std::min(minN, s.counts.front());
        maxN = std::max(maxN, s.counts.back());
    }
    const AxisScale time = timeScale(maxT);
    QCPAxisRect *rect = addPanel();
    QCPLegend *legendBox = addLegendRow();
    QCPAxis *x = rect->axis(QCPAxis::atBottom);
    QCPAxis *y = rect->axis(QCPAxis::atLeft);
    setLogScale(x, 2);
    setLogScale(y);
    x->setLabel(tr("Chips"));
    y->setLabel(tr("Time to train (%1)").arg(time.unit));
    x->setRange(minN / 1.3, maxN * 1.3);
    y->setRange(time.of(minT) / 1.3, time.of(maxT) * 1.3);
    for (QCPAxis *axis : {rect->axis(QCPAxis::atTop), rect->axis(QCPAxis::atRight)})
        axis->setScaleType(QCPAxis::stLogarithmic);
    rect->axis(QCPAxis::atTop)->setRange(x->range());
    rect->axis(QCPAxis::atRight)->setRange(y->range());

    for (const ScalingSeries &s : data_.series) {
        const QColor color = candidateColor(a, s.candidate, dark());
        auto *ideal = new QCPGraph(x, y);
        ideal->setPen(QPen(color, 1.2, Qt::DashLine));
        ideal->removeFromLegend();
        auto *actual = new QCPGraph(x, y);
        actual->setName(s.label);
        actual->setPen(QPen(color, 2));
        actual->setScatterStyle(QCPScatterStyle(candidateShape(a, s.candidate), color, color, 7));
        for (std::size_t k = 0; k < s.counts.size(); ++k) {
            actual->addData(s.counts[k], time.of(s.times[k]));
            ideal->addData(s.counts[k], time.of(s.ideal[k]));
        }
        // One count has no scaling to compare with (and a dashed line of one point is an empty,
        // invalid path in a PDF).
        if (s.counts.size() < 2)
            removePlottable(ideal);
        actual->addToLegend(legendBox);
        const ScalingSeries series = s;
        setTip(actual, [series](int i) {
            const auto k = static_cast<std::size_t>(i);
            const double efficiency = series.ideal[k] / series.times[k];
            return tr("%1 × %2\nTime to train: %3\nIdeal: %4 (scaling efficiency %5)")
                .arg(series.counts[k])
                .arg(series.label, formatted(units::seconds(series.times[k])),
                     formatted(units::seconds(series.ideal[k])),
                     qs(units::formatPercent(efficiency)));
        });
        setTip(ideal, [series](int i) {
            const auto k = static_cast<std::size_t>(i);
            return tr("%1 × %2, ideal scaling: %3")
                .arg(series.counts[k])
                .arg(series.label, formatted(units::seconds(series.ideal[k])));
        });
    }
}

} // namespace accelplan::ui
