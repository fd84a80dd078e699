// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/scenario_json_plan.h"

#include "support/qt_text.h"

#include <QJsonArray>

#include <algorithm>
#include <array>

namespace accelplan::data {
namespace {

constexpr std::array kObjectives{Objective::fastest, Objective::cheapest,
                                 Objective::cheapestWithinDeadline,
                                 Objective::lowestLatencyWithinBudget, Objective::lowestEnergy};
constexpr std::array kFocuses{Focus::training, Focus::inference};
constexpr std::array kEcosystems{Ecosystem::cuda, Ecosystem::rocm,   Ecosystem::xla,
                                 Ecosystem::cann, Ecosystem::neuron, Ecosystem::synapseAi};
constexpr std::array kFrameworks{Framework::pytorch, Framework::jax, Framework::tensorflow,
                                 Framework::mindspore, Framework::paddlepaddle};
constexpr std::array kDemandUnits{DemandUnit::tokensPerDay, DemandUnit::requestsPerDay};
constexpr std::array kCurves{GrowthCurve::linear, GrowthCurve::exponential, GrowthCurve::sCurve};
// Twenty years, month by month: beyond any hardware plan, and it bounds the work a file asks.
constexpr int kMaxGrowthMonths = 240;

// The non-empty strings of an array member, each wrong element reported at its index.
std::vector<QString> strings(JsonFields &f, const QString &name, const QString &what) {
    std::vector<QString> out;
    const auto array = f.array(name);
    if (!array)
        return out;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QJsonValue v = array->at(i);
        const QString at = jsonIndexPath(f.pathOf(name), i);
        if (!v.isString() || v.toString().trimmed().isEmpty())
            f.log().atPath(at,
                           QStringLiteral("must be %1, got %2").arg(what, describeJsonValue(v)));
        else
            out.push_back(v.toString());
    }
    return out;
}

// The values of an array of names (ecosystems, frameworks), each unknown or non-string element
// reported at its index with the names it could have been; repeats are dropped.
template <class E, std::size_t N>
std::vector<E> namedValues(JsonFields &f, const QString &name, const std::array<E, N> &all,
                           std::optional<E> (*parse)(std::string_view), const QString &what,
                           const QString &example) {
    std::vector<E> out;
    const auto array = f.array(name);
    for (qsizetype i = 0; array && i < array->size(); ++i) {
        const QJsonValue v = array->at(i);
        const QString at = jsonIndexPath(f.pathOf(name), i);
        if (!v.isString()) {
            const bool vowel = QStringLiteral("aeiou").contains(what.front());
            f.log().atPath(at, QStringLiteral("must be %1 %2 name (\"%3\"), got %4")
                                   .arg(vowel ? QStringLiteral("an") : QStringLiteral("a"), what,
                                        example, describeJsonValue(v)));
            continue;
        }
        const std::optional<E> found = parse(v.toString().toStdString());
        if (!found) {
            QStringList known;
            for (E e : all)
                known << qs(toString(e));
            f.log().atPath(at, QStringLiteral("unknown %1 '%2'; expected one of %3")
                                   .arg(what, v.toString(), known.join(QStringLiteral(", "))));
            continue;
        }
        if (std::find(out.begin(), out.end(), *found) == out.end())
            out.push_back(*found);
    }
    return out;
}

} // namespace

Goal readGoal(JsonFields g) {
    g.allowOnly({"objective", "focus", "deadline_s", "budget_usd", "serving_months"});
    Goal out;
    assign(out.objective,
           g.choice<Objective>(key("objective"), kObjectives, QStringLiteral("objective")));
    out.focus = g.choice<Focus>(key("focus"), kFocuses, QStringLiteral("focus"));
    if (auto v = g.number(key("deadline_s"), NumberRange::positive()))
        out.deadline = units::seconds(*v);
    if (auto v = g.number(key("budget_usd"), NumberRange::positive()))
        out.budget = units::dollars(*v);
    out.servingMonths = g.number(key("serving_months"), NumberRange::between(0, 1200));
    return out;
}

