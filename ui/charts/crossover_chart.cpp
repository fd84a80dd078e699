// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/crossover_chart.h"

#include "charts/axis_scale.h"
#include "support/text.h"

#include <algorithm>
#include <limits>

namespace accelplan::ui {

namespace {

// The CPU in grey, the accelerator in the accent blue: the two sides, not two candidates.
const QColor kCpuColor(0x6b, 0x72, 0x80);
const QColor kAcceleratorColor(0x1f, 0x77, 0xb4);

// The sentence on lines of about `width` characters: it names two chips and two sizes, too long
// for one line of a chart.
QString wrapped(const QString &text, qsizetype width = 110) {
    QString out;
    qsizetype line = 0;
    for (const QString &word : text.split(QLatin1Char(' '))) {
        if (line > 0 && line + 1 + word.size() > width) {
            out += QLatin1Char('\n');
            line = 0;
        } else if (line > 0) {
            out += QLatin1Char(' ');
            ++line;
        }
        out += word;
        line += word.size();
    }
    return out;
}

} // namespace

CrossoverChart::CrossoverChart(QWidget *parent) : ChartView(parent) {
    setObjectName(QStringLiteral("crossoverChart"));
    setTitle(tr("Beyond the CPU"));
}

void CrossoverChart::build(const Analysis &a) {
    setTitle(tr("Beyond the CPU: one CPU against one accelerator as the model grows"));
    if (!a.crossover) {
        showEmpty(a.crossoverWhy.empty() ? tr("Computing the model sizes…")
                                         : tr("No comparison: %1.").arg(qs(a.crossoverWhy)));
        return;
    }
    const Crossover &c = *a.crossover;
    addSubtitle(wrapped(qs(c.summary)));
    const bool training = c.focus == Focus::training;
    double maxTime = 0, maxCost = 0;
    double minTime = std::numeric_limits<double>::max(), minCost = minTime;
    for (const CrossoverPoint &p : c.points)
        for (int side : {0, 1}) {
            if (p.time[side]) {
                maxTime = std::max(maxTime, *p.time[side]);
                minTime = std::min(minTime, *p.time[side]);
            }
            if (p.cost[side]) {
                maxCost = std::max(maxCost, *p.cost[side]);
                minCost = std::min(minCost, *p.cost[side]);
            }
        }
    const AxisScale time = timeScale(maxTime);
    const AxisScale money = moneyScale(maxCost);
    QCPAxisRect *timeRect = addPanel(0);
    QCPAxisRect *costRect = addPanel(1);
    QCPLegend *legendBox = addLegendRow();
    const QString sizeLabel = tr("Model parameters");
    const QString costTitle =
        training ? tr("Cost of the run (%1)")
                 : (a.evaluation.results.empty() || !a.scenario.workload.isTransformer()
                        ? tr("Cost per million samples (%1)")
                        : tr("Cost per million tokens (%1)"));
    struct Panel {
        QCPAxisRect *rect;
        const AxisScale *scale;
        QString title;
        double low, high;
        bool cost;
    };
    const Panel panels[] = {
        {timeRect, &time,
         (training ? tr("Time to train (%1)") : tr("Latency per request (%1)")).arg(time.unit),
         minTime, maxTime, false},
        {costRect, &money, costTitle.arg(money.unit), minCost, maxCost, true}};
    const double firstSize = c.points.front().params, lastSize = c.points.back().params;
    for (const Panel &panel : panels) {
        QCPAxis *x = panel.rect->axis(QCPAxis::atBottom);
        QCPAxis *y = panel.rect->axis(QCPAxis::atLeft);
        setLogScale(x);
        setLogScale(y);
        x->setLabel(sizeLabel);
        y->setLabel(panel.title);
        x->setRange(firstSize / 1.5, lastSize * 1.5);
        if (panel.high > 0)
            y->setRange(panel.scale->of(panel.low) / 1.5, panel.scale->of(panel.high) * 1.5);
        for (int side : {0, 1}) {
            const QColor color = side == 0 ? kCpuColor : kAcceleratorColor;
            auto *line = new QCPGraph(x, y);
            line->setName(chipLabel(*a.catalog, c.chips[side]));
            line->setPen(QPen(color, 2));
            line->setScatterStyle(QCPScatterStyle(
                side == 0 ? QCPScatterStyle::ssSquare : QCPScatterStyle::ssDisc, color, color, 6));
            std::vector<std::size_t> drawn;
            for (std::size_t k = 0; k < c.points.size(); ++k) {
                const std::optional<double> v =
                    panel.cost ? c.points[k].cost[side] : c.points[k].time[side];
                if (!v)
                    continue;
                line->addData(c.points[k].params, panel.scale->of(*v));
                drawn.push_back(k);
            }
            if (panel.cost)
                line->removeFromLegend();
            else
                line->addToLegend(legendBox);
            const Crossover copy = c;
            const QString name = line->name();
            const bool isCost = panel.cost;
            setTip(line, [copy, drawn, side, name, isCost, training](int i) {
                const CrossoverPoint &p = copy.points[drawn[std::size_t(i)]];
                const QString value = isCost ? formatted(units::dollars(*p.cost[side]))
                                             : formatted(units::seconds(*p.time[side]));
                return tr("%1 at %2 parameters%3\n%4: %5")
                    .arg(name, qs(units::formatNumber(p.params, 3)),
                         p.ownSize ? tr(" (this model)") : QString(),
                         isCost ? tr("Cost") : (training ? tr("Time to train") : tr("Latency")),
                         value);
            });
        }
        // The scenario's own model, and where the accelerator takes over.
        for (const CrossoverPoint &p : c.points) {
            if (!p.ownSize)
                continue;
            auto *own = new QCPItemStraightLine(this);
            own->setClipAxisRect(panel.rect);
            own->point1->setAxes(x, y);
            own->point2->setAxes(x, y);
            own->point1->setCoords(p.params, 1);
            own->point2->setCoords(p.params, 2);
            own->setPen(QPen(QColor(0x99, 0x99, 0x99), 1, Qt::DotLine));
        }
        if (c.fromParams && *c.fromParams > firstSize) {
            auto *cross = new QCPItemStraightLine(this);
            cross->setClipAxisRect(panel.rect);
            cross->point1->setAxes(x, y);
            cross->point2->setAxes(x, y);
            cross->point1->setCoords(*c.fromParams, 1);
            cross->point2->setCoords(*c.fromParams, 2);
            cross->setPen(QPen(kAcceleratorColor, 1.5, Qt::DashLine));
        }
    }
}

} // namespace accelplan::ui
