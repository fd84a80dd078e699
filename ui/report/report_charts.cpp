// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report_charts.h"

#include "charts/crossover_chart.h"
#include "charts/growth_chart.h"
#include "charts/latency_chart.h"
#include "charts/memory_chart.h"
#include "charts/pareto_chart.h"
#include "charts/roofline_chart.h"
#include "charts/scaling_chart.h"
#include "charts/time_cost_chart.h"
#include "charts/tornado_chart.h"

#include <memory>
#include <vector>

namespace accelplan::ui::report {

namespace {

// Charts are laid out at this size (as on a large screen), then scaled to the text width, so
// their fonts come out a little smaller than the body text.
constexpr QSize kLayout{960, 560};

struct ReportChart {
    std::unique_ptr<ChartView> chart;
    QString caption;
};

std::vector<ReportChart> chartsOf() {
    std::vector<ReportChart> charts;
    charts.push_back(
        {std::make_unique<TimeCostChart>(),
         QStringLiteral("Each candidate's time and cost; whiskers span the uncertainty range.")});
    charts.push_back(
        {std::make_unique<ParetoChart>(),
         QStringLiteral("Cost against time, one point per candidate and chip count; the line joins "
                        "the candidates no other beats on both.")});
    charts.push_back(
        {std::make_unique<LatencyChart>(),
         QStringLiteral("Serving throughput against the latency each user sees as the batch grows, "
                        "with the latency targets.")});
    charts.push_back(
        {std::make_unique<MemoryChart>(),
         QStringLiteral("Memory per chip by what it holds, against each chip's capacity.")});
    charts.push_back(
        {std::make_unique<ScalingChart>(),
         QStringLiteral("Time to train against the number of chips, with ideal linear scaling "
                        "from the smallest count for reference.")});
    charts.push_back(
        {std::make_unique<RooflineChart>(),
         QStringLiteral("Each chip's roofline (memory bandwidth, then peak compute) with the "
                        "workload's operating points.")});
    // Shown only when the scenario has a growth plan (the chart is empty otherwise).
    charts.push_back(
        {std::make_unique<GrowthChart>(),
         QStringLiteral("Chips needed and monthly spend per candidate as demand grows, month by "
                        "month; a cross marks the first month a fleet would pass the chip "
                        "limit.")});
    charts.push_back(
        {std::make_unique<TornadoChart>(),
         QStringLiteral("How far the recommended candidate's result moves when one input goes to "
                        "its low or its high setting while the others stay as assumed; the "
                        "largest swing on top.")});
    charts.push_back(
        {std::make_unique<CrossoverChart>(),
         QStringLiteral("The move beyond the CPU: the best CPU and the best accelerator of the "
                        "catalog, one chip each, with the model scaled from 1/64 to 64 times its "
                        "size; dotted: this model, dashed: the size from which the accelerator is "
                        "faster and cheaper.")});
    return charts;
}

} // namespace

void writeCharts(PageFlow &flow, const ReportInput &in) {
    flow.heading(QStringLiteral("Charts"));
    for (ReportChart &c : chartsOf()) {
        c.chart->resize(kLayout);
        c.chart->setAnalysis(in.analysis);
        if (c.chart->isEmpty())
            continue;
        const double height = flow.contentWidth() * kLayout.height() / kLayout.width();
        flow.figure(
            height,
            [&](QCPPainter &painter, const QRectF &rect) {
                c.chart->paint(painter, rect, kLayout);
            },
            c.caption);
    }
}

} // namespace accelplan::ui::report
