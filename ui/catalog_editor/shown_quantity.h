// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How the catalog editor writes a value for people, in every view (form, chips table, diff):
// with its unit, and bytes in the units the user prefers. By default each byte value is shown
// in whichever of decimal or binary units it is a round number in, which is how its vendor
// states it: an H100's 80 GB (80e9 bytes, not "74.51 GiB"), a Trainium2's 96 GiB (not
// "103.1 GB"). Typed "80 GB" or "96 GiB" therefore reads back as typed.

#include "units/measure.h"

#include <QString>

namespace accelplan::ui {

enum class ByteUnits {
    asStated, // GB or GiB, whichever the value is round in (the default)
    decimal,  // GB, GB/s: one unit down a column, for comparing
    binary,   // GiB, GiB/s
};

// Kept in the settings.
ByteUnits preferredByteUnits();
void setPreferredByteUnits(ByteUnits units);

// `value` (base units) with its unit: "3.35 TB/s", "96 GiB", "989.4 TFLOP/s".
QString shownQuantity(double value, units::Measure measure, int significantDigits = 4);

} // namespace accelplan::ui
