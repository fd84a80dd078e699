// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chart 3: serving throughput against what one user waits, as the batch grows: one curve per
// candidate from one request to the most that fit, the evaluated batch marked, and the SLO
// drawn where the scenario sets one. Transformers plot output tokens per second per chip
// against the time per output token; other networks samples per second per chip against the
// latency of one batch.

#include "charts/chart_view.h"

#include <optional>
#include <vector>

namespace accelplan::ui {

struct LatencySeries {
    std::size_t candidate = 0;
    QString label;
    std::vector<CurvePoint> points;
    std::vector<double> x, y;                  // plotted: per-user latency (s), throughput per chip
    std::optional<std::size_t> operatingPoint; // the evaluated batch (on every transformer curve)
};

struct LatencyData {
    bool tokens = true; // tokens per second against TPOT (else samples against latency)
    std::optional<double> latencySlo; // seconds, on the x axis
    std::optional<double> ttftSlo;    // seconds; points that miss it are drawn hollow
    std::vector<LatencySeries> series;
};

LatencyData latencyData(const Analysis &analysis);

class LatencyChart : public ChartView {
    Q_OBJECT
public:
    explicit LatencyChart(QWidget *parent = nullptr);
    const LatencyData &data() const { return data_; }

protected:
    void build(const Analysis &analysis) override;

private:
    LatencyData data_;
};

} // namespace accelplan::ui
