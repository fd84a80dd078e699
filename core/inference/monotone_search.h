// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Searching an integer range for the last value a condition holds at, when it holds up to some
// point and not beyond (latency grows with the batch, so "meets the SLO" is such a condition).

namespace accelplan {

// The largest integer in [lo, hi] for which `ok` holds; lo - 1 when it holds nowhere.
template <class Predicate> int lastTrue(int lo, int hi, const Predicate &ok) {
    if (hi < lo || !ok(lo))
        return lo - 1;
    while (lo < hi) {
        const int mid = lo + (hi - lo + 1) / 2;
        if (ok(mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

} // namespace accelplan
