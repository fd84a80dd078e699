// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The fit that writes the efficiency table: least squares on the log error of published
// measurements, each value pulled towards its prior and kept within its bounds, and the
// cross-validation that says how well the result predicts cases it was not fitted on.
//
// A row is fitted only when at least kMinCases cases from kMinSources sources move with it
// (found by moving the row and seeing whose prediction changes); otherwise it keeps its
// prior. The fit starts from the priors, not from the table's current values, so its result
// does not depend on an earlier fit.

#include "efficiency/efficiency_data.h"
#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "scenario/scenario.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace accelplan::fit {

inline constexpr int kMinCases = 3;
inline constexpr int kMinSources = 2;

// One published measurement as the fit sees it.
struct Case {
    std::string id;     // "HL01"
    std::string group;  // cross-validation group: chip family x workload family
    std::string source; // where it is published (a URL): the unit of "from two sources"
    std::string kind;   // "training" or "inference"
    Scenario scenario;
    std::string field; // the result field compared: "training.mfu", "inference.ttft_s", ...
    double measured = 0;
};

// The compared field of a result ("training.step_time_s", ...), or nothing when it has none.
std::optional<double> resultField(const CandidateResult &result, std::string_view field);

// |ln(predicted / measured)| of the cases `which`; a case without a prediction counts as off
// by 4x. The calibrate command, the tests and the table's recorded error all use these two.
std::vector<double> absoluteErrors(const std::vector<std::optional<double>> &errors,
                                   const std::vector<std::size_t> &which);
// The q-quantile of `values` (0.5: the median; the value at index q x n of the sorted list).
double quantile(std::vector<double> values, double q);

struct Options {
    int sweeps = 2;     // passes over the rows
    int gridPoints = 9; // values tried across a row's bounds before refining
    int threads = 1;    // cases predicted in parallel
    // The log error a serving case's data term is scaled by: a value moves from its prior when
    // the cases it explains say so by more than this.
    double caseSpread = 0.25;
    // Training's, apart. Its family rows each explain a handful of cases, and at the serving
    // cases' 0.25 they follow them too closely: over 4 splits of the groups into folds, 0.4,
    // 0.6 and 0.8 give a training CV median of 15.1, 14.9 and 14.9 % where 0.25 gives 16.5 %.
    double trainingCaseSpread = 0.6;
    double caseSpreadOf(std::string_view kind) const {
        return kind == "training" ? trainingCaseSpread : caseSpread;
    }
    // The log error a case without a prediction counts as (a value that makes a case
    // impossible, such as memory too small to hold its model).
    double missingError = 1.5;
    std::function<void(const std::string &)> progress; // one line per step, may be empty
};

// The predictions of `cases` under `table`: ln(predicted / measured), or nothing where the
// model gives no number.
std::vector<std::optional<double>> logErrors(const EfficiencyData &table,
                                             const std::vector<Case> &cases, const Catalog &catalog,
                                             int threads = 1);

// For each row of `table`, the indices of the cases whose prediction moves with it.
std::vector<std::vector<std::size_t>> dependencies(const EfficiencyData &table,
                                                   const std::vector<Case> &cases,
                                                   const Catalog &catalog, int threads = 1);

// The table fitted on the cases whose index is in `use` (all when empty): every fitted row
// gets its value and the ids of the cases it was fitted on; the others their prior.
EfficiencyData fitted(const EfficiencyData &table, const std::vector<Case> &cases,
                      const Catalog &catalog, const std::vector<std::vector<std::size_t>> &deps,
                      const std::vector<std::size_t> &use, const Options &options);

// Grouped k-fold: groups whole to one fold, balanced by case count; each case's held-out
// log error comes from the fit on the other folds.
struct CrossValidation {
    std::vector<int> foldOf;                    // per case
    std::vector<std::optional<double>> heldOut; // per case
    // The held-out errors of further splits of the same groups into folds (see groupedFolds):
    // how much the figure moves with the split alone. Empty unless asked for.
    std::vector<std::vector<std::optional<double>>> otherSplits;
    std::vector<std::optional<double>> inSample; // per case, from the fit on all cases
    EfficiencyData all;                          // the fit on all cases
};
// Sets each family's `uncertainty` row (training per chip family, serving per stack: the
// relative half-width of a predicted time's or rate's range) to the 80th percentile of its
// cases' cross-validated errors, so that about four in five results the fit did not see fall
// inside their range; a family with fewer than kMinCases cases takes the figure of all cases
// of its kind.
void setRanges(EfficiencyData &table, const std::vector<Case> &cases,
               const std::vector<std::optional<double>> &heldOut, const Catalog &catalog);
// Writes the cross-validated error per kind into the table's global
// `cross_validated_{cases,median,p90}` rows (as fractions: 0.21 is 21 %), for the report and
// anyone reading the table to quote.
void recordError(EfficiencyData &table, const std::vector<Case> &cases,
                 const std::vector<std::optional<double>> &heldOut);
// Split 0 puts the largest groups first, each into the fold with the fewest cases so far;
// split s > 0 takes the groups in an order set by a hash of their names and s, the same way.
std::vector<int> groupedFolds(const std::vector<Case> &cases, int folds, int split = 0);
// `splits` > 1 also fills CrossValidation::otherSplits with splits 1 to splits - 1.
CrossValidation crossValidate(const EfficiencyData &table, const std::vector<Case> &cases,
                              const Catalog &catalog, int folds, const Options &options,
                              int splits = 1);

} // namespace accelplan::fit
