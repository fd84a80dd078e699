// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The chip's values the editor shows, by the keys the catalog files and the validation use
// ("memory_bandwidth_bytes_per_s"): a label for people, how to copy one value from another
// chip (resetting it to shipped), and the sources that back it.

#include "hardware/chip.h"
#include "io/catalog_fields.h"

#include <QString>

#include <vector>

namespace accelplan::ui {

// A value typed as text (vendor, name, ...).
struct ChipTextField {
    QString key;
    QString label;
    QString (*get)(const Chip &);
    void (*set)(Chip &, const QString &);
};

const std::vector<ChipTextField> &chipTextFields();
// "Memory bandwidth", "Peak BF16"; the key itself for one it does not know.
QString chipFieldLabel(const QString &key);
// The quantity field with this key, or null.
const data::QuantityField<Chip> *chipQuantityField(const QString &key);

// Copies the value under `key` from `from` into `to`; false for a key it does not know.
bool copyChipField(const Chip &from, Chip &to, const QString &key);
// Whether the two chips agree on the value under `key`.
bool sameChipField(const Chip &a, const Chip &b, const QString &key);

// "training and inference", "inference only": a chip's roles for people.
QString rolesText(Roles roles);
// The chip's efficiency family as people read it: the family; for none, its software stack's
// generic rows; a family the efficiency table lacks, said so.
QString efficiencyFamilyText(const Chip &chip);
// "vendor datasheet", "measured", "secondary source", "estimate": how a value is known.
QString basisText(Basis basis);

// The sources backing `key`: those naming it, its group ("peak_flops" for "peak_flops.bf16") or
// the value a range bounds ("price_usd" for "price_usd_range.low"), else those for the whole
// chip ("*").
std::vector<Source> sourcesFor(const Chip &chip, const QString &key);

} // namespace accelplan::ui
