// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/report_sections.h"

#include "catalog_editor/chip_fields.h"
#include "efficiency/efficiency_data.h"
#include "evaluation/layout_text.h"
#include "hardware/serving_runtime.h"
#include "inference/decoding.h"
#include "plan/recommend.h"
#include "plan/user_values.h"
#include "report/report_text.h"
#include "support/shown_currency.h"
#include "version.h"
#include "workload/counts.h"

#include <QLocale>

#include <set>

namespace accelplan::ui::report {

namespace {

using Pairs = QList<QPair<QString, QString>>;

QString yesNo(bool fits) { return fits ? QStringLiteral("yes") : QStringLiteral("no"); }

QString workloadName(const Workload &w) {
    if (!w.displayName.empty())
        return qs(w.displayName);
    return w.presetId.empty() ? QStringLiteral("custom model") : qs(w.presetId);
}

Pairs workloadPairs(const Workload &w) {
    Pairs pairs{{QStringLiteral("Model"), workloadName(w)}};
    if (!w.presetId.empty())
        pairs.append({QStringLiteral("Preset"), qs(w.presetId)});
    const double params = parameterCount(w);
    const double active = activeParameterCount(w);
    pairs.append({QStringLiteral("Parameters"), number(params / 1e9) + QStringLiteral(" B")});
    if (active < params)
        pairs.append(
            {QStringLiteral("Active per token"), number(active / 1e9) + QStringLiteral(" B")});
    if (const TransformerShape *t = w.transformer()) {
        QString shape =
            QStringLiteral("%1 layers, hidden %2, %3 heads (%4 KV), FFN %5, vocabulary %6")
                .arg(t->layers)
                .arg(t->hidden)
                .arg(t->heads)
                .arg(t->kvHeads)
                .arg(t->ffnHidden)
                .arg(t->vocab);
        if (t->experts > 0)
            shape += QStringLiteral("; %1 experts, %2 per token")
                         .arg(t->experts)
                         .arg(t->expertsPerToken);
        if (t->encoderOnly)
            shape += QStringLiteral("; encoder only");
        pairs.append({QStringLiteral("Shape"), shape});
    } else if (const GenericShape *g = w.generic()) {
        pairs.append({QStringLiteral("Forward work per sample"), fmt(g->forwardFlopsPerSample)});
        pairs.append({QStringLiteral("Activations per sample"), fmt(g->activationBytesPerSample)});
    }
    return pairs;
}

Pairs trainingPairs(const TrainingSettings &t) {
    Pairs pairs;
    if (t.tokens)
        pairs.append({QStringLiteral("Token budget"),
                      number(*t.tokens / 1e9) + QStringLiteral(" B tokens")});
    if (t.samples)
        pairs.append({QStringLiteral("Samples"), number(*t.samples)});
    if (t.epochs != 1)
        pairs.append({QStringLiteral("Epochs"), number(t.epochs)});
    pairs.append({QStringLiteral("Sequence length"), QString::number(t.seqLen)});
    pairs.append({QStringLiteral("Global batch"), QString::number(t.globalBatch)});
    pairs.append({QStringLiteral("Precision"), qs(toString(t.precision))});
    QString method = qs(toString(t.method));
    if (t.method == TrainingMethod::lora)
        method += QStringLiteral(" (rank %1)").arg(t.loraRank);
    pairs.append({QStringLiteral("Method"), method});
    pairs.append({QStringLiteral("Optimizer"), qs(toString(t.optimizer))});
    pairs.append({QStringLiteral("Activation recompute"), qs(toString(t.recompute))});
    return pairs;
}

Pairs inferencePairs(const Workload &w, const InferenceSettings &s) {
    Pairs pairs{{QStringLiteral("Precision"), qs(toString(s.precision))}};
    if (s.kvPrecision)
        pairs.append({QStringLiteral("KV-cache precision"), qs(toString(*s.kvPrecision))});
    if (s.computePrecision)
        pairs.append({QStringLiteral("Math precision"), qs(toString(*s.computePrecision))});
    pairs.append({QStringLiteral("Tokens per request"),
                  QStringLiteral("%1 in, %2 out").arg(s.inputTokens).arg(s.outputTokens)});
    pairs.append({QStringLiteral("Mode"), qs(toString(s.mode))});
    if (const std::string decoding = decodingAssumption(w, s); !decoding.empty())
        pairs.append({QStringLiteral("Decoding"), qs(decoding)});
    if (s.phase != InferencePhase::both)
        pairs.append({QStringLiteral("Phase"), qs(toString(s.phase))});
    if (s.batch)
        pairs.append({QStringLiteral("Batch"), QString::number(*s.batch)});
    if (s.slo.ttft || s.slo.tpot)
        pairs.append({QStringLiteral("Latency targets"),
                      QStringLiteral("time to first token %1, time per output token %2")
                          .arg(fmt(s.slo.ttft), fmt(s.slo.tpot))});
    if (s.requestsPerSecond)
        pairs.append(
            {QStringLiteral("Request rate"), number(*s.requestsPerSecond) + QStringLiteral(" /s")});
    return pairs;
}

Pairs costPairs(const Costs &c) {
    Pairs pairs{
        {QStringLiteral("Pricing"), qs(toString(c.pricing))},
        {QStringLiteral("Electricity"), fmt(c.electricity)},
        {QStringLiteral("PUE"), number(c.pue)},
        {QStringLiteral("Grid carbon intensity"), fmt(c.gridIntensity)},
        {QStringLiteral("Amortization"), number(c.amortizationYears) + QStringLiteral(" years")}};
    if (const units::Currency shown = units::shownCurrency(); !shown.isUsd())
        pairs.append({QStringLiteral("Amounts shown in"), qs(units::conversionText(shown))});
    return pairs;
}

// Core leaves money and energy at zero when the catalog cannot price or power a candidate;
// the report says "–" there instead of a misleading $0.
bool priced(const CandidateResult &r) { return !r.spend || r.spend->fleetRate.has_value(); }
bool powered(const CandidateResult &r) { return !r.spend || r.spend->power.has_value(); }

// "450 W (300 W – 600 W)": a catalog value with the range it is known within.
template <class Q> QString withRange(const QString &value, const Bounds<Q> &range) {
    if (!range.low || !range.high)
        return value;
    return QStringLiteral("%1 (%2 – %3)").arg(value, fmt(*range.low, 4), fmt(*range.high, 4));
}

QString basisHeading(Basis basis) {
    switch (basis) {
    case Basis::vendor: return QStringLiteral("From the vendor's datasheet or documentation");
    case Basis::measured: return QStringLiteral("Measured");
    case Basis::secondary:
        return QStringLiteral("From secondary sources (press, resellers, indexes)");
    case Basis::estimate: return QStringLiteral("Estimates (with their reasoning)");
    }
    return {};
}

QString problemsText(const CandidateResult &r) {
    QStringList problems;
    for (const std::string &p : r.problems)
        problems << qs(p);
    return problems.join(QStringLiteral("; "));
}

} // namespace

void writeTitlePage(PageFlow &flow, const ReportInput &in) {
    flow.moveTo(0.28);
    flow.paragraph(QStringLiteral("AccelPlan report"));
    flow.title(in.scenario().name.empty() ? QStringLiteral("Untitled scenario")
                                          : qs(in.scenario().name),
               24);
    flow.space(flow.mm(6));
    const QLocale c = QLocale::c();
    Pairs pairs{
        {QStringLiteral("Generated"), c.toString(in.generated, QStringLiteral("yyyy-MM-dd HH:mm"))},
        {QStringLiteral("AccelPlan"), QString::fromUtf8(kAppVersion)},
        {QStringLiteral("Catalog data version"), qs(in.catalog().dataVersion)},
        {QStringLiteral("Candidates"), QString::number(in.evaluation().results.size())}};
    if (!in.scenarioFile.isEmpty())
        pairs.insert(0, {QStringLiteral("Scenario file"), in.scenarioFile});
    flow.keyValues(pairs);
    flow.moveTo(0.85);
    flow.paragraph(
        QStringLiteral("Predictions come from an analytical model calibrated against published "
                       "measurements; the method appendix gives its formulas and its error. "
                       "Every catalog value used is listed with its source."),
        true);
}

void writeContents(PageFlow &flow, const QList<TocEntry> &toc) {
    flow.heading(QStringLiteral("Contents"));
    Table table;
    table.header = {QStringLiteral("Section"), QStringLiteral("Page")};
    table.widths = {8, 1};
    for (const TocEntry &e : toc) {
        if (e.title == QStringLiteral("Contents"))
            continue;
        table.rows.append({(e.level > 1 ? QStringLiteral("      ") : QString()) + e.title,
                           QString::number(e.page)});
    }
    flow.table(table);
}

namespace {

// What a manager asks of a serving plan first: is every target met, with the ranges the
// model gives, how much more the fleet could carry, and what it costs a month.
QString servingSummary(const ReportInput &in, const CandidateResult &r) {
    if (!r.inference || !r.inference->fits || !in.scenario().inference)
        return {};
    const InferenceResult &got = *r.inference;
    const auto ranged = [&got](units::Seconds t) {
        const Ranged<units::Seconds> range = withUncertainty(t, got.uncertainty);
        return QStringLiteral("%1 (range %2 to %3)").arg(fmt(t), fmt(range.low), fmt(range.high));
    };
    QStringList parts;
    const std::vector<TargetCheck> checks = servingTargetChecks(r, in.scenario());
    if (!checks.empty()) {
        QStringList asked, missed;
        for (const TargetCheck &c : checks) {
            if (!c.met)
                missed << qs(c.describe());
            asked << (c.kind == TargetCheck::Kind::rate
                          ? QStringLiteral("%1 requests/s").arg(number(c.target))
                          : QStringLiteral("%1 ≤ %2").arg(c.kind == TargetCheck::Kind::ttft
                                                              ? QStringLiteral("TTFT")
                                                              : QStringLiteral("TPOT"),
                                                          fmt(units::seconds(c.target))));
        }
        parts << (missed.isEmpty() ? QStringLiteral("Every serving target is met (%1).")
                                         .arg(asked.join(QStringLiteral(", ")))
                                   : QStringLiteral("Serving targets missed: %1.")
                                         .arg(missed.join(QStringLiteral("; "))));
    }
    parts << QStringLiteral("TTFT %1, TPOT %2.").arg(ranged(got.ttft), ranged(got.tpot));
    if (got.maxRequestsPerSecond)
        parts << QStringLiteral("The fleet of %1 carries up to %2 requests/s within the targets.")
                     .arg(got.parallelism.dp == 1
                              ? QStringLiteral("1 replica")
                              : QStringLiteral("%1 replicas").arg(got.parallelism.dp),
                          number(*got.maxRequestsPerSecond));
    if (r.spend && r.spend->monthlyCost)
        parts << QStringLiteral("Serving around the clock costs %1 a month (%2 pricing).")
                     .arg(fmt(*r.spend->monthlyCost), qs(toString(in.scenario().costs.pricing)));
    return parts.join(u' ');
}

} // namespace

void writeSummary(PageFlow &flow, const ReportInput &in) {
    flow.heading(QStringLiteral("Summary"));
    const Recommendation &rec = in.recommendation();
    // Training and serving: the plan comes first, the half the goal focuses on after it.
    if (rec.plan) {
        flow.title(QStringLiteral("Plan"), 14);
        flow.paragraph(qs(rec.plan->why));
    }
    if (const Score *w = rec.winner()) {
        const CandidateResult &r = in.evaluation().results[w->result];
        flow.title(QStringLiteral("Recommended: ") + candidateLabel(in.catalog(), r), 14);
        if (!r.offering.empty())
            flow.paragraph(QStringLiteral("Rented as ") + qs(r.offering) + QStringLiteral(", ") +
                           qs(toString(in.scenario().costs.pricing)) + QStringLiteral(" pricing."));
        if (const QString serving = servingSummary(in, r); !serving.isEmpty())
            flow.paragraph(serving);
    } else {
        flow.title(QStringLiteral("No candidate can be recommended"), 14);
    }
    flow.paragraph(qs(rec.why));
    if (!rec.tradeOff.empty())
        flow.paragraph(qs(rec.tradeOff));
    // The shipped values carry public sources; values the user changed do not.
    QStringList mine;
    for (const std::string &phrase : userCatalogValues(in.evaluation(), in.catalog()))
        mine << qs(phrase);
    if (!mine.isEmpty())
        flow.paragraph(QStringLiteral("These numbers rest on catalog values you changed or "
                                      "added, not only on the shipped, sourced ones: %1.")
                           .arg(mine.join(QStringLiteral("; "))));
    if (const QString note = shownCurrencyNote(); !note.isEmpty())
        flow.paragraph(note);

    Table table;
    const bool training = rec.focus == Focus::training;
    table.header = {QStringLiteral("Rank"),
                    QStringLiteral("Candidate"),
                    training ? QStringLiteral("Time to train") : QStringLiteral("Latency"),
                    training ? QStringLiteral("Cost of the run")
                             : QStringLiteral("Cost / M tokens"),
                    QStringLiteral("Pareto"),
                    QStringLiteral("Note")};
    table.widths = {0.6, 3, 1.4, 1.4, 0.8, 3};
    table.alignments = {Qt::AlignRight, Qt::AlignLeft,    Qt::AlignRight,
                        Qt::AlignRight, Qt::AlignHCenter, Qt::AlignLeft};
    int rank = 0;
    for (const Score &s : rec.ranking) {
        const CandidateResult &r = in.evaluation().results[s.result];
        QStringList why;
        for (const std::string &e : s.exclusions)
            why << qs(e);
        table.rows.append({s.eligible() ? QString::number(++rank) : kNotApplicable,
                           candidateLabel(in.catalog(), r), fmt(s.time), fmt(s.cost),
                           s.onParetoFront ? QStringLiteral("●") : QString(),
                           why.join(QStringLiteral("; "))});
    }
    flow.heading(QStringLiteral("Ranking"), 2);
    flow.paragraph(
        QStringLiteral("Objective: %1, judged on %2. Candidates on the Pareto front of time "
                       "against cost are marked ●.")
            .arg(qs(toString(rec.objective)), qs(toString(rec.focus))),
        true);
    flow.table(table);
}

void writeAssumptions(PageFlow &flow, const ReportInput &in) {
    flow.heading(QStringLiteral("Assumptions"));
    flow.paragraph(QStringLiteral("The scenario as evaluated. Values not set in the scenario take "
                                  "AccelPlan's defaults, shown here."),
                   true);
    flow.heading(QStringLiteral("Workload"), 2);
    flow.keyValues(workloadPairs(in.scenario().workload));
    if (in.scenario().training) {
        flow.heading(QStringLiteral("Training"), 2);
        flow.keyValues(trainingPairs(*in.scenario().training));
    }
    if (in.scenario().inference) {
        flow.heading(QStringLiteral("Inference"), 2);
        flow.keyValues(inferencePairs(in.scenario().workload, *in.scenario().inference));
    }
    flow.heading(QStringLiteral("Costs"), 2);
    flow.keyValues(costPairs(in.scenario().costs));
}

void writeResults(PageFlow &flow, const ReportInput &in) {
    flow.heading(QStringLiteral("Results"));
    const auto &results = in.evaluation().results;
    const bool anyTraining =
        std::any_of(results.begin(), results.end(),
                    [](const CandidateResult &r) { return r.training.has_value(); });
    const bool anyInference =
        std::any_of(results.begin(), results.end(),
                    [](const CandidateResult &r) { return r.inference.has_value(); });
    if (anyTraining) {
        flow.heading(QStringLiteral("Training"), 2);
        Table t;
        t.header = {QStringLiteral("Candidate"), QStringLiteral("Fits"),
                    QStringLiteral("Step time"), QStringLiteral("Tokens/s"),
                    QStringLiteral("MFU"),       QStringLiteral("Time to train"),
                    QStringLiteral("Range"),     QStringLiteral("Cost")};
        t.widths = {3, 0.7, 1.1, 1.2, 0.8, 1.3, 1.9, 1.2};
        for (const CandidateResult &r : results) {
            if (!r.training)
                continue;
            const TrainingResult &tr = *r.training;
            const bool fits = tr.fits;
            t.rows.append(
                {candidateLabel(in.catalog(), r), yesNo(fits),
                 fits ? fmt(tr.stepTime) : kNotApplicable,
                 fits ? number(tr.tokensPerSecond) : kNotApplicable,
                 fits ? percent(tr.mfu) : kNotApplicable,
                 fits ? fmt(tr.timeToTrain.nominal) : kNotApplicable,
                 fits ? fmt(tr.timeToTrain.low) + QStringLiteral(" – ") + fmt(tr.timeToTrain.high)
                      : kNotApplicable,
                 fits && priced(r) ? fmt(tr.cost) : kNotApplicable});
        }
        flow.table(t);
    }
    if (anyInference) {
        flow.heading(QStringLiteral("Inference"), 2);
        Table t;
        t.header = {QStringLiteral("Candidate"),
                    QStringLiteral("Fits"),
                    QStringLiteral("Batch"),
                    QStringLiteral("TTFT"),
                    QStringLiteral("TPOT"),
                    QStringLiteral("Tokens/s"),
                    QStringLiteral("Requests/s"),
                    QStringLiteral("Latency"),
                    shownCurrencySign() + QStringLiteral(" / M tokens")};
        t.widths = {2.6, 0.7, 0.8, 1, 1, 1.2, 1.5, 1, 1.2};
        for (const CandidateResult &r : results) {
            if (!r.inference)
                continue;
            const InferenceResult &ir = *r.inference;
            const bool fits = ir.fits;
            t.rows.append({candidateLabel(in.catalog(), r), yesNo(fits),
                           fits ? QString::number(ir.batch) : kNotApplicable,
                           fits ? fmt(ir.ttft) : kNotApplicable,
                           fits ? fmt(ir.tpot) : kNotApplicable,
                           fits ? number(ir.throughputTokensPerSecond) : kNotApplicable,
                           fits ? number(ir.throughputSamplesPerSecond) : kNotApplicable,
                           fits ? fmt(ir.latency) : kNotApplicable,
                           fits && priced(r) ? fmt(ir.costPerMillionTokens) : kNotApplicable});
        }
        flow.table(t);
    }
    QStringList blocked;
    for (const CandidateResult &r : results)
        if (!r.problems.empty())
            blocked << candidateLabel(in.catalog(), r) + QStringLiteral(": ") + problemsText(r);
    if (!blocked.isEmpty()) {
        flow.heading(QStringLiteral("Problems"), 2);
        for (const QString &line : blocked)
            flow.paragraph(line);
    }
}

void writeCandidateDetails(PageFlow &flow, const ReportInput &in) {
    flow.heading(QStringLiteral("Candidate details"));
    for (const CandidateResult &r : in.evaluation().results) {
        flow.heading(candidateLabel(in.catalog(), r), 2);
        Pairs pairs;
        if (!r.offering.empty())
            pairs.append({QStringLiteral("Offering"), qs(r.offering)});
        if (r.training) {
            const TrainingResult &t = *r.training;
            pairs.append({QStringLiteral("Training fits"), yesNo(t.fits)});
            if (t.fits) {
                pairs.append({QStringLiteral("Training layout"),
                              qs(layoutText(t.parallelism, LayoutUse::training))});
                const MemoryBreakdown &m = t.memory;
                pairs.append(
                    {QStringLiteral("Training memory per chip"),
                     QStringLiteral(
                         "%1 (weights %2, gradients %3, optimizer %4, activations %5, other %6)")
                         .arg(fmt(m.total()), fmt(m.weights), fmt(m.gradients), fmt(m.optimizer),
                              fmt(m.activations), fmt(m.other))});
                const StepTimeParts &s = t.stepParts;
                pairs.append({QStringLiteral("Step time"),
                              QStringLiteral("%1: compute %2, memory-bound %3, tensor-parallel %4, "
                                             "pipeline bubble %5, data-parallel %6, optimizer %7")
                                  .arg(fmt(t.stepTime), fmt(s.compute), fmt(s.memoryBound),
                                       fmt(s.tensorParallel), fmt(s.pipelineBubble),
                                       fmt(s.dataParallel), fmt(s.optimizer))});
                pairs.append({QStringLiteral("Chip hours"), number(t.chipHours)});
                if (powered(r))
                    pairs.append(
                        {QStringLiteral("Energy and CO2"),
                         QStringLiteral("%1, %2 CO2").arg(fmt(t.energy), kilograms(t.co2))});
            }
        }
        if (r.inference) {
            const InferenceResult &i = *r.inference;
            pairs.append({QStringLiteral("Serving fits"), yesNo(i.fits)});
            if (i.fits) {
                pairs.append({QStringLiteral("Serving replica layout"),
                              qs(layoutText(i.parallelism, LayoutUse::serving))});
                if (!i.runtime.empty())
                    pairs.append(
                        {QStringLiteral("Serving runtime"), qs(servingRuntimeName(i.runtime))});
                pairs.append(
                    {QStringLiteral("Serving memory per chip"),
                     QStringLiteral("%1 (weights %2, KV cache %3, activations %4, other %5)")
                         .arg(fmt(i.memory.total()), fmt(i.memory.weights), fmt(i.memory.kvCache),
                              fmt(i.memory.activations), fmt(i.memory.other))});
            }
        }
        if (r.spend) {
            const Spend &s = *r.spend;
            pairs.append({QStringLiteral("Pricing"), qs(toString(s.pricing))});
            if (s.instances > 0)
                pairs.append(
                    {QStringLiteral("Instances"),
                     QStringLiteral("%1 (%2 chips billed)").arg(s.instances).arg(s.billedChips)});
            pairs.append({QStringLiteral("Fleet price"),
                          s.fleetRate ? fmt(*s.fleetRate) : qs(s.priceProblem)});
            pairs.append({QStringLiteral("A month around the clock"), fmt(s.monthlyCost)});
            pairs.append({QStringLiteral("Buying it"), fmt(s.capex)});
            pairs.append(
                {QStringLiteral("Buying beats renting after"),
                 s.breakEven ? fmt(*s.breakEven) : QStringLiteral("never, or a price is missing")});
            pairs.append({QStringLiteral("Power at the wall"), fmt(s.power)});
            if (s.trainingCost)
                pairs.append(
                    {QStringLiteral("Training cost range"),
                     fmt(s.trainingCost->low) + QStringLiteral(" – ") + fmt(s.trainingCost->high)});
            if (s.energyPerMillionTokens)
                pairs.append(
                    {QStringLiteral("Energy per million tokens"), fmt(*s.energyPerMillionTokens)});
            if (s.co2PerMillionTokens)
                pairs.append(
                    {QStringLiteral("CO2 per million tokens"), kilograms(*s.co2PerMillionTokens)});
        }
        if (!r.problems.empty())
            pairs.append({QStringLiteral("Problems"), problemsText(r)});
        if (!r.assumptions.empty()) {
            QStringList assumptions;
            for (const std::string &a : r.assumptions)
                assumptions << qs(a);
            pairs.append({QStringLiteral("Assumptions"), assumptions.join(QStringLiteral("; "))});
        }
        flow.keyValues(pairs);
    }
}

void writeCatalogValues(PageFlow &flow, const ReportInput &in) {
    flow.heading(QStringLiteral("Catalog values used"));
    flow.paragraph(
        QStringLiteral("Catalog data version %1. Rates are dense peaks per chip (no 2:4 "
                       "sparsity); bandwidths are per chip, per direction for the scale-up "
                       "fabric.")
            .arg(qs(in.catalog().dataVersion)),
        true);
    std::set<std::string> seen;
    for (const CandidateResult &r : in.evaluation().results) {
        if (!seen.insert(r.chipId).second)
            continue;
        const Chip *chip = in.catalog().findChip(r.chipId);
        if (!chip)
            continue;
        flow.heading(qs(chip->vendor + " " + chip->name), 2);
        Pairs pairs{{QStringLiteral("Id"), qs(chip->id)}};
        QStringList rates;
        for (Precision p : kAllPrecisions)
            if (const auto rate = chip->peakAt(p))
                rates << qs(toString(p)) + QStringLiteral(" ") + fmt(*rate, 4);
        pairs.append({QStringLiteral("Dense peak"), rates.join(QStringLiteral(", "))});
        pairs.append({QStringLiteral("Memory"), fmt(chip->memory, 4) + QStringLiteral(" ") +
                                                    qs(chip->memoryType) + QStringLiteral(" at ") +
                                                    fmt(chip->memoryBandwidth, 4)});
        pairs.append(
            {QStringLiteral("Scale-up"),
             QStringLiteral("%1, %2 per direction, %3 chips, %4")
                 .arg(qs(chip->scaleUp.fabric), fmt(chip->scaleUp.bandwidthPerDirection, 4))
                 .arg(chip->scaleUp.domainSize)
                 .arg(qs(toString(chip->scaleUp.topology)))});
        pairs.append({QStringLiteral("Scale-out"), fmt(chip->scaleOutBandwidth, 4)});
        pairs.append({QStringLiteral("TDP"), withRange(fmt(chip->tdp, 4), chip->tdpRange)});
        pairs.append(
            {QStringLiteral("List price"), withRange(fmt(chip->price, 4), chip->priceRange)});
        pairs.append({QStringLiteral("Class and roles"),
                      QStringLiteral("%1, %2").arg(chip->chipClass ? qs(toString(*chip->chipClass))
                                                                   : QStringLiteral("–"),
                                                   rolesText(chip->roles))});
        if (chip->provenance != Provenance::shipped)
            pairs.append({QStringLiteral("Provenance"), qs(toString(chip->provenance))});
        flow.keyValues(pairs);
        if (!r.offering.empty())
            if (const Offering *o = in.catalog().findOffering(r.offering))
                flow.paragraph(
                    QStringLiteral("Offering %1 (%2, %3 chips per instance): prices %4from %5")
                        .arg(qs(o->id()), qs(o->region))
                        .arg(o->chipsPerInstance)
                        .arg(o->asOf.empty() ? QString()
                                             : QStringLiteral("as of %1 ").arg(qs(o->asOf)),
                             qs(o->source)),
                    true);
        // Grouped by how the values are known, the most direct first, so that a reader sees
        // at once which figures rest on a datasheet and which on an estimate.
        for (const std::optional<Basis> basis :
             {std::optional(Basis::vendor), std::optional(Basis::measured),
              std::optional(Basis::secondary), std::optional(Basis::estimate),
              std::optional<Basis>()}) {
            QStringList lines;
            for (const Source &s : chip->sources)
                if (s.basis == basis)
                    lines << QStringLiteral("%1: %2, %3 (retrieved %4)")
                                 .arg(s.field == "*" ? QStringLiteral("all values")
                                                     : chipFieldLabel(qs(s.field)),
                                      qs(s.title), qs(s.url), qs(s.retrieved));
            if (lines.isEmpty())
                continue;
            flow.paragraph(basis ? basisHeading(*basis)
                                 : QStringLiteral("Sources that do not say how they know"));
            for (const QString &line : lines)
                flow.paragraph(line, true);
        }
    }
}

void writeMethod(PageFlow &flow, const ReportInput &) {
    flow.heading(QStringLiteral("Method"));
    flow.heading(QStringLiteral("Training"), 2);
    flow.paragraph(QStringLiteral(
        "Model FLOPs per token are 6 × the weights each token multiplies by plus attention's "
        "quadratic part (the PaLM and Megatron-LM convention); a mixture of experts counts only "
        "the experts a token is routed to. A step's matrix work runs at the chip's dense peak "
        "for the training precision times an achievable efficiency that depends on the chip "
        "family and the size of the matrices; element-wise work and the optimizer step run at "
        "memory bandwidth. Communication follows an α-β model per collective and topology: "
        "tensor-parallel all-reduces on the scale-up fabric, data-parallel reduce-scatter and "
        "all-gather across the scale-up and scale-out hierarchy, overlapped with the backward "
        "pass where frameworks overlap them; pipeline bubbles follow the 1F1B schedule. The "
        "search tries every layout of data, tensor, pipeline, context and expert parallelism, "
        "ZeRO stage, micro-batch and recompute that fits in memory, and keeps the fastest."));
    flow.heading(QStringLiteral("Inference"), 2);
    flow.paragraph(QStringLiteral(
        "Prefill is compute-bound work over the prompt; each decode step reads the weights and "
        "the KV cache once per batch, so it is bound by memory bandwidth until the batch is "
        "large. The batch is the largest that fits in memory (offline), one request (latency), "
        "or the largest whose time to first token and time per output token meet the targets "
        "(server)."));
    flow.heading(QStringLiteral("Cost, energy and CO2"), 2);
    flow.paragraph(QStringLiteral(
        "Rented candidates pay for whole instances of the chosen offering at the scenario's "
        "pricing; owned candidates amortize the purchase price, host and network over the "
        "amortization period and pay for power at the wall (TDP × utilization × PUE) at the "
        "electricity price. CO2 is that energy times the grid's carbon intensity."));
    flow.heading(QStringLiteral("Uncertainty and measured error"), 2);
    // The figures the last fit measured (accelplan-cli calibrate writes them into the table).
    const EfficiencyData &table = shippedEfficiencyData();
    const auto figure = [&](const char *kind, const char *what) {
        return table.find("global", kind, what).value_or(0);
    };
    const auto pct = [](double fraction) {
        return QStringLiteral("%1 %").arg(100 * fraction, 0, 'f', 0);
    };
    flow.paragraph(
        QStringLiteral(
            "The model's efficiency numbers are fitted to published measurements (MLPerf "
            "results, papers and vendor benchmarks, listed with sources in the calibration "
            "set), each pulled towards a sourced prior. Its error is measured on cases a fit did "
            "not see (grouped 5-fold cross-validation): over %1 training measurements the "
            "median error is %2 and the 90th percentile %3; over %4 serving measurements %5 and "
            "%6. Every time and rate comes with a range from those errors for its chip family "
            "(training) or software stack (serving), which holds about four measured values in "
            "five. Treat a difference of less than about 25 % between two candidates as a tie.")
            .arg(figure("training", "cross_validated_cases"), 0, 'f', 0)
            .arg(pct(figure("training", "cross_validated_median")),
                 pct(figure("training", "cross_validated_p90")))
            .arg(figure("inference", "cross_validated_cases"), 0, 'f', 0)
            .arg(pct(figure("inference", "cross_validated_median")),
                 pct(figure("inference", "cross_validated_p90"))));
}

} // namespace accelplan::ui::report
