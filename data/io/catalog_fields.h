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

const std::vector<QuantityField<Chip>> &chipQuantityFields();
const std::vector<QuantityField<Offering>> &offeringQuantityFields();

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
