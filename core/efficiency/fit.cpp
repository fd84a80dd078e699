// SPDX-License-Identifier: GPL-3.0-or-later
#include "efficiency/fit.h"

#include "evaluation/evaluate.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <thread>

namespace accelplan::fit {

namespace {

// Rows with a zero lower bound (shares that may be nothing, such as an overlap) are searched
// and pulled in their own units; the others in logs, where "twice as fast" and "half as
// fast" are the same distance.
bool logScale(const EfficiencyRow &r) { return r.low > 0; }
double toSearch(const EfficiencyRow &r, double v) { return logScale(r) ? std::log(v) : v; }
double fromSearch(const EfficiencyRow &r, double x) { return logScale(r) ? std::exp(x) : x; }

double priorPenalty(const EfficiencyRow &r, double v) {
    const double d = (toSearch(r, v) - toSearch(r, r.prior)) / r.priorSpread;
    return d * d;
}

// Runs f(i) for i in [0, n) on up to `threads` threads; each thread installs `table` first.
template <class F> void forEachCase(std::size_t n, const EfficiencyData &table, int threads, F f) {
    const std::size_t workers = std::clamp<std::size_t>(std::size_t(std::max(threads, 1)), 1, n);
    if (workers <= 1) {
        ScopedEfficiencyData installed(table);
        for (std::size_t i = 0; i < n; ++i)
            f(i);
        return;
    }
    std::vector<std::thread> pool;
    for (std::size_t w = 0; w < workers; ++w) {
        pool.emplace_back([&, w] {
            ScopedEfficiencyData installed(table);
            for (std::size_t i = w; i < n; i += workers)
                f(i);
        });
    }
    for (std::thread &t : pool)
        t.join();
}

std::optional<double> logErrorOf(const Case &c, const Catalog &catalog) {
    const Evaluation e = evaluate(c.scenario, catalog);
    if (e.results.empty())
        return std::nullopt;
    const auto predicted = resultField(e.results.front(), c.field);
    if (!predicted || !(*predicted > 0) || !std::isfinite(*predicted) || !(c.measured > 0))
        return std::nullopt;
    return std::log(*predicted / c.measured);
}

// The fit's objective for one row at one value, over the cases it moves.
class RowObjective {
public:
    RowObjective(EfficiencyData &table, std::size_t row, const std::vector<Case> &cases,
                 const std::vector<std::size_t> &subset, const Catalog &catalog,
                 const Options &options)
        : table_(table), row_(row), cases_(cases), subset_(subset), catalog_(catalog),
          options_(options) {}

    double operator()(double value) {
        table_.row(row_).value = value;
        std::vector<std::optional<double>> errors(subset_.size());
        forEachCase(subset_.size(), table_, options_.threads,
                    [&](std::size_t i) { errors[i] = logErrorOf(cases_[subset_[i]], catalog_); });
        double sum = 0;
        for (std::size_t i = 0; i < errors.size(); ++i) {
            const double error = errors[i] ? *errors[i] : options_.missingError;
            const double spread = options_.caseSpreadOf(cases_[subset_[i]].kind);
            sum += (error * error) / (spread * spread);
        }
        return sum + priorPenalty(table_.rows()[row_], value);
    }

private:
    EfficiencyData &table_;
    std::size_t row_;
    const std::vector<Case> &cases_;
    const std::vector<std::size_t> &subset_;
    const Catalog &catalog_;
    const Options &options_;
};

// The best value of one row: a grid across its bounds, then golden-section search between
// the best grid point's neighbours. The objective is not smooth (a layout search chooses among
// discrete layouts), so the grid guards against stopping in a small dip.
double bestValue(const EfficiencyRow &r, RowObjective &objective, int gridPoints) {
    const double lo = toSearch(r, r.low), hi = toSearch(r, r.high);
    const int n = std::max(gridPoints, 3);
    std::vector<double> xs;
    for (int i = 0; i < n; ++i)
        xs.push_back(lo + (hi - lo) * i / (n - 1));
    xs.push_back(toSearch(r, r.value));
    std::sort(xs.begin(), xs.end());
    std::size_t best = 0;
    double bestX = xs.front(), bestCost = objective(fromSearch(r, bestX));
    for (std::size_t i = 1; i < xs.size(); ++i) {
        const double cost = objective(fromSearch(r, xs[i]));
        if (cost < bestCost)
            best = i, bestX = xs[i], bestCost = cost;
    }
    double a = xs[best > 0 ? best - 1 : 0], b = xs[std::min(best + 1, xs.size() - 1)];
    const double golden = (std::sqrt(5.0) - 1) / 2;
    double c = b - golden * (b - a), d = a + golden * (b - a);
    double fc = objective(fromSearch(r, c)), fd = objective(fromSearch(r, d));
    for (int i = 0; i < 8; ++i) {
        if (fc < fd) {
            b = d, d = c, fd = fc;
            c = b - golden * (b - a);
            fc = objective(fromSearch(r, c));
        } else {
            a = c, c = d, fc = fd;
            d = a + golden * (b - a);
            fd = objective(fromSearch(r, d));
        }
    }
    for (auto [x, f] : {std::pair{c, fc}, std::pair{d, fd}})
        if (f < bestCost)
            bestX = x, bestCost = f;
    return std::clamp(fromSearch(r, bestX), r.low, r.high);
}

} // namespace

std::vector<double> absoluteErrors(const std::vector<std::optional<double>> &errors,
                                   const std::vector<std::size_t> &which) {
    std::vector<double> out;
    out.reserve(which.size());
    for (std::size_t i : which)
        out.push_back(errors[i] ? std::fabs(*errors[i]) : std::log(4.0));
    return out;
}

double quantile(std::vector<double> values, double q) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(q * double(values.size())))];
}

