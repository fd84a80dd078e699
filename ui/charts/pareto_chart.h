// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chart 2: cost against time, one point per candidate and chip count (the candidate's own
// count large, the sweep's other counts small), with the Pareto front: the points no other
// point beats on both. A scenario that only serves plots latency against cost per million
// outputs, one point per candidate.

#include "charts/chart_view.h"

#include <vector>

namespace accelplan::ui {

struct ParetoPoint {
    std::size_t candidate = 0;
    int count = 0;
    bool own = false; // the candidate's own count (not a sweep point)
    double time = 0;  // seconds
    double cost = 0;  // dollars
    bool onFront = false;
};

struct ParetoData {
    bool training = true;
    std::vector<ParetoPoint> points;
    std::vector<std::size_t> front; // positions in points, fastest first
};

ParetoData paretoData(const Analysis &analysis);

class ParetoChart : public ChartView {
    Q_OBJECT
public:
    explicit ParetoChart(QWidget *parent = nullptr);
    const ParetoData &data() const { return data_; }

protected:
    void build(const Analysis &analysis) override;

private:
    ParetoData data_;
};

} // namespace accelplan::ui
