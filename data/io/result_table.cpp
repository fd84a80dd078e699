// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/result_table.h"

#include "evaluation/layout_text.h"
#include "io/text_table.h"
#include "support/qt_text.h"
#include "units/format.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <vector>

namespace accelplan::data {
namespace {

// Shown where a value does not exist (a candidate that does not fit, a missing price).
const QString kNone = QStringLiteral("-");

// Three significant digits read well in a table and are as good as the estimates.
units::FormatOptions brief() {
    units::FormatOptions o;
    o.significantDigits = 3;
    return o;
}

template <class Q> QString fmt(Q q) { return qs(units::format(q, brief())); }

// "998k", "1.21M", "82.4": counts per second with a metric prefix.
QString rate(double v) {
    static constexpr const char *kPrefixes[] = {"", "k", "M", "G", "T"};
    std::size_t k = 0;
    while (k + 1 < std::size(kPrefixes) && std::fabs(v) >= 999.5 * std::pow(1000.0, double(k)))
        ++k;
    return qs(units::formatNumber(v / std::pow(1000.0, double(k)), 3)) +
           QString::fromLatin1(kPrefixes[k]);
}

QString kilogramsCo2(units::Kilograms kg) {
    if (kg.value() >= 1000)
        return qs(units::formatNumber(kg.value() / 1000, 3)) + QStringLiteral(" t");
    return qs(units::formatNumber(kg.value(), 3)) + QStringLiteral(" kg");
}

// "2.85 to 4.11 days"; both units when they differ ("50 min to 1.2 h").
QString range(units::Seconds low, units::Seconds high) {
    const QString a = fmt(low), b = fmt(high);
    const QString unitA = a.section(QLatin1Char(' '), 1), unitB = b.section(QLatin1Char(' '), 1);
    if (unitA == unitB)
        return a.section(QLatin1Char(' '), 0, 0) + QStringLiteral(" to ") + b;
    return a + QStringLiteral(" to ") + b;
}

QString offeringOf(const CandidateResult &r) {
    if (!r.offering.empty())
        return qs(r.offering);
    return r.spend && r.spend->pricing == Pricing::owned ? QStringLiteral("owned") : kNone;
}

QString trainingTable(const Evaluation &e) {
    const bool tokens = std::any_of(e.results.begin(), e.results.end(), [](const auto &r) {
        return r.training && r.training->tokensPerSecond > 0;
    });
    TextTable table(
        {QStringLiteral("chip"), QStringLiteral("chips"), QStringLiteral("offering"),
         QStringLiteral("fits"), QStringLiteral("layout"), QStringLiteral("memory/chip"),
         QStringLiteral("step"), tokens ? QStringLiteral("tokens/s") : QStringLiteral("samples/s"),
         QStringLiteral("MFU"), QStringLiteral("time to train"), QStringLiteral("range"),
         QStringLiteral("cost"), QStringLiteral("energy"), QStringLiteral("CO2")},
        TextTable::FirstRow::header,
        {false, true, false, false, false, true, true, true, true, true, false, true, true, true});
    for (const CandidateResult &r : e.results) {
        if (!r.training)
            continue;
        const TrainingResult &t = *r.training;
        QStringList row{qs(r.chipId), QString::number(r.count), offeringOf(r),
                        t.fits ? QStringLiteral("yes") : QStringLiteral("no")};
        const bool tried = t.memory.total().value() > 0;
        row << (tried ? qs(layoutText(t.parallelism, LayoutUse::training)) : kNone)
            << (tried ? fmt(t.memory.total()) : kNone);
        if (!t.fits) {
            for (int i = 0; i < 8; ++i)
                row << kNone;
            table.add(row);
            continue;
        }
        const bool priced = r.spend && r.spend->fleetRate;
        const bool powered = r.spend && r.spend->power;
        row << fmt(t.stepTime) << rate(tokens ? t.tokensPerSecond : t.samplesPerSecond)
            << qs(units::formatPercent(t.mfu)) << fmt(t.timeToTrain.nominal)
            << range(t.timeToTrain.low, t.timeToTrain.high) << (priced ? fmt(t.cost) : kNone)
            << (powered ? fmt(t.energy) : kNone) << (powered ? kilogramsCo2(t.co2) : kNone);
        table.add(row);
    }
    return QStringLiteral("Training\n") + table.text();
}

QString inferenceTable(const Evaluation &e) {
    const bool tokens = std::any_of(e.results.begin(), e.results.end(), [](const auto &r) {
        return r.inference && r.inference->throughputTokensPerSecond > 0;
    });
    QStringList header{QStringLiteral("chip"),       QStringLiteral("chips"),
                       QStringLiteral("offering"),   QStringLiteral("fits"),
                       QStringLiteral("batch"),      QStringLiteral("layout"),
                       QStringLiteral("memory/chip")};
    std::vector<bool> right{false, true, false, false, true, false, true};
    if (tokens) {
        header << QStringLiteral("TTFT") << QStringLiteral("TPOT") << QStringLiteral("tokens/s");
        right.insert(right.end(), {true, true, true});
    }
    const bool energy = std::any_of(e.results.begin(), e.results.end(), [](const auto &r) {
        return r.inference && r.inference->energyPerRequest;
    });
    header << QStringLiteral("samples/s") << QStringLiteral("latency");
    right.insert(right.end(), {true, true});
    if (energy) {
        header << QStringLiteral("per request");
        right.push_back(true);
    }
    header << (tokens ? QStringLiteral("per M tokens") : QStringLiteral("per M samples"))
           << QStringLiteral("per month");
    right.insert(right.end(), {true, true});
    TextTable table(header, TextTable::FirstRow::header, right);
    for (const CandidateResult &r : e.results) {
        if (!r.inference)
            continue;
        const InferenceResult &i = *r.inference;
        QStringList row{qs(r.chipId), QString::number(r.count), offeringOf(r),
                        i.fits ? QStringLiteral("yes") : QStringLiteral("no")};
        const bool hasMemory = i.memory.total().value() > 0;
        if (!i.fits) {
            row << kNone << kNone << (hasMemory ? fmt(i.memory.total()) : kNone);
            while (row.size() < qsizetype(right.size()))
                row << kNone;
            table.add(row);
            continue;
        }
        row << QString::number(i.batch) << qs(layoutText(i.parallelism, LayoutUse::serving))
            << fmt(i.memory.total());
        if (tokens)
            row << fmt(i.ttft) << fmt(i.tpot) << rate(i.throughputTokensPerSecond);
        row << rate(i.throughputSamplesPerSecond) << fmt(i.latency);
        if (energy)
            row << (i.energyPerRequest ? fmt(*i.energyPerRequest) : kNone);
        const Spend *s = r.spend ? &*r.spend : nullptr;
        if (tokens)
            row << (s && s->fleetRate && i.throughputTokensPerSecond > 0
                        ? fmt(i.costPerMillionTokens)
                        : kNone);
        else
            row << (s && s->costPerMillionSamples ? fmt(*s->costPerMillionSamples) : kNone);
        row << (s && s->monthlyCost ? fmt(*s->monthlyCost) : kNone);
        table.add(row);
    }
    return QStringLiteral("Serving\n") + table.text();
}

// One section listing, per candidate, the lines `of` gives (its problems, its assumptions).
QString perCandidate(const Evaluation &e, const QString &title,
                     std::vector<std::string> CandidateResult::*of) {
    QString out;
    for (const CandidateResult &r : e.results)
        for (const std::string &p : r.*of)
            out += QStringLiteral("  %1 x%2: %3\n").arg(qs(r.chipId)).arg(r.count).arg(qs(p));
    return out.isEmpty() ? QString() : title + u'\n' + out;
}

// Each candidate's fleet at the plan's first and last month, what the whole plan costs, and
// the month it stops being enough (months count from 1 here, as people count them).
QString growthTable(const Evaluation &e, const std::vector<GrowthOutcome> &growth) {
    TextTable table({QStringLiteral("chip"), QStringLiteral("chips"), QStringLiteral("replica"),
                     QStringLiteral("first month"), QStringLiteral("last month"),
                     QStringLiteral("last month's spend"), QStringLiteral("plan's spend"),
                     QStringLiteral("enough")},
                    TextTable::FirstRow::header,
                    {false, true, true, true, true, true, true, false});
    QString notes;
    for (std::size_t k = 0; k < growth.size() && k < e.results.size(); ++k) {
        const CandidateResult &r = e.results[k];
        const GrowthOutcome &g = growth[k];
        QStringList row{qs(r.chipId), QString::number(r.count)};
        if (g.months.empty()) {
            row << kNone << kNone << kNone << kNone << kNone << QStringLiteral("no");
            table.add(row);
            notes +=
                QStringLiteral("  %1 x%2: %3\n").arg(qs(r.chipId)).arg(r.count).arg(qs(g.problem));
            continue;
        }
        const bool priced = std::all_of(g.months.begin(), g.months.end(),
                                        [](const GrowthMonth &m) { return m.cost.has_value(); });
        units::Dollars total = units::dollars(0);
        for (const GrowthMonth &m : g.months)
            total += m.cost.value_or(units::dollars(0));
        const GrowthMonth &last = g.months.back();
        row << (g.chipsPerReplica == 1 ? QStringLiteral("1 chip")
                                       : QStringLiteral("%1 chips").arg(g.chipsPerReplica))
            << QString::number(g.months.front().chips) << QString::number(last.chips)
            << (last.cost ? fmt(*last.cost) : kNone) << (priced ? fmt(total) : kNone)
            << (g.firstShortMonth ? QStringLiteral("until month %1").arg(*g.firstShortMonth)
                                  : QStringLiteral("all %1 months").arg(g.months.size()));
        table.add(row);
    }
    return QStringLiteral("Growth plan\n") + table.text() + notes;
}

QString sensitivityTable(const Evaluation &e, const Sensitivity &s, std::size_t result) {
    if (s.bars.empty() || result >= e.results.size())
        return {};
    const auto maybe = [](const auto &q) { return q ? fmt(*q) : kNone; };
    TextTable table({QStringLiteral("input"), QStringLiteral("low"), QStringLiteral("high"),
                     QStringLiteral("time low"), QStringLiteral("time high"),
                     QStringLiteral("cost low"), QStringLiteral("cost high"),
                     QStringLiteral("swing")},
                    TextTable::FirstRow::header, {false, true, true, true, true, true, true, true});
    for (const TornadoBar &b : s.bars)
        table.add({qs(std::string(toString(b.input))), qs(b.lowSetting), qs(b.highSetting),
                   maybe(b.timeLow), maybe(b.timeHigh), maybe(b.costLow), maybe(b.costHigh),
                   qs(units::formatPercent(b.swing()))});
    const CandidateResult &r = e.results[result];
    return QStringLiteral("Sensitivity of %1 x%2 (%3: %4, %5)\n")
               .arg(qs(r.chipId))
               .arg(r.count)
               .arg(qs(std::string(toString(s.focus))), maybe(s.baseTime), maybe(s.baseCost)) +
           table.text();
}

} // namespace

QString resultToTable(const Evaluation &evaluation, const Recommendation *recommendation,
                      const Analysis *analysis) {
    QStringList sections;
    sections << qs(evaluation.scenarioName.empty() ? std::string("(unnamed scenario)")
                                                   : evaluation.scenarioName) +
                    QStringLiteral(" (catalog ") + qs(evaluation.catalogVersion) +
                    QStringLiteral(")\n");
    const auto any = [&](auto member) {
        return std::any_of(evaluation.results.begin(), evaluation.results.end(),
                           [&](const CandidateResult &r) { return bool(r.*member); });
    };
    if (any(&CandidateResult::training))
        sections << trainingTable(evaluation);
    if (any(&CandidateResult::inference))
        sections << inferenceTable(evaluation);
    if (const QString p =
            perCandidate(evaluation, QStringLiteral("Problems"), &CandidateResult::problems);
        !p.isEmpty())
        sections << p;
    if (const QString a =
            perCandidate(evaluation, QStringLiteral("Assumptions"), &CandidateResult::assumptions);
        !a.isEmpty())
        sections << a;
    if (recommendation && !recommendation->why.empty()) {
        QString text = QStringLiteral("Recommendation (") +
                       qs(std::string(toString(recommendation->objective))) + QStringLiteral(", ") +
                       qs(std::string(toString(recommendation->focus))) + QStringLiteral(")\n  ") +
                       qs(recommendation->why) + QLatin1Char('\n');
        if (!recommendation->tradeOff.empty())
            text += QStringLiteral("  ") + qs(recommendation->tradeOff) + QLatin1Char('\n');
        if (recommendation->plan)
            text += QStringLiteral("Plan\n  ") + qs(recommendation->plan->why) + QLatin1Char('\n');
        // Why each candidate left out is out: a planner's first question about a ranking.
        QString ruledOut;
        for (const Score &score : recommendation->ranking) {
            if (score.eligible() || score.result >= evaluation.results.size())
                continue;
            const CandidateResult &r = evaluation.results[score.result];
            QStringList reasons;
            for (const std::string &reason : score.exclusions)
                reasons << qs(reason);
            ruledOut += QStringLiteral("  %1 x%2: %3\n")
                            .arg(qs(r.chipId))
                            .arg(r.count)
                            .arg(reasons.join(QStringLiteral("; ")));
        }
        if (!ruledOut.isEmpty())
            text += QStringLiteral("Ruled out\n") + ruledOut;
        sections << text;
    }
    if (analysis && analysis->crossover)
        sections << QStringLiteral("Beyond the CPU (one chip each, the model from 1/64 to 64 "
                                   "times its size)\n  ") +
                        qs(analysis->crossover->summary) + QLatin1Char('\n');
    if (analysis && !analysis->growth.empty())
        sections << growthTable(evaluation, analysis->growth);
    if (analysis && analysis->sensitivity)
        if (const QString t =
                sensitivityTable(evaluation, *analysis->sensitivity, analysis->sensitivityResult);
            !t.isEmpty())
            sections << t;
    // Names and reasons come from files: none may reach the terminal as a control sequence.
    return terminalSafe(sections.join(QLatin1Char('\n')), true);
}

} // namespace accelplan::data
