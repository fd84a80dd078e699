// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Units for chart axes: a plot of 300,000 seconds reads better in days. Each scale divides the
// base-unit numbers and names the unit for the axis label.

#include <QString>

namespace accelplan::ui {

struct AxisScale {
    double divisor = 1;
    QString unit; // "days", "k$", "GiB"
    double of(double baseValue) const { return baseValue / divisor; }
};

// Seconds to s, min, h or days by the largest value.
AxisScale timeScale(double maxSeconds);
// Dollars to $, thousand $ or million $, in the shown currency (€, thousand €, ...).
AxisScale moneyScale(double maxDollars);
// Bytes to GiB (or MiB for small models).
AxisScale memoryScale(double maxBytes);

} // namespace accelplan::ui
