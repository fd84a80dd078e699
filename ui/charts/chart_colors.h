// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The colours charts use. A vendor keeps its colour in every chart (NVIDIA green, AMD red,
// Google blue, ...); candidates of one vendor get shades of it. Each colour has a variant for
// light and one for dark backgrounds, so that lines and bars keep their contrast in both.

#include "plan/analysis.h"

#include <qcustomplot.h>

#include <QColor>
#include <QPalette>

#include <cstddef>

namespace accelplan::ui {

// Whether a palette draws dark on light (false) or light on dark (true).
bool isDark(const QPalette &palette);

// The vendor's colour: by the catalog's vendor name ("NVIDIA", "Intel (Habana)", ...).
QColor vendorColor(const QString &vendor, bool dark);

// The colour of the candidate at `index`: its vendor's, shaded by how many other chips of the
// same vendor the charts draw before it.
QColor candidateColor(const Analysis &analysis, std::size_t index, bool dark);
// Its marker, which like its shade tells the chips of one vendor apart, in print and for
// colour-blind readers too: a circle, a square, a triangle, a diamond, then again.
QCPScatterStyle::ScatterShape candidateShape(const Analysis &analysis, std::size_t index);

// The parts of a chip's memory, in the order they are stacked.
enum class MemoryPart { weights, gradients, optimizer, activations, kvCache, other };
QColor memoryPartColor(MemoryPart part, bool dark);

} // namespace accelplan::ui
