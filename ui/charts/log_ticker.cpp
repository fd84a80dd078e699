// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/log_ticker.h"

#include <cmath>
#include <vector>

namespace accelplan::ui {

QVector<double> LogTicker::createTickVector(double, const QCPRange &range) {
    QVector<double> ticks;
    const double upper = range.upper;
    const double lower = range.lower > 0 ? range.lower : upper * 1e-6;
    if (!(upper > lower) || !std::isfinite(lower) || !std::isfinite(upper))
        return ticks;
    if (base_ == 2) {
        for (int e = static_cast<int>(std::floor(std::log2(lower)));
             e <= static_cast<int>(std::ceil(std::log2(upper))); ++e)
            ticks << std::ldexp(1.0, e);
        return ticks;
    }
    const int first = static_cast<int>(std::floor(std::log10(lower)));
    const int last = static_cast<int>(std::ceil(std::log10(upper)));
    const int decades = last - first;
    // Enough ticks to read a value off, few enough that the labels do not collide.
    std::vector<double> mantissas{1};
    if (decades <= 1)
        mantissas = {1, 1.5, 2, 3, 4, 5, 6, 7, 8};
    else if (decades <= 3)
        mantissas = {1, 2, 5};
    else if (decades <= 5)
        mantissas = {1, 3};
    const int stride = decades > 10 ? 2 : 1;
    for (int e = first; e <= last; e += stride)
        for (double m : mantissas)
            ticks << m * std::pow(10.0, e);
    return ticks;
}

QVector<double> LogTicker::createSubTickVector(int, const QVector<double> &) { return {}; }

QString LogTicker::getTickLabel(double tick, const QLocale &locale, QChar, int) {
    if (std::abs(tick) >= 1e6 || (std::abs(tick) < 1e-3 && tick != 0))
        return locale.toString(tick, 'g', 3);
    // Up to three significant digits, without trailing zeros.
    const int decimals =
        std::abs(tick) >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(std::abs(tick)))) + 1;
    QString text = locale.toString(tick, 'f', decimals);
    if (text.contains(locale.decimalPoint())) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(locale.decimalPoint()))
            text.chop(1);
    }
    return text;
}

} // namespace accelplan::ui
