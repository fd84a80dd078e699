// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Text for people in the widgets: core's strings and formatted quantities as QString, and the
// short names charts and tables give chips and candidates.

#include "hardware/catalog.h"
#include "support/qt_text.h"
#include "units/format.h"

#include <QString>

#include <string_view>

namespace accelplan::ui {

using data::qs;

template <class Q> QString formatted(Q quantity) { return qs(units::format(quantity)); }

inline QString formattedNumber(double value, int significantDigits = 4) {
    return qs(units::formatNumber(value, significantDigits));
}

// The vendor as people say it: "Intel" for "Intel (Habana)".
QString shortVendor(const Chip &chip);
// "NVIDIA H100 SXM5 80GB", "Google TPU v6e": vendor and name without the catalog's remarks in
// parentheses; the id when the catalog does not know the chip.
QString chipLabel(const Catalog &catalog, std::string_view chipId);
QString chipLabel(const Chip &chip);
// "64 × NVIDIA H100 SXM5 80GB".
QString candidateLabel(const Catalog &catalog, std::string_view chipId, int count);

// A file name made of a scenario's name: "Llama 3.1 70B: fine-tune" gives
// "llama-3-1-70b-fine-tune"; `fallback` when the name has no letter or digit.
QString fileStem(std::string_view scenarioName, const QString &fallback);

} // namespace accelplan::ui
