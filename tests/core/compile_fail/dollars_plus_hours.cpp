// SPDX-License-Identifier: GPL-3.0-or-later
// Money and time do not add up: the compiler must refuse it.
#include "units/quantities.h"

using namespace accelplan::units;

int main() {
    const DollarsPerSecond price = dollarsPerHour(2.49);
    const Seconds runtime = hours(10);
#ifdef ACCELPLAN_CORRECT
    const Dollars cost = price * runtime;
#else
    const Dollars cost = price + runtime;
#endif
    return cost.value() > 0 ? 0 : 1;
}
