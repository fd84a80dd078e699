// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chart 7: the growth plan: month by month, the chips each candidate needs to carry the
// demand within the SLO, and what the month costs; a cross marks the month a candidate stops
// being enough. The data comes from core (plan/growth.h); the chart needs the scenario's
// growth plan and its inference settings.

#include "charts/chart_view.h"

#include <optional>
#include <vector>

namespace accelplan::ui {

struct GrowthSeries {
    std::size_t candidate = 0;
    QString label;
    std::vector<int> months;
    std::vector<int> chips;
    std::vector<std::optional<double>> cost; // dollars per month
    std::optional<int> firstShortMonth;
    QString problem; // why the candidate cannot follow the plan at all
};

struct GrowthData {
    bool planned = false;        // the scenario has a growth plan it can serve
    std::optional<int> maxChips; // the most chips of one kind the team could get
    std::vector<GrowthSeries> series;
};

GrowthData growthData(const Analysis &analysis);

class GrowthChart : public ChartView {
    Q_OBJECT
public:
    explicit GrowthChart(QWidget *parent = nullptr);
    const GrowthData &data() const { return data_; }

protected:
    void build(const Analysis &analysis) override;

private:
    GrowthData data_;
};

} // namespace accelplan::ui
