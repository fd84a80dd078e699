// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The recommendation in a few lines: the winner, why it wins, what the runner-up would trade,
// and what is ruled out. The words come from core/plan (explain.h).

#include "plan/analysis.h"

#include <QFrame>

class QLabel;

namespace accelplan::ui {

class RecommendationCard : public QFrame {
    Q_OBJECT
public:
    explicit RecommendationCard(QWidget *parent = nullptr);

    void setAnalysis(const Analysis &analysis);
    QString winnerText() const;
    QString whyText() const;
    QString planText() const; // empty without a plan
    // What the card says of catalog values the user changed; empty when it says nothing.
    QString userValuesText() const;

private:
    QLabel *heading_;
    QLabel *winner_;
    QLabel *why_;
    QLabel *tradeOff_;
    QLabel *plan_;
    QLabel *excluded_;
    QLabel *userValues_;   // the catalog values behind the numbers that the user changed
    QLabel *currencyNote_; // the rate amounts are converted at, when not shown in US dollars
};

} // namespace accelplan::ui
