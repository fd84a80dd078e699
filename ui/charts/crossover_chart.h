// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chart 9: the move beyond the CPU. Time (left) and cost (right) against model size for the
// best CPU and the best accelerator of the catalog, one chip each; a dashed line marks the
// size from which the accelerator is faster and cheaper, a ring the scenario's own model, and
// the subtitle says it in words.

#include "charts/chart_view.h"

namespace accelplan::ui {

class CrossoverChart : public ChartView {
    Q_OBJECT
public:
    explicit CrossoverChart(QWidget *parent = nullptr);

protected:
    void build(const Analysis &analysis) override;
};

} // namespace accelplan::ui
