// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/recommendation_card.h"

#include "plan/user_values.h"

#include "support/shown_currency.h"
#include "support/text.h"

#include <QFont>
#include <QLabel>
#include <QVBoxLayout>

namespace accelplan::ui {

namespace {

QString objectiveText(Objective o, Focus focus) {
    const bool training = focus == Focus::training;
    switch (o) {
    case Objective::fastest:
        return training ? QObject::tr("Fastest to train") : QObject::tr("Lowest latency");
    case Objective::cheapest:
        return training ? QObject::tr("Cheapest training run")
                        : QObject::tr("Cheapest per token served");
    case Objective::cheapestWithinDeadline: return QObject::tr("Cheapest within the deadline");
    case Objective::lowestLatencyWithinBudget: return QObject::tr("Lowest latency within budget");
    case Objective::lowestEnergy:
        return training ? QObject::tr("Least energy for the run")
                        : QObject::tr("Least energy per request");
    }
    return {};
}

QLabel *wrappingLabel(QWidget *parent, const QString &name) {
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

} // namespace

RecommendationCard::RecommendationCard(QWidget *parent) : QFrame(parent) {
    setObjectName(QStringLiteral("recommendationCard"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    heading_ = wrappingLabel(this, QStringLiteral("recommendationHeading"));
    winner_ = wrappingLabel(this, QStringLiteral("recommendationWinner"));
    QFont big = winner_->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    winner_->setFont(big);
    why_ = wrappingLabel(this, QStringLiteral("recommendationWhy"));
    tradeOff_ = wrappingLabel(this, QStringLiteral("recommendationTradeOff"));
    plan_ = wrappingLabel(this, QStringLiteral("recommendationPlan"));
    excluded_ = wrappingLabel(this, QStringLiteral("recommendationExcluded"));
    excluded_->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(heading_);
    layout->addWidget(winner_);
    layout->addWidget(plan_); // train here, serve there: what the whole scenario comes to
    layout->addWidget(why_);
    layout->addWidget(tradeOff_);
    layout->addWidget(excluded_);
    userValues_ = new QLabel(this);
    userValues_->setObjectName(QStringLiteral("userValuesLabel"));
    userValues_->setWordWrap(true);
    userValues_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    userValues_->setVisible(false);
    layout->addWidget(userValues_);
    currencyNote_ = new QLabel(this);
    currencyNote_->setObjectName(QStringLiteral("currencyNoteLabel"));
    currencyNote_->setWordWrap(true);
    QFont footnote = currencyNote_->font();
    footnote.setItalic(true);
    currencyNote_->setFont(footnote);
    currencyNote_->setVisible(false);
    layout->addWidget(currencyNote_);
    layout->addStretch(1);
    heading_->setText(tr("Recommendation"));
}

void RecommendationCard::setAnalysis(const Analysis &a) {
    const Recommendation &rec = a.recommendation;
    heading_->setText(tr("Recommendation · %1").arg(objectiveText(rec.objective, rec.focus)));
    const Score *winner = rec.winner();
    if (winner && winner->result < a.evaluation.results.size()) {
        const CandidateResult &r = a.evaluation.results[winner->result];
        winner_->setText(candidateLabel(*a.catalog, r.chipId, r.count));
    } else {
        winner_->setText(tr("No candidate qualifies"));
    }
    why_->setText(qs(rec.why));
    tradeOff_->setText(qs(rec.tradeOff));
    tradeOff_->setVisible(!rec.tradeOff.empty());
    // Training and serving: the plan may train on one chip and serve on another.
    plan_->setText(rec.plan ? tr("<b>Plan</b> — %1").arg(qs(rec.plan->why).toHtmlEscaped())
                            : QString());
    plan_->setVisible(bool(rec.plan));
    QStringList out;
    for (const Score &s : rec.ranking) {
        if (s.eligible() || s.result >= a.evaluation.results.size())
            continue;
        const CandidateResult &r = a.evaluation.results[s.result];
        out << tr("%1: %2").arg(candidateLabel(*a.catalog, r.chipId, r.count),
                                qs(s.exclusions.front()));
    }
    excluded_->setText(out.isEmpty() ? QString()
                                     : tr("Ruled out — %1").arg(out.join(QStringLiteral("; "))));
    excluded_->setVisible(!out.isEmpty());
    // The shipped values carry public sources; the user's own do not: say which are in play.
    QStringList mine;
    for (const std::string &phrase : userCatalogValues(a.evaluation, *a.catalog))
        mine << qs(phrase);
    userValues_->setText(mine.isEmpty()
                             ? QString()
                             : tr("<b>Your catalog values</b> — these numbers rest on "
                                  "values you changed or added: %1.")
                                   .arg(mine.join(QStringLiteral("; ")).toHtmlEscaped()));
    userValues_->setVisible(!mine.isEmpty());
    currencyNote_->setText(shownCurrencyNote());
    currencyNote_->setVisible(!currencyNote_->text().isEmpty());
}

QString RecommendationCard::userValuesText() const { return userValues_->text(); }

QString RecommendationCard::winnerText() const { return winner_->text(); }

QString RecommendationCard::whyText() const { return why_->text(); }

QString RecommendationCard::planText() const {
    return plan_->isVisible() ? plan_->text() : QString();
}

} // namespace accelplan::ui
