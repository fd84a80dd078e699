// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Rules a catalog entry must follow before it is stored: required fields, plausible ranges (a
// memory bandwidth of 3.35e15 B/s is a typo for 3.35e12), consistency between values, unique
// ids. One set of rules for the importers, the CLI's `catalog validate` and the editor.

#include "hardware/catalog.h"

#include <cstddef>
#include <string>
#include <vector>

namespace accelplan {

struct ValidationProblem {
    enum class Record { chip, offering };
    Record record = Record::chip;
    std::size_t index = 0; // position of the record in Catalog::chips or Catalog::offerings
    std::string subject;   // the chip id or offering id ("aws/p5.48xlarge"), as far as known
    std::string field;     // the record's key as in the catalog document: "memory_bytes",
                           // "peak_flops.fp8", "usd_per_hour.spot", "sources[2].url"
    std::string message;   // what is wrong, with the value and what was expected

    // "chip nvidia-h100-sxm5-80gb: memory_bytes: ..." for people.
    std::string describe() const;
};

// The rules for one record alone. `index` is copied into the problems.
std::vector<ValidationProblem> validateChip(const Chip &chip, std::size_t index = 0);
std::vector<ValidationProblem> validateOffering(const Offering &offering, std::size_t index = 0);

// Every record, plus what involves several: unique chip and offering ids, offerings that name
// a chip of the catalog.
std::vector<ValidationProblem> validateCatalog(const Catalog &catalog);

// Beyond the rules, what `catalog validate` asks of a catalog: every chip has a TDP and a
// purchase price (a price or a range), so that it can be costed as owned hardware and its
// energy estimated. Not a rule for imports: a user's chip may lack them.
std::vector<ValidationProblem> missingCostFacts(const Catalog &catalog);
// The TDPs and prices that are estimates (their sources say `estimate`), one note each with
// the range: not problems, but what a reader of a cost should know.
std::vector<ValidationProblem> estimatedCostFacts(const Catalog &catalog);

// Ids are slugs: lower-case letters, digits, '-', '.', '+', starting with a letter or digit.
bool isValidChipId(std::string_view id);
// Dates in the catalog are ISO: "2026", "2026-11" or "2026-11-01".
bool isValidIsoDate(std::string_view date);

} // namespace accelplan
