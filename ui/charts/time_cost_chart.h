// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chart 1: each candidate's time and cost side by side, as bars with whiskers for the
// uncertainty range. Training: time to train and the run's cost. A scenario that only serves:
// the latency of one request and the cost per million output tokens (no range).

#include "charts/chart_view.h"

#include <optional>
#include <vector>

namespace accelplan::ui {

struct RangedBar {
    bool present = false;
    double nominal = 0, low = 0, high = 0; // base units: seconds, dollars
};

struct TimeCostRow {
    std::size_t candidate = 0;
    QString label; // "64 × NVIDIA H100 SXM5 80GB"
    QString vendor;
    RangedBar time;
    RangedBar cost;
    QString missing; // why a bar is absent ("does not fit", "no price")
};

struct TimeCostData {
    bool training = true;
    QString timeTitle;
    QString costTitle;
    std::optional<double> deadline; // seconds, the goal's, on the time panel
    std::optional<double> budget;   // dollars, the goal's, on the cost panel (training)
    std::vector<TimeCostRow> rows;
};

TimeCostData timeCostData(const Analysis &analysis);

class TimeCostChart : public ChartView {
    Q_OBJECT
public:
    explicit TimeCostChart(QWidget *parent = nullptr);
    const TimeCostData &data() const { return data_; }

protected:
    void build(const Analysis &analysis) override;

private:
    TimeCostData data_;
};

} // namespace accelplan::ui
