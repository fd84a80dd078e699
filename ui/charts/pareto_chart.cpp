// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/pareto_chart.h"

#include "charts/axis_scale.h"
#include "charts/chart_colors.h"
#include "charts/drawn_candidates.h"
#include "charts/output_unit.h"
#include "plan/pareto.h"
#include "support/text.h"

#include <algorithm>
#include <limits>
#include <set>
#include <utility>

namespace accelplan::ui {

namespace {
constexpr double kOwnSize = 11, kSweepSize = 6;
}

ParetoData paretoData(const Analysis &a) {
    ParetoData d;
    d.training = bool(a.scenario.training) || !a.scenario.inference;
    if (d.training) {
        for (const CountSweep &sweep : a.sweeps)
            for (const CountPoint &p : sweep.points)
                if (p.fits && p.cost && sweep.candidate < a.scenario.candidates.size())
                    d.points.push_back({sweep.candidate, p.count,
                                        p.count == a.scenario.candidates[sweep.candidate].count,
                                        p.timeToTrain.nominal.value(), p.cost->value(), false});
        // Until the sweeps arrive: the candidates themselves.
        if (!a.sweepsDone)
            for (std::size_t i = 0; i < a.evaluation.results.size(); ++i) {
                const CandidateResult &r = a.evaluation.results[i];
                if (r.training && r.training->fits && r.spend && r.spend->trainingCost)
                    d.points.push_back({i, r.count, true, r.training->timeToTrain.nominal.value(),
                                        r.spend->trainingCost->nominal.value(), false});
            }
    } else {
        for (std::size_t i = 0; i < a.evaluation.results.size(); ++i) {
            const CandidateResult &r = a.evaluation.results[i];
            if (!r.inference || !r.inference->fits || !r.spend || !r.spend->fleetRate)
                continue;
            const double cost =
                r.inference->throughputTokensPerSecond > 0
                    ? r.inference->costPerMillionTokens.value()
                    : r.spend->costPerMillionSamples.value_or(units::dollars(0)).value();
            d.points.push_back({i, r.count, true, r.inference->latency.value(), cost, false});
        }
    }
    std::vector<TimeCost> tc;
    for (const ParetoPoint &p : d.points)
        tc.push_back({units::seconds(p.time), units::dollars(p.cost)});
    d.front = paretoFront(tc);
    for (std::size_t i : d.front)
        d.points[i].onFront = true;
    return d;
}

ParetoChart::ParetoChart(QWidget *parent) : ChartView(parent) {
    setObjectName(QStringLiteral("paretoChart"));
    setTitle(tr("Cost against time"));
}

void ParetoChart::build(const Analysis &a) {
    data_ = paretoData(a);
    setTitle(data_.training ? tr("Training cost against time to train, with the Pareto front")
                            : tr("Serving cost against latency, with the Pareto front"));
    if (data_.points.empty()) {
        showEmpty(tr("No candidate both fits and has a price."));
        return;
    }
    double maxTime = 0, maxCost = 0, minTime = std::numeric_limits<double>::max(),
           minCost = std::numeric_limits<double>::max();
    for (const ParetoPoint &p : data_.points) {
        maxTime = std::max(maxTime, p.time);
        maxCost = std::max(maxCost, p.cost);
        minTime = std::min(minTime, p.time);
        minCost = std::min(minCost, p.cost);
    }
    const AxisScale time = timeScale(maxTime);
    const AxisScale money = moneyScale(maxCost);
    QCPAxisRect *rect = addPanel();
    QCPLegend *legendBox = addLegendRow();
    QCPAxis *x = rect->axis(QCPAxis::atBottom);
    QCPAxis *y = rect->axis(QCPAxis::atLeft);
    setLogScale(x);
    setLogScale(y);
    x->setLabel(data_.training ? tr("Time to train (%1)").arg(time.unit)
                               : tr("Latency per request (%1)").arg(time.unit));
    y->setLabel(data_.training ? tr("Training cost (%1)").arg(money.unit)
                               : tr("Cost %1 (%2)").arg(perMillionOutputs(a.scenario), money.unit));
    x->setRange(time.of(minTime) / 1.4, time.of(maxTime) * 1.4);
    y->setRange(money.of(minCost) / 1.4, money.of(maxCost) * 1.4);
    for (QCPAxis *axis : {rect->axis(QCPAxis::atTop), rect->axis(QCPAxis::atRight)})
        axis->setScaleType(QCPAxis::stLogarithmic);
    rect->axis(QCPAxis::atTop)->setRange(x->range());
    rect->axis(QCPAxis::atRight)->setRange(y->range());

    // The front first, so that the points sit on top of it.
    auto *front = new QCPGraph(x, y);
    front->setName(tr("Pareto front"));
    QColor frontColor = textColor();
    frontColor.setAlpha(150);
    front->setPen(QPen(frontColor, 1.5, Qt::DashLine));
    front->setLineStyle(QCPGraph::lsStepLeft);
    QVector<double> fx, fy;
    for (std::size_t i : data_.front) {
        fx << time.of(data_.points[i].time);
        fy << money.of(data_.points[i].cost);
    }
    front->setData(fx, fy, true);
    // A front of one point is that point. (Qt's PDF engine outlines a dashed line as a filled
    // path; a line of one point becomes an empty path, a syntax error in the file.)
    if (fx.size() < 2)
        removePlottable(front);
    else
        front->addToLegend(legendBox);

    // Every point counts for the front; the candidates not drawn on their own (drawn_candidates.h)
    // share one grey series.
    const DrawnCandidates drawn(a);
    std::vector<std::vector<ParetoPoint>> byCandidate(a.scenario.candidates.size());
    QVector<double> otherX, otherY;
    std::set<std::pair<double, double>> otherPoints; // one chip at one count, once
    for (const ParetoPoint &p : data_.points) {
        if (p.candidate >= byCandidate.size())
            continue;
        if (drawn.contains(p.candidate)) {
            byCandidate[p.candidate].push_back(p);
        } else if (otherPoints.insert({p.time, p.cost}).second) {
            otherX << time.of(p.time);
            otherY << money.of(p.cost);
        }
    }
    if (!otherX.isEmpty()) {
        auto *others = new QCPGraph(x, y);
        others->setName(tr("Other candidates"));
        others->setLineStyle(QCPGraph::lsNone);
        QColor grey = textColor();
        grey.setAlpha(50); // faint, so that thousands of them do not hide the drawn ones
        others->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, grey, kSweepSize - 2));
        others->setData(otherX, otherY);
        others->addToLegend(legendBox);
    }
    for (std::size_t c = 0; c < byCandidate.size(); ++c) {
        std::vector<ParetoPoint> &mine = byCandidate[c];
        if (mine.empty())
            continue;
        const QColor color = candidateColor(a, c, dark());
        const QString label = chipLabel(*a.catalog, a.scenario.candidates[c].chipId);
        const QString costName =
            data_.training ? tr("Training cost") : tr("Cost %1").arg(perMillionOutputs(a.scenario));
        const QString timeName = data_.training ? tr("Time to train") : tr("Latency");
        const auto describe = [label, costName, timeName](const ParetoPoint &p) {
            return tr("%1 × %2\n%3: %4\n%5: %6%7")
                .arg(p.count)
                .arg(label, timeName, formatted(units::seconds(p.time)), costName,
                     formatted(units::dollars(p.cost)),
                     p.onFront ? tr("\nOn the Pareto front") : QString());
        };
        // The other counts: small open points joined in count order by a thin line (a curve,
        // since a graph would reorder them by time).
        std::sort(mine.begin(), mine.end(),
                  [](const ParetoPoint &l, const ParetoPoint &r) { return l.count < r.count; });
        auto *sweep = new QCPCurve(x, y);
        sweep->setPen(QPen(QColor(color.red(), color.green(), color.blue(), 110), 1));
        const QCPScatterStyle::ScatterShape shape = candidateShape(a, c);
        sweep->setScatterStyle(
            QCPScatterStyle(shape, color, palette().color(QPalette::Base), kSweepSize));
        for (const ParetoPoint &p : mine)
            sweep->addData(p.count, time.of(p.time), money.of(p.cost));
        sweep->removeFromLegend();
        setTip(sweep,
               [mine, describe](int i) { return describe(mine[static_cast<std::size_t>(i)]); });
        auto *own = new QCPGraph(x, y);
        own->setLineStyle(QCPGraph::lsNone);
        own->setScatterStyle(QCPScatterStyle(shape, QPen(color.darker(140), 1.5), color, kOwnSize));
        own->setName(candidateLabel(*a.catalog, a.scenario.candidates[c].chipId,
                                    a.scenario.candidates[c].count));
        for (const ParetoPoint &p : mine)
            if (p.own)
                own->addData(time.of(p.time), money.of(p.cost));
        own->addToLegend(legendBox);
        const auto ownPoint =
            std::find_if(mine.begin(), mine.end(), [](const ParetoPoint &p) { return p.own; });
        if (ownPoint != mine.end()) {
            const ParetoPoint p = *ownPoint;
            setTip(own, [describe, p](int) { return describe(p); });
        }
    }
}

} // namespace accelplan::ui
