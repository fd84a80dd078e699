// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/time_cost_chart.h"

#include "charts/axis_scale.h"
#include "charts/chart_colors.h"
#include "charts/drawn_candidates.h"
#include "charts/output_unit.h"
#include "plan/recommend.h"
#include "support/text.h"

#include <algorithm>
#include <set>

namespace accelplan::ui {

namespace {

constexpr double kBarWidth = 0.62;

QString rangeText(const RangedBar &bar, const std::function<QString(double)> &format) {
    QString text = format(bar.nominal);
    if (bar.high > bar.low)
        text += QObject::tr(" (range %1 – %2)").arg(format(bar.low), format(bar.high));
    return text;
}

} // namespace

TimeCostData timeCostData(const Analysis &a) {
    TimeCostData d;
    d.training = bool(a.scenario.training) || !a.scenario.inference;
    d.timeTitle = d.training ? QObject::tr("Time to train") : QObject::tr("Latency per request");
    d.costTitle = d.training ? QObject::tr("Training cost")
                             : QObject::tr("Cost %1").arg(perMillionOutputs(a.scenario));
    const Goal goal = goalOf(a.scenario);
    if (goal.focus == (d.training ? Focus::training : Focus::inference)) {
        if (goal.deadline && goal.objective == Objective::cheapestWithinDeadline)
            d.deadline = goal.deadline->value();
        if (goal.budget && d.training && goal.objective == Objective::lowestLatencyWithinBudget)
            d.budget = goal.budget->value();
    }
    const DrawnCandidates drawn(a);
    for (std::size_t i = 0; i < a.evaluation.results.size(); ++i) {
        if (!drawn.contains(i))
            continue;
        const CandidateResult &r = a.evaluation.results[i];
        TimeCostRow row;
        row.candidate = i;
        row.label = candidateLabel(*a.catalog, r.chipId, r.count);
        const Chip *chip = a.chipOf(i);
        row.vendor = chip ? shortVendor(*chip) : QString();
        if (d.training) {
            if (r.training && r.training->fits) {
                const auto &t = r.training->timeToTrain;
                row.time = {true, t.nominal.value(), t.low.value(), t.high.value()};
                if (r.spend && r.spend->trainingCost) {
                    const auto &c = *r.spend->trainingCost;
                    row.cost = {true, c.nominal.value(), c.low.value(), c.high.value()};
                } else {
                    row.missing = QObject::tr("no price");
                }
            } else {
                row.missing = r.role == Role::serving ? QObject::tr("serves only")
                                                      : QObject::tr("does not fit");
            }
        } else if (r.inference && r.inference->fits) {
            const double latency = r.inference->latency.value();
            row.time = {true, latency, latency, latency};
            std::optional<double> cost;
            if (r.spend && r.spend->fleetRate)
                cost = r.inference->throughputTokensPerSecond > 0
                           ? std::optional(r.inference->costPerMillionTokens.value())
                           : (r.spend->costPerMillionSamples
                                  ? std::optional(r.spend->costPerMillionSamples->value())
                                  : std::nullopt);
            if (cost)
                row.cost = {true, *cost, *cost, *cost};
            else
                row.missing = QObject::tr("no price");
        } else {
            row.missing =
                r.role == Role::training ? QObject::tr("trains only") : QObject::tr("does not fit");
        }
        d.rows.push_back(row);
    }
    return d;
}

TimeCostChart::TimeCostChart(QWidget *parent) : ChartView(parent) {
    setObjectName(QStringLiteral("timeCostChart"));
    setTitle(tr("Time and cost per candidate"));
}

void TimeCostChart::build(const Analysis &a) {
    data_ = timeCostData(a);
    setTitle(data_.training ? tr("Time to train and training cost per candidate")
                            : tr("Latency and serving cost per candidate"));
    if (data_.rows.empty()) {
        showEmpty(tr("No candidates: tick chips in the Candidates panel."));
        return;
    }
    QStringList labels;
    double maxTime = 0, maxCost = 0;
    for (const TimeCostRow &row : data_.rows) {
        labels << (row.missing.isEmpty() ? row.label
                                         : row.label + QStringLiteral(" — ") + row.missing);
        maxTime = std::max(maxTime, row.time.present ? row.time.high : 0.0);
        maxCost = std::max(maxCost, row.cost.present ? row.cost.high : 0.0);
    }
    maxTime = std::max(maxTime, data_.deadline.value_or(0));
    maxCost = std::max(maxCost, data_.budget.value_or(0));
    const AxisScale time = timeScale(maxTime);
    const AxisScale money = moneyScale(maxCost);

    QCPAxisRect *timeRect = addPanel(0);
    QCPAxisRect *costRect = addPanel(1);
    QCPLegend *legendBox = addLegendRow();
    setCategories(timeRect->axis(QCPAxis::atLeft), labels, true);
    setCategories(costRect->axis(QCPAxis::atLeft), labels, false);
    for (QCPAxisRect *rect : {timeRect, costRect})
        rect->axis(QCPAxis::atRight)->setRange(rect->axis(QCPAxis::atLeft)->range());
    QCPAxis *timeAxis = timeRect->axis(QCPAxis::atBottom);
    QCPAxis *costAxis = costRect->axis(QCPAxis::atBottom);
    timeAxis->setLabel(QStringLiteral("%1 (%2)").arg(data_.timeTitle, time.unit));
    costAxis->setLabel(tr("%1 (%2)").arg(data_.costTitle, money.unit));

    std::set<QString> vendorsInLegend;
    for (std::size_t position = 0; position < data_.rows.size(); ++position) {
        const TimeCostRow &row = data_.rows[position];
        const QColor color = candidateColor(a, row.candidate, dark());
        const double key = static_cast<double>(position); // the row's category
        const auto addBar = [&](QCPAxisRect *rect, const RangedBar &bar, const AxisScale &scale,
                                const QString &what, const std::function<QString(double)> &fmt) {
            if (!bar.present)
                return static_cast<QCPBars *>(nullptr);
            auto *bars = new QCPBars(rect->axis(QCPAxis::atLeft), rect->axis(QCPAxis::atBottom));
            bars->setWidth(kBarWidth);
            bars->setPen(QPen(color.darker(130), 1));
            bars->setBrush(color);
            bars->addData(key, scale.of(bar.nominal));
            bars->removeFromLegend();
            const QString tip =
                row.label + QLatin1Char('\n') + what + QStringLiteral(": ") + rangeText(bar, fmt);
            setTip(bars, [tip](int) { return tip; });
            if (bar.high > bar.low) {
                auto *whiskers =
                    new QCPErrorBars(rect->axis(QCPAxis::atLeft), rect->axis(QCPAxis::atBottom));
                whiskers->setDataPlottable(bars);
                whiskers->setErrorType(QCPErrorBars::etValueError);
                whiskers->setData({scale.of(bar.nominal - bar.low)},
                                  {scale.of(bar.high - bar.nominal)});
                whiskers->setPen(QPen(textColor(), 1.2));
                whiskers->setWhiskerWidth(8);
                whiskers->setSymbolGap(0);
                whiskers->removeFromLegend();
                setTip(whiskers, [tip](int) { return tip; });
            }
            return bars;
        };
        const auto secondsText = [](double v) { return formatted(units::seconds(v)); };
        const auto dollarsText = [](double v) { return formatted(units::dollars(v)); };
        QCPBars *timeBar = addBar(timeRect, row.time, time, data_.timeTitle, secondsText);
        addBar(costRect, row.cost, money, data_.costTitle, dollarsText);
        if (timeBar && vendorsInLegend.insert(row.vendor).second) {
            timeBar->setName(row.vendor.isEmpty() ? tr("unknown vendor") : row.vendor);
            timeBar->addToLegend(legendBox);
        }
    }
    for (QCPAxis *axis : {timeAxis, costAxis}) {
        axis->setRangeLower(0);
        axis->setNumberFormat(QStringLiteral("gb"));
    }
    timeAxis->setRange(0, std::max(1e-9, time.of(maxTime)) * 1.08);
    costAxis->setRange(0, std::max(1e-9, money.of(maxCost)) * 1.08);
    if (maxCost <= 0)
        costAxis->setLabel(tr("%1: no prices").arg(data_.costTitle));
    const auto limit = [&](QCPAxisRect *rect, double value, const QString &text) {
        const QColor red = dark() ? QColor(0xff5252) : QColor(0xc62828);
        auto *line = new QCPItemStraightLine(this);
        for (QCPItemPosition *p : {line->point1, line->point2})
            p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        line->point1->setCoords(value, 0);
        line->point2->setCoords(value, 1);
        line->setClipAxisRect(rect);
        line->setPen(QPen(red, 1.5, Qt::DashLine));
        auto *label = new QCPItemText(this);
        label->position->setType(QCPItemPosition::ptAxisRectRatio);
        label->position->setAxisRect(rect);
        label->position->setCoords(0, 0);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        label->position->setCoords(value, 0.0);
        label->setClipAxisRect(rect);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setPadding(QMargins(4, 2, 0, 0));
        styleNote(label, red);
        label->setText(text);
    };
    if (data_.deadline)
        limit(timeRect, time.of(*data_.deadline),
              tr("deadline %1").arg(formatted(units::seconds(*data_.deadline))));
    if (data_.budget)
        limit(costRect, money.of(*data_.budget),
              tr("budget %1").arg(formatted(units::dollars(*data_.budget))));
}

} // namespace accelplan::ui
