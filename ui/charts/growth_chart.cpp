// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/growth_chart.h"

#include "charts/axis_scale.h"
#include "charts/chart_colors.h"
#include "charts/drawn_candidates.h"
#include "support/text.h"

#include <algorithm>

namespace accelplan::ui {

GrowthData growthData(const Analysis &a) {
    GrowthData d;
    d.planned = a.scenario.growth && a.scenario.inference;
    if (a.scenario.growth)
        d.maxChips = a.scenario.growth->maxChips;
    const DrawnCandidates drawn(a);
    for (std::size_t i = 0; i < a.growth.size() && i < a.evaluation.results.size(); ++i) {
        if (!drawn.contains(i))
            continue;
        const GrowthOutcome &g = a.growth[i];
        const CandidateResult &r = a.evaluation.results[i];
        GrowthSeries s;
        s.candidate = i;
        s.label = chipLabel(*a.catalog, r.chipId);
        s.firstShortMonth = g.firstShortMonth;
        s.problem = qs(g.problem);
        for (const GrowthMonth &m : g.months) {
            s.months.push_back(m.month);
            s.chips.push_back(m.chips);
            s.cost.push_back(m.cost ? std::optional(m.cost->value()) : std::nullopt);
        }
        d.series.push_back(std::move(s));
    }
    return d;
}

GrowthChart::GrowthChart(QWidget *parent) : ChartView(parent) {
    setObjectName(QStringLiteral("growthChart"));
    setTitle(tr("Growth plan"));
}

void GrowthChart::build(const Analysis &a) {
    data_ = growthData(a);
    setTitle(tr("Growth plan: chips needed and monthly spend"));
    if (!data_.planned) {
        showEmpty(a.scenario.inference
                      ? tr("The scenario has no growth plan (its \"growth\" section).")
                      : tr("A growth plan needs inference settings and a growth section."));
        return;
    }
    if (!a.sweepsDone) {
        showEmpty(tr("Computing the growth plan…"));
        return;
    }
    int lastMonth = 0, maxChips = 0;
    double maxCost = 0;
    bool any = false;
    for (const GrowthSeries &s : data_.series)
        for (std::size_t k = 0; k < s.months.size(); ++k) {
            any = true;
            lastMonth = std::max(lastMonth, s.months[k]);
            maxChips = std::max(maxChips, s.chips[k]);
            maxCost = std::max(maxCost, s.cost[k].value_or(0));
        }
    if (!any) {
        QStringList why;
        for (const GrowthSeries &s : data_.series)
            if (!s.problem.isEmpty())
                why << s.label + QStringLiteral(": ") + s.problem;
        showEmpty(tr("No candidate can follow the plan.") +
                  (why.isEmpty() ? QString() : QLatin1Char('\n') + why.mid(0, 4).join(u'\n')));
        return;
    }
    const AxisScale money = moneyScale(maxCost);
    QCPAxisRect *chipsRect = addPanel(0);
    QCPAxisRect *costRect = addPanel(1);
    QCPLegend *legendBox = addLegendRow();
    QCPAxis *chipsY = chipsRect->axis(QCPAxis::atLeft);
    QCPAxis *costY = costRect->axis(QCPAxis::atLeft);
    for (QCPAxisRect *rect : {chipsRect, costRect}) {
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        x->setLabel(tr("Month"));
        x->setRange(-0.5, lastMonth + 0.5);
        auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
        ticker->setTickStep(lastMonth > 24 ? 6 : (lastMonth > 12 ? 3 : 1));
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
        x->setTicker(ticker);
        rect->axis(QCPAxis::atTop)->setRange(x->range());
    }
    chipsY->setLabel(tr("Chips needed"));
    chipsY->setRange(0, std::max({1, maxChips, data_.maxChips.value_or(0)}) * 1.1);
    if (data_.maxChips) {
        auto *limit = new QCPItemStraightLine(this);
        for (QCPItemPosition *p : {limit->point1, limit->point2})
            p->setAxes(chipsRect->axis(QCPAxis::atBottom), chipsY);
        limit->point1->setCoords(0, *data_.maxChips);
        limit->point2->setCoords(1, *data_.maxChips);
        limit->setClipAxisRect(chipsRect);
        const QColor red = dark() ? QColor(0xff5252) : QColor(0xc62828);
        limit->setPen(QPen(red, 1.5, Qt::DashLine));
        auto *label = new QCPItemText(this);
        label->position->setAxes(chipsRect->axis(QCPAxis::atBottom), chipsY);
        label->setClipAxisRect(chipsRect);
        label->position->setCoords(-0.4, *data_.maxChips);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(3, 1, 3, 1));
        styleNote(label, red);
        label->setText(tr("Chip limit %1 (×: first month short)").arg(*data_.maxChips));
    }
    costY->setLabel(tr("Monthly spend (%1)").arg(money.unit));
    costY->setRange(0, std::max(1e-9, money.of(maxCost)) * 1.1);
    chipsRect->axis(QCPAxis::atRight)->setRange(chipsY->range());
    costRect->axis(QCPAxis::atRight)->setRange(costY->range());

    for (const GrowthSeries &s : data_.series) {
        if (s.months.empty())
            continue;
        const QColor color = candidateColor(a, s.candidate, dark());
        auto *chips = new QCPGraph(chipsRect->axis(QCPAxis::atBottom), chipsY);
        chips->setName(s.label);
        chips->setPen(QPen(color, 2));
        chips->setLineStyle(QCPGraph::lsStepCenter);
        auto *cost = new QCPGraph(costRect->axis(QCPAxis::atBottom), costY);
        cost->setPen(QPen(color, 2));
        cost->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, color, 5));
        cost->removeFromLegend();
        auto *shortfall = new QCPGraph(chipsRect->axis(QCPAxis::atBottom), chipsY);
        shortfall->setLineStyle(QCPGraph::lsNone);
        shortfall->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCross, QPen(color, 2.5), Qt::NoBrush, 12));
        shortfall->removeFromLegend();
        for (std::size_t k = 0; k < s.months.size(); ++k) {
            chips->addData(s.months[k], s.chips[k]);
            if (s.cost[k])
                cost->addData(s.months[k], money.of(*s.cost[k]));
            if (s.firstShortMonth && s.months[k] == *s.firstShortMonth)
                shortfall->addData(s.months[k], s.chips[k]);
        }
        chips->addToLegend(legendBox);
        const GrowthSeries series = s;
        setTip(chips, [series](int i) {
            const auto k = static_cast<std::size_t>(i);
            QString text = tr("%1, month %2\n%3 chips")
                               .arg(series.label)
                               .arg(series.months[k])
                               .arg(series.chips[k]);
            if (series.cost[k])
                text += tr(", %1 a month").arg(formatted(units::dollars(*series.cost[k])));
            if (series.firstShortMonth && series.months[k] >= *series.firstShortMonth)
                text += tr("\nNot enough from month %1").arg(*series.firstShortMonth);
            return text;
        });
        std::vector<std::size_t> priced;
        for (std::size_t k = 0; k < s.months.size(); ++k)
            if (s.cost[k])
                priced.push_back(k);
        setTip(cost, [series, priced](int i) {
            const std::size_t k = priced[static_cast<std::size_t>(i)];
            return tr("%1, month %2\n%3 a month for %4 chips")
                .arg(series.label)
                .arg(series.months[k])
                .arg(formatted(units::dollars(*series.cost[k])))
                .arg(series.chips[k]);
        });
    }
}

} // namespace accelplan::ui
