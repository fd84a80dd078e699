// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The recommendation in words: names, metrics and trade-offs as people read them. Every number
// goes through units/format.h.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "plan/recommend.h"

#include <string>
#include <string_view>

namespace accelplan {

// "NVIDIA H100 SXM5 80GB": the catalog's name with its vendor; the id when it has none.
std::string chipName(const Catalog &catalog, std::string_view chipId);

// "64 × NVIDIA H100 SXM5 80GB"; the chip id when the catalog does not know it.
std::string candidateName(const Catalog &catalog, const CandidateResult &result);

// "4.2 days to train" / "850 ms per request".
// `unitLike`: write the time in the unit `unitLike` reads best in, when the two are compared
// in one sentence ("1.709 days" after "2.774 days", not "41.02 h").
std::string timePhrase(Focus focus, units::Seconds time, units::Seconds unitLike = {});
// "$12,300" / "$0.92 per million tokens" / "$31,000 a month" (the budget's measure).
std::string costPhrase(Focus focus, const CandidateResult &result, units::Dollars cost);
std::string budgetPhrase(Focus focus, units::Dollars cost);

// Fills `why` and `tradeOff` from a ranked recommendation.
void explain(Recommendation &recommendation, const Scenario &scenario, const Catalog &catalog,
             const Evaluation &evaluation);

} // namespace accelplan