std::optional<double> resultField(const CandidateResult &r, std::string_view field) {
    const auto dot = field.find('.');
    if (dot == std::string_view::npos)
        return std::nullopt;
    const std::string_view kind = field.substr(0, dot), name = field.substr(dot + 1);
    if (kind == "training" && r.training) {
        const TrainingResult &t = *r.training;
        if (name == "time_to_train_s")
            return t.timeToTrain.nominal.value();
        if (name == "step_time_s")
            return t.stepTime.value();
        if (name == "tokens_per_s")
            return t.tokensPerSecond;
        if (name == "samples_per_s")
            return t.samplesPerSecond;
        if (name == "mfu")
            return t.mfu;
    }
    if (kind == "inference" && r.inference) {
        const InferenceResult &i = *r.inference;
        if (name == "throughput_tokens_per_s")
            return i.throughputTokensPerSecond;
        if (name == "throughput_samples_per_s")
            return i.throughputSamplesPerSecond;
        if (name == "ttft_s")
            return i.ttft.value();
        if (name == "tpot_s")
            return i.tpot.value();
        if (name == "latency_s")
            return i.latency.value();
    }
    return std::nullopt;
}

std::vector<std::optional<double>> logErrors(const EfficiencyData &table,
                                             const std::vector<Case> &cases, const Catalog &catalog,
                                             int threads) {
    std::vector<std::optional<double>> errors(cases.size());
    forEachCase(cases.size(), table, threads,
                [&](std::size_t i) { errors[i] = logErrorOf(cases[i], catalog); });
    return errors;
}

std::vector<std::vector<std::size_t>> dependencies(const EfficiencyData &table,
                                                   const std::vector<Case> &cases,
                                                   const Catalog &catalog, int threads) {
    const auto base = logErrors(table, cases, catalog, threads);
    std::vector<std::vector<std::size_t>> deps(table.rows().size());
    EfficiencyData moved = table;
    for (std::size_t j = 0; j < table.rows().size(); ++j) {
        const EfficiencyRow &r = table.rows()[j];
        if (!r.fitted())
            continue;
        // Moved a tenth of the way towards the farther bound: far enough to change every
        // prediction that reads it, within bounds so that nothing becomes unphysical.
        const double far = (r.high - r.value) > (r.value - r.low) ? r.high : r.low;
        moved.row(j).value = r.value + (far - r.value) / 10;
        const auto after = logErrors(moved, cases, catalog, threads);
        moved.row(j).value = r.value;
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const bool changed = base[i].has_value() != after[i].has_value() ||
                                 (base[i] && std::fabs(*base[i] - *after[i]) > 1e-9);
            if (changed)
                deps[j].push_back(i);
        }
    }
    return deps;
}

