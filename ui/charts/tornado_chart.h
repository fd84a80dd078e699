// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chart 8: which inputs move the answer most, for the recommended candidate (or the first
// that runs): each input set low and high, one at a time, the bar spanning the change in cost
// (time when nothing has a price) relative to the scenario as it is; largest swing on top.
// The data comes from core (plan/sensitivity.h).

#include "charts/chart_view.h"

#include <optional>
#include <vector>

namespace accelplan::ui {

struct TornadoRow {
    QString input;      // "Price", "Chip count", ...
    QString lowSetting; // "-20 %", "32 chips"
    QString highSetting;
    double lowChange = 0; // relative to the base: -0.2 is 20 % less
    double highChange = 0;
    std::optional<double> timeLow, timeHigh; // seconds
    std::optional<double> costLow, costHigh; // dollars
};

struct TornadoData {
    std::optional<std::size_t> candidate;
    QString candidateLabel;
    bool byCost = true; // the bars measure cost (else time)
    double base = 0;    // the base cost (or time)
    QString baseText;   // the base with its unit, for people: "$0.081 per million output tokens"
    std::vector<TornadoRow> rows;
};

TornadoData tornadoData(const Analysis &analysis);

class TornadoChart : public ChartView {
    Q_OBJECT
public:
    explicit TornadoChart(QWidget *parent = nullptr);
    const TornadoData &data() const { return data_; }

protected:
    void build(const Analysis &analysis) override;
    bool drawsEachCandidate() const override { return false; } // the recommended one only

private:
    TornadoData data_;
};

} // namespace accelplan::ui
