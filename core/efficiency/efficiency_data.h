// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The numbers the efficiency formulas use, kept as data apart from the formulas. Each row is
// one parameter of one family (a chip family, a software stack, or the whole model) with its
// value, the prior the fit pulls it towards, the bounds it must stay within, the calibration
// cases it was fitted on and where its prior comes from.
//
// The shipped table is resources/efficiency/efficiency.csv, embedded at build time; the
// calibrate command (accelplan-cli calibrate) writes it. A caller may install another table
// for its own thread (ScopedEfficiencyData): the fit does, to try values without touching
// the rest of the program.

#include "hardware/catalog.h"
#include "hardware/chip.h"
#include "hardware/validation.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace accelplan {

struct EfficiencyRow {
    std::string table;     // "training", "inference", or "global"
    std::string key;       // an efficiency family ("nvidia-h100"), "stack:cuda", or for global rows
                           // the kind they apply to ("training", "inference")
    std::string parameter; // "matmul_16bit", "prefill_compute", ...
    double value = 0;
    double prior = 0;       // what the fit starts from and pulls towards
    double priorSpread = 0; // how far the fit may pull it: sd of ln(value / prior), or of
                            // value - prior where `low` is 0; 0: not fitted
    double low = 0;         // physical bounds
    double high = 0;
    std::string fittedOn; // case ids, space-separated; empty: still the prior
    std::string source;   // where the prior and the bounds come from

    bool fitted() const { return priorSpread > 0 && low < high; }
};

class EfficiencyData {
public:
    // Reads the CSV text of resources/efficiency/efficiency.csv; on a problem, nothing and
    // `error` says the line and what ("line 12: 'value' is not a number: 'x'").
    static std::optional<EfficiencyData> fromCsv(std::string_view text, std::string *error);
    std::string toCsv() const;

    const std::vector<EfficiencyRow> &rows() const { return rows_; }
    EfficiencyRow &row(std::size_t i) { return rows_[i]; }

    // The row's value, or nothing when the table has no such row.
    std::optional<double> find(std::string_view table, std::string_view key,
                               std::string_view parameter) const;
    // The key of `table` whose rows a chip uses: its efficiency family when the table has rows
    // for it, else its software stack's ("stack:cuda").
    std::string familyKey(std::string_view table, const Chip &chip) const;
    // The keys `table` has rows for: the architectures ("nvidia-h100"), then the software
    // stacks' generic rows ("stack:cuda"); what a chip's efficiency family may name.
    std::vector<std::string> families(std::string_view table) const;
    // A global row's value; the shipped table has every one the formulas ask for.
    double global(std::string_view kind, std::string_view parameter) const;

private:
    std::vector<EfficiencyRow> rows_;
    std::unordered_map<std::string, std::size_t> byName_; // "table/key/parameter" -> row
};

// "stack:cuda" for a chip of the CUDA stack.
std::string stackKey(const Chip &chip);

// What `catalog validate` asks beyond the rules: every chip names an efficiency family the
// training table has rows for. (Not a rule: a chip without one is predicted from the generic
// rows of its software stack, read from its software text.)
std::vector<ValidationProblem> unknownEfficiencyFamilies(const Catalog &catalog,
                                                         const EfficiencyData &data);
// When `chip` names a family the table has no rows for: what is used instead, said in words.
std::optional<std::string> unknownFamilyNote(const Chip &chip, const EfficiencyData &data);

// The table the formulas read on this thread: the one installed here, else the shipped one.
const EfficiencyData &efficiencyData();
const EfficiencyData &shippedEfficiencyData();

// Installs `data` for the current thread for the lifetime of this object.
class ScopedEfficiencyData {
public:
    explicit ScopedEfficiencyData(const EfficiencyData &data);
    ~ScopedEfficiencyData();
    ScopedEfficiencyData(const ScopedEfficiencyData &) = delete;
    ScopedEfficiencyData &operator=(const ScopedEfficiencyData &) = delete;

private:
    const EfficiencyData *previous_;
};

} // namespace accelplan
