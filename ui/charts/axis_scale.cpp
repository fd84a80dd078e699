// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/axis_scale.h"

#include "support/shown_currency.h"

#include <QObject>

namespace accelplan::ui {

namespace {
constexpr double kMinute = 60, kHour = 3600, kDay = 86400;
constexpr double kGiB = 1024.0 * 1024.0 * 1024.0, kMiB = 1024.0 * 1024.0;
} // namespace

AxisScale timeScale(double maxSeconds) {
    if (maxSeconds >= 3 * kDay)
        return {kDay, QObject::tr("days")};
    if (maxSeconds >= 3 * kHour)
        return {kHour, QObject::tr("h")};
    if (maxSeconds >= 3 * kMinute)
        return {kMinute, QObject::tr("min")};
    if (maxSeconds >= 1)
        return {1, QObject::tr("s")};
    return {1e-3, QObject::tr("ms")};
}

AxisScale moneyScale(double maxDollars) {
    // In the shown currency: the divisor also converts ("thousand €" is 1,000 / 0.92 dollars).
    const double perUsd = units::shownCurrency().perUsd;
    const QString sign = shownCurrencySign();
    const double max = maxDollars * perUsd;
    if (max >= 3e6)
        return {1e6 / perUsd, QObject::tr("million %1").arg(sign)};
    if (max >= 3e3)
        return {1e3 / perUsd, QObject::tr("thousand %1").arg(sign)};
    return {1 / perUsd, sign};
}

AxisScale memoryScale(double maxBytes) {
    if (maxBytes >= kGiB)
        return {kGiB, QObject::tr("GiB")};
    return {kMiB, QObject::tr("MiB")};
}

} // namespace accelplan::ui
