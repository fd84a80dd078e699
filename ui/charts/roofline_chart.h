// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chart 4: the roofline of each candidate chip (peak compute, and memory bandwidth times
// arithmetic intensity below the ridge) with where the workload runs on it: training at the
// intensity of its weight matrix products and the achieved MFU, serving's decode steps at the
// intensity of the evaluated batch and its achieved rate. Log-log, FLOP per byte against
// FLOP/s per chip.

#include "charts/chart_view.h"

#include <vector>

namespace accelplan::ui {

struct Roof {
    std::string chipId;
    std::size_t candidate = 0; // the first candidate on this chip (for its colour)
    QString label;
    Precision precision = Precision::bf16;
    double peak = 0;                                  // FLOP/s
    double bandwidth = 0;                             // byte/s
    double ridge() const { return peak / bandwidth; } // FLOP per byte
};

struct OperatingPoint {
    enum class Kind { training, decode, serving };
    std::size_t candidate = 0;
    Kind kind = Kind::training;
    QString label;
    double intensity = 0; // FLOP per byte
    double achieved = 0;  // FLOP/s per chip
    double peak = 0;      // the chip's peak at the precision of this work
};

struct RooflineData {
    std::vector<Roof> roofs;
    std::vector<OperatingPoint> points;
};

RooflineData rooflineData(const Analysis &analysis);

class RooflineChart : public ChartView {
    Q_OBJECT
public:
    explicit RooflineChart(QWidget *parent = nullptr);
    const RooflineData &data() const { return data_; }

protected:
    void build(const Analysis &analysis) override;

private:
    RooflineData data_;
};

} // namespace accelplan::ui
