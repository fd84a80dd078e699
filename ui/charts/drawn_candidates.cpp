// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/drawn_candidates.h"

#include <QLocale>
#include <QObject>

#include <set>
#include <string>

namespace accelplan::ui {

DrawnCandidates::DrawnCandidates(const Analysis &analysis)
    : drawn_(analysis.evaluation.results.size(), false) {
    if (drawn_.size() <= kMaxDrawnCandidates) {
        drawn_.assign(drawn_.size(), true);
        shown_ = drawn_.size();
        return;
    }
    // The ranking holds the eligible candidates best first, then the excluded ones. A chart
    // compares chips: the best-ranked candidate of each chip first, then the next best.
    const auto take = [&](std::size_t result) {
        if (shown_ < kMaxDrawnCandidates && result < drawn_.size() && !drawn_[result]) {
            drawn_[result] = true;
            ++shown_;
        }
    };
    std::set<std::string> chips;
    for (const Score &score : analysis.recommendation.ranking)
        if (score.result < drawn_.size() &&
            chips.insert(analysis.evaluation.results[score.result].chipId).second)
            take(score.result);
    for (const Score &score : analysis.recommendation.ranking)
        take(score.result);
    // An analysis not ranked yet: the scenario's first candidates.
    for (std::size_t i = 0; i < drawn_.size(); ++i)
        take(i);
}

QString DrawnCandidates::note() const {
    const QLocale locale(QLocale::English);
    return QObject::tr("%1 of %2 candidates are drawn (the best-ranked of each chip first); the "
                       "tables list every one.")
        .arg(shown_)
        .arg(locale.toString(static_cast<qulonglong>(drawn_.size())));
}

} // namespace accelplan::ui