Constraints readConstraints(JsonFields c) {
    c.allowOnly(
        {"providers", "on_premises_only", "ecosystems", "frameworks", "max_power_w", "regions"});
    Constraints out;
    for (const QString &p : strings(c, key("providers"), QStringLiteral("a provider id (\"aws\")")))
        if (std::find(out.providers.begin(), out.providers.end(), p.toStdString()) ==
            out.providers.end())
            out.providers.push_back(p.toStdString());
    assign(out.onPremisesOnly, c.boolean(key("on_premises_only")));
    if (auto v = c.number(key("max_power_w"), NumberRange::positive()))
        out.maxPower = units::watts(*v);
    for (const QString &r :
         strings(c, key("regions"), QStringLiteral("a region as offerings list them (\"eu\")")))
        if (const std::string region = r.toLower().toStdString();
            std::find(out.regions.begin(), out.regions.end(), region) == out.regions.end())
            out.regions.push_back(region);
    out.ecosystems = namedValues<Ecosystem>(c, key("ecosystems"), kEcosystems, ecosystemFromString,
                                            QStringLiteral("ecosystem"), QStringLiteral("CUDA"));
    out.frameworks = namedValues<Framework>(c, key("frameworks"), kFrameworks, frameworkFromString,
                                            QStringLiteral("framework"), QStringLiteral("PyTorch"));
    return out;
}

GrowthPlan readGrowth(JsonFields g) {
    g.allowOnly({"unit", "start", "end", "months", "curve", "peak_factor", "max_chips"});
    GrowthPlan out;
    assign(out.unit,
           g.choice<DemandUnit>(key("unit"), kDemandUnits, QStringLiteral("demand unit")));
    const QString demand = QStringLiteral("the demand per day in the plan's unit");
    if (g.require(key("start"), demand))
        assign(out.start, g.number(key("start"), NumberRange::atLeast(0)));
    if (g.require(key("end"), demand))
        assign(out.end, g.number(key("end"), NumberRange::atLeast(0)));
    assign(out.months, g.integer(key("months"), 1, kMaxGrowthMonths));
    assign(out.curve, g.choice<GrowthCurve>(key("curve"), kCurves, QStringLiteral("curve")));
    assign(out.peakFactor, g.number(key("peak_factor"), NumberRange::atLeast(1)));
    out.maxChips = g.integer(key("max_chips"), 1, kMaxChips);
    return out;
}

QJsonObject goalToJson(const Goal &g) {
    QJsonObject o{{key("objective"), qs(toString(g.objective))}};
    if (g.focus)
        o.insert(key("focus"), qs(toString(*g.focus)));
    if (g.deadline)
        o.insert(key("deadline_s"), g.deadline->value());
    if (g.budget)
        o.insert(key("budget_usd"), g.budget->value());
    if (g.servingMonths)
        o.insert(key("serving_months"), *g.servingMonths);
    return o;
}

QJsonObject constraintsToJson(const Constraints &c) {
    QJsonArray providers, ecosystems;
    for (const std::string &p : c.providers)
        providers.append(qs(p));
    for (Ecosystem e : c.ecosystems)
        ecosystems.append(qs(toString(e)));
    QJsonObject o{{key("providers"), providers},
                  {key("on_premises_only"), c.onPremisesOnly},
                  {key("ecosystems"), ecosystems}};
    if (c.maxPower)
        o.insert(key("max_power_w"), c.maxPower->value());
    if (!c.frameworks.empty()) {
        QJsonArray frameworks;
        for (Framework f : c.frameworks)
            frameworks.append(qs(toString(f)));
        o.insert(key("frameworks"), frameworks);
    }
    if (!c.regions.empty()) {
        QJsonArray regions;
        for (const std::string &r : c.regions)
            regions.append(qs(r));
        o.insert(key("regions"), regions);
    }
    return o;
}

QJsonObject growthToJson(const GrowthPlan &g) {
    QJsonObject o{{key("unit"), qs(toString(g.unit))},
                  {key("start"), g.start},
                  {key("end"), g.end},
                  {key("months"), g.months},
                  {key("curve"), qs(toString(g.curve))},
                  {key("peak_factor"), g.peakFactor}};
    if (g.maxChips)
        o.insert(key("max_chips"), *g.maxChips);
    return o;
}

} // namespace accelplan::data
