// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Numbers and names as the report prints them: units and sensible digits, "–" for a value
// that does not apply.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "support/text.h"
#include "units/format.h"

#include <QString>

#include <optional>
#include <string>

namespace accelplan::ui::report {

inline const QString kNotApplicable = QStringLiteral("–");

template <class Q> QString fmt(Q quantity, int digits = 3) {
    units::FormatOptions options;
    options.significantDigits = digits;
    return qs(units::format(quantity, options));
}

template <class Q> QString fmt(const std::optional<Q> &quantity, int digits = 3) {
    return quantity ? fmt(*quantity, digits) : kNotApplicable;
}

inline QString number(double value, int digits = 3) {
    return qs(units::formatNumber(value, digits));
}
// Mass has no unit family of its own in core (it only appears as CO2).
inline QString kilograms(units::Kilograms mass) {
    return number(mass.value()) + QStringLiteral(" kg");
}
inline QString percent(double fraction) { return qs(units::formatPercent(fraction)); }

// "NVIDIA H100 SXM5 80GB", or the id when the catalog does not know the chip.
QString chipName(const Catalog &catalog, const std::string &chipId);
// "64 × NVIDIA H100 SXM5 80GB"
QString candidateLabel(const Catalog &catalog, const CandidateResult &result);

} // namespace accelplan::ui::report
