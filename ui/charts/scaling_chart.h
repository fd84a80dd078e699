// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chart 6: time to train against the number of chips, one line per candidate's chip over the
// counts the sweep tried, with ideal (linear) scaling from its smallest fitting count dashed
// beside it: the gap is what communication and bubbles cost.

#include "charts/chart_view.h"

#include <vector>

namespace accelplan::ui {

struct ScalingSeries {
    std::size_t candidate = 0;
    QString label; // the chip
    std::vector<int> counts;
    std::vector<double> times; // seconds, per count
    std::vector<double> ideal; // seconds: the first point's time scaled by count
};

struct ScalingData {
    std::vector<ScalingSeries> series;
};

ScalingData scalingData(const Analysis &analysis);

class ScalingChart : public ChartView {
    Q_OBJECT
public:
    explicit ScalingChart(QWidget *parent = nullptr);
    const ScalingData &data() const { return data_; }

protected:
    void build(const Analysis &analysis) override;

private:
    ScalingData data_;
};

} // namespace accelplan::ui
