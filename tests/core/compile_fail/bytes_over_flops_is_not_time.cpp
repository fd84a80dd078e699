// SPDX-License-Identifier: GPL-3.0-or-later
// Dividing bytes by a compute rate gives no time: the compiler must refuse it.
#include "units/quantities.h"

using namespace accelplan::units;

int main() {
    const Bytes weights = bytes(1.4e11);
#ifdef ACCELPLAN_CORRECT
    const BytesPerSecond bandwidth = bytesPerSecond(3.35e12);
    const Seconds t = weights / bandwidth;
#else
    const FlopsPerSecond rate = flopsPerSecond(9.89e14);
    const Seconds t = weights / rate;
#endif
    return t.value() > 0 ? 0 : 1;
}
