// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chart 5: memory per chip, stacked by what it holds (weights, gradients, optimizer state,
// activations, KV cache, other), against the chip's capacity. Training and serving in two
// panels when the scenario does both.

#include "charts/chart_colors.h"
#include "charts/chart_view.h"

#include <array>
#include <optional>
#include <vector>

namespace accelplan::ui {

inline constexpr std::array kMemoryParts{MemoryPart::weights,   MemoryPart::gradients,
                                         MemoryPart::optimizer, MemoryPart::activations,
                                         MemoryPart::kvCache,   MemoryPart::other};
QString memoryPartName(MemoryPart part);

struct MemoryRow {
    std::size_t candidate = 0;
    QString label;
    std::array<double, kMemoryParts.size()> bytes{}; // per part, in kMemoryParts order
    double total = 0;
    std::optional<double> capacity; // the chip's memory, bytes
    bool fits = false;
};

struct MemoryPanel {
    QString title; // "Training", "Serving"
    std::vector<MemoryRow> rows;
};

struct MemoryData {
    std::vector<MemoryPanel> panels;
};

MemoryData memoryData(const Analysis &analysis);

class MemoryChart : public ChartView {
    Q_OBJECT
public:
    explicit MemoryChart(QWidget *parent = nullptr);
    const MemoryData &data() const { return data_; }

protected:
    void build(const Analysis &analysis) override;

private:
    MemoryData data_;
};

} // namespace accelplan::ui