EfficiencyData fitted(const EfficiencyData &table, const std::vector<Case> &cases,
                      const Catalog &catalog, const std::vector<std::vector<std::size_t>> &deps,
                      const std::vector<std::size_t> &use, const Options &options) {
    std::vector<bool> inUse(cases.size(), use.empty());
    for (std::size_t i : use)
        inUse[i] = true;
    EfficiencyData out = table;
    std::vector<std::vector<std::size_t>> subsets(deps.size());
    for (std::size_t j = 0; j < out.rows().size(); ++j) {
        EfficiencyRow &r = out.row(j);
        r.value = std::clamp(r.prior, r.low, r.high);
        r.fittedOn.clear();
        std::set<std::string> sources;
        for (std::size_t i : deps[j]) {
            if (inUse[i]) {
                subsets[j].push_back(i);
                sources.insert(cases[i].source);
            }
        }
        if (!r.fitted() || subsets[j].size() < std::size_t(kMinCases) ||
            sources.size() < std::size_t(kMinSources))
            subsets[j].clear();
    }
    // Family and stack rows first, the global ones (which move every case) last in each sweep.
    std::vector<std::size_t> order;
    for (std::size_t j = 0; j < out.rows().size(); ++j)
        if (!subsets[j].empty() && out.rows()[j].table != "global")
            order.push_back(j);
    for (std::size_t j = 0; j < out.rows().size(); ++j)
        if (!subsets[j].empty() && out.rows()[j].table == "global")
            order.push_back(j);
    for (int sweep = 0; sweep < options.sweeps; ++sweep) {
        for (std::size_t j : order) {
            RowObjective objective(out, j, cases, subsets[j], catalog, options);
            const double v = bestValue(out.rows()[j], objective, options.gridPoints);
            out.row(j).value = v;
            if (options.progress) {
                const EfficiencyRow &r = out.rows()[j];
                options.progress("sweep " + std::to_string(sweep + 1) + ": " + r.table + " " +
                                 r.key + " " + r.parameter + " = " + std::to_string(v) + " (" +
                                 std::to_string(subsets[j].size()) + " cases)");
            }
        }
    }
    for (std::size_t j : order) {
        std::string ids;
        for (std::size_t i : subsets[j])
            ids += (ids.empty() ? "" : " ") + cases[i].id;
        out.row(j).fittedOn = ids;
    }
    return out;
}

namespace {

// FNV-1a of a group's name and a split number: an order of the groups that is the same on
// every machine and run.
std::uint64_t splitHash(const std::string &name, int split) {
    std::uint64_t h = 14695981039346656037ULL;
    const auto mix = [&h](unsigned char c) {
        h ^= c;
        h *= 1099511628211ULL;
    };
    for (char c : name)
        mix(static_cast<unsigned char>(c));
    for (int i = 0; i < 4; ++i)
        mix(static_cast<unsigned char>((unsigned(split) >> (8 * i)) & 0xffU));
    return h;
}

} // namespace

std::vector<int> groupedFolds(const std::vector<Case> &cases, int folds, int split) {
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < cases.size(); ++i)
        groups[cases[i].group].push_back(i);
    // Largest groups first (or in the split's hashed order), each to the fold with the fewest
    // cases so far (ties: the lowest fold): deterministic, and the folds come out about equal.
    std::vector<std::pair<std::uint64_t, const std::vector<std::size_t> *>> ordered;
    for (const auto &[name, members] : groups)
        ordered.emplace_back(split == 0 ? ~std::uint64_t(members.size()) : splitHash(name, split),
                             &members);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<std::size_t> sizes(std::size_t(std::max(folds, 1)), 0);
    std::vector<int> foldOf(cases.size(), 0);
    for (const auto &[order, members] : ordered) {
        const auto f = std::size_t(std::min_element(sizes.begin(), sizes.end()) - sizes.begin());
        for (std::size_t i : *members)
            foldOf[i] = int(f);
        sizes[f] += members->size();
    }
    return foldOf;
}

void setRanges(EfficiencyData &table, const std::vector<Case> &cases,
               const std::vector<std::optional<double>> &heldOut, const Catalog &catalog) {
    // Each case under the family key whose rows its chip reads, per kind ("training/nvidia-h100",
    // "inference/stack:cuda").
    std::map<std::string, std::vector<std::size_t>> byKey, byKind;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        if (cases[i].scenario.candidates.empty())
            continue;
        const Chip *chip = catalog.findChip(cases[i].scenario.candidates.front().chipId);
        if (!chip)
            continue;
        byKey[cases[i].kind + '/' + table.familyKey(cases[i].kind, *chip)].push_back(i);
        byKind[cases[i].kind].push_back(i);
    }
    for (std::size_t j = 0; j < table.rows().size(); ++j) {
        EfficiencyRow &r = table.row(j);
        if (r.table == "global" || r.parameter != "uncertainty")
            continue;
        const std::vector<std::size_t> &own = byKey[r.table + '/' + r.key];
        // A family with too few cases of its own takes the spread of all cases of its kind.
        const bool enough = own.size() >= std::size_t(kMinCases);
        const double p80 = quantile(absoluteErrors(heldOut, enough ? own : byKind[r.table]), 0.8);
        r.value = std::clamp(std::exp(p80) - 1, r.low, r.high);
        r.fittedOn.clear();
        for (std::size_t i : enough ? own : std::vector<std::size_t>{})
            r.fittedOn += (r.fittedOn.empty() ? "" : " ") + cases[i].id;
    }
}

