// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which candidates a chart draws a series of its own for. Past a dozen, colours repeat and the
// legend crowds out the plot; past a few hundred, QCustomPlot's legend costs time that grows
// with the square of its entries (2,000 candidates took minutes). Charts then draw the
// best-ranked candidate of each chip, then the next best, and say so; the tables still list
// every one.

#include "plan/analysis.h"

#include <QString>

#include <cstddef>
#include <vector>

namespace accelplan::ui {

constexpr std::size_t kMaxDrawnCandidates = 12;

class DrawnCandidates {
public:
    explicit DrawnCandidates(const Analysis &analysis);

    // `candidate`: a position in Evaluation::results (the scenario's candidates).
    bool contains(std::size_t candidate) const {
        return candidate < drawn_.size() && drawn_[candidate];
    }
    bool all() const { return shown_ == drawn_.size(); }
    std::size_t shown() const { return shown_; }
    // "12 of 2,000 candidates are drawn (the best-ranked of each chip first); ..."
    QString note() const;

private:
    std::vector<bool> drawn_;
    std::size_t shown_ = 0;
};

} // namespace accelplan::ui
