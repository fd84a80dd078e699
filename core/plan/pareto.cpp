// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan/pareto.h"

#include <algorithm>
#include <numeric>

namespace accelplan {

std::vector<std::size_t> paretoFront(std::span<const TimeCost> points) {
    std::vector<std::size_t> order(points.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (points[a].time != points[b].time)
            return points[a].time < points[b].time;
        return points[a].cost < points[b].cost;
    });
    // Swept fastest first, a point joins when it is cheaper than everything faster.
    std::vector<std::size_t> front;
    for (std::size_t i : order) {
        if (front.empty() || points[i].cost < points[front.back()].cost)
            front.push_back(i);
    }
    return front;
}

} // namespace accelplan
