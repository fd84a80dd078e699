// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The catalog's fields by the names the files use. JSON keys and CSV columns share these names
// ("memory_bandwidth_bytes_per_s", "peak_flops.fp8", "usd_per_hour.spot"), and so do the
// validation problems, so a problem points at a JSON path or a CSV column alike.

#include "hardware/catalog.h"
#include "units/measure.h"

#include <QString>

#include <optional>
#include <vector>

namespace accelplan::data {

// A quantity of a chip or an offering. In files the value is a number in `fileScale` times
// base units (base units everywhere, except prices: US dollars per hour), or a string with a
// unit that core's units parse.
template <class Record> struct QuantityField {
    QString key;
    units::Measure measure;
    double fileScale;
    std::optional<double> (*get)(const Record &); // base units
    void (*set)(Record &, std::optional<double>);
};

// A chip's quantities: peak rates, memory, fabric, power and price. A range's two ends are
// fields of their own ("price_usd_range.low", ".high"): a spreadsheet column and an SQL column
// each, one `[low, high]` array in JSON.
const std::vector<QuantityField<Chip>> &chipQuantityFields();
// An offering's prices ("usd_per_hour.*", in the order of kRentalPricings), then the others.
const std::vector<QuantityField<Offering>> &offeringQuantityFields();

// For an end of a range ("price_usd_range.low"): the range's key ("price_usd_range") and which
// end (0 low, 1 high).
struct RangeEnd {
    QString rangeKey;
    int index;
};
std::optional<RangeEnd> rangeEndOf(const QString &key);

// A number from a file into base units, and back. Base -> file writes the shortest decimal that
// reads back as the same base value (no binary noise of the per-hour conversion), so that a
// round trip is exact.
double fromFileNumber(double fileValue, double fileScale);
double toFileNumber(double baseValue, double fileScale);

// Reads a value written in a file: a number in file units or a string with a unit. Returns the
// base-unit value, or sets `error` to what is wrong.
std::optional<double> parseFileQuantity(const QString &text, units::Measure measure,
                                        double fileScale, QString *error);

} // namespace accelplan::data
