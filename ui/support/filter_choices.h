// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The choices of the chip filters (the candidate picker's, Compare Every Chip's): kinds,
// vendors, classes, software ecosystems and cloud providers, each as (shown text, value), the
// catalog's own for vendors and providers. The value is what ChipFilter and the contract read.

#include "hardware/catalog.h"

#include <QString>

#include <utility>
#include <vector>

class QComboBox;
class QWidget;

namespace accelplan::ui {

using Choices = std::vector<std::pair<QString, QString>>;

Choices kindChoices();                           // "GPU" → "gpu", ...
Choices vendorChoices(const Catalog &catalog);   // as the catalog names them, without remarks
Choices classChoices();                          // "Data centre" → "datacenter", ...
Choices ecosystemChoices();                      // "CUDA", "ROCm", "JAX/XLA", ...
Choices providerChoices(const Catalog &catalog); // "AWS" → "aws", ...

// A filter's combo box named `name`, offering `any` (no filter) first; narrow enough to sit
// four to a row.
QComboBox *filterCombo(QWidget *parent, const QString &name, const QString &any);

// Puts `choices` after the combo's first entry (its "any"), keeping the current choice when it
// is still offered.
void setChoices(QComboBox *combo, const Choices &choices);

} // namespace accelplan::ui
