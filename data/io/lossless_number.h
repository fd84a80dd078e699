// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Numbers a file shows in people's units while the program holds them in base units (an
// electricity price in $/kWh, held in $/J). Converting there and back can be off by one bit;
// a saved scenario must read back exactly as it was, so the writer picks a number that does.

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace accelplan::data {

// The shortest decimal `w` near `approx` (the plain conversion of `value`) for which
// `read(w) == value`, where `read` is how the reader converts the written number back.
template <class Read> double losslessWritten(double value, double approx, Read read) {
    if (!std::isfinite(approx))
        return approx;
    for (int digits = 1; digits <= 17; ++digits) {
        char text[40];
        std::snprintf(text, sizeof text, "%.*g", digits, approx);
        const double w = std::strtod(text, nullptr);
        if (read(w) == value)
            return w;
    }
    // No decimal of up to 17 digits near `approx` reads back: try its neighbouring doubles.
    double up = approx;
    double down = approx;
    for (int step = 0; step < 8; ++step) {
        up = std::nextafter(up, HUGE_VAL);
        down = std::nextafter(down, -HUGE_VAL);
        if (read(up) == value)
            return up;
        if (read(down) == value)
            return down;
    }
    return approx;
}

} // namespace accelplan::data