void recordError(EfficiencyData &table, const std::vector<Case> &cases,
                 const std::vector<std::optional<double>> &heldOut) {
    for (std::size_t j = 0; j < table.rows().size(); ++j) {
        EfficiencyRow &r = table.row(j);
        if (r.table != "global" || !r.parameter.starts_with("cross_validated_"))
            continue;
        std::vector<std::size_t> which;
        for (std::size_t i = 0; i < cases.size(); ++i)
            if (cases[i].kind == r.key)
                which.push_back(i);
        const auto errors = absoluteErrors(heldOut, which);
        if (r.parameter == "cross_validated_cases")
            r.value = double(errors.size());
        else if (r.parameter == "cross_validated_median")
            r.value = std::exp(quantile(errors, 0.5)) - 1;
        else if (r.parameter == "cross_validated_p90")
            r.value = std::exp(quantile(errors, 0.9)) - 1;
        r.value = std::clamp(r.value, r.low, r.high);
    }
}

namespace {

// Each case's log error from the fit on the folds that do not hold it.
std::vector<std::optional<double>>
heldOutErrors(const EfficiencyData &table, const std::vector<Case> &cases, const Catalog &catalog,
              const std::vector<std::vector<std::size_t>> &deps, const std::vector<int> &foldOf,
              int folds, const Options &options) {
    std::vector<std::optional<double>> out(cases.size(), std::nullopt);
    for (int f = 0; f < folds; ++f) {
        std::vector<std::size_t> train, test;
        for (std::size_t i = 0; i < cases.size(); ++i)
            (foldOf[i] == f ? test : train).push_back(i);
        if (options.progress)
            options.progress("fold " + std::to_string(f + 1) + " of " + std::to_string(folds) +
                             ": fitting on " + std::to_string(train.size()) + " cases");
        Options quiet = options;
        quiet.progress = nullptr;
        const EfficiencyData foldFit = fitted(table, cases, catalog, deps, train, quiet);
        std::vector<Case> heldOut;
        for (std::size_t i : test)
            heldOut.push_back(cases[i]);
        const auto errors = logErrors(foldFit, heldOut, catalog, options.threads);
        for (std::size_t k = 0; k < test.size(); ++k)
            out[test[k]] = errors[k];
    }
    return out;
}

} // namespace

CrossValidation crossValidate(const EfficiencyData &table, const std::vector<Case> &cases,
                              const Catalog &catalog, int folds, const Options &options,
                              int splits) {
    CrossValidation cv;
    // Which case moves with which row, found at the priors (where every fit starts), so that
    // fitting again from a fitted table gives the same table.
    EfficiencyData priors = table;
    for (std::size_t j = 0; j < priors.rows().size(); ++j)
        priors.row(j).value =
            std::clamp(priors.rows()[j].prior, priors.rows()[j].low, priors.rows()[j].high);
    const auto deps = dependencies(priors, cases, catalog, options.threads);
    cv.foldOf = groupedFolds(cases, folds);
    cv.heldOut = heldOutErrors(table, cases, catalog, deps, cv.foldOf, folds, options);
    for (int split = 1; split < splits; ++split) {
        if (options.progress)
            options.progress("split " + std::to_string(split + 1) + " of " +
                             std::to_string(splits));
        cv.otherSplits.push_back(heldOutErrors(table, cases, catalog, deps,
                                               groupedFolds(cases, folds, split), folds, options));
    }
    if (options.progress)
        options.progress("fitting on all " + std::to_string(cases.size()) + " cases");
    cv.all = fitted(table, cases, catalog, deps, {}, options);
    setRanges(cv.all, cases, cv.heldOut, catalog);
    recordError(cv.all, cases, cv.heldOut);
    cv.inSample = logErrors(cv.all, cases, catalog, options.threads);
    return cv;
}

} // namespace accelplan::fit
