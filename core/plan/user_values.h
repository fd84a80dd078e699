// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Trust made visible: which of the catalog's records behind an evaluation the user changed or
// added (a chip its candidates use, an offering they rent), so that the workspace and the
// report can say the numbers rest on them and not on the shipped, sourced values.

#include "evaluation/result.h"
#include "hardware/catalog.h"

#include <string>
#include <vector>

namespace accelplan {

// One phrase per record, chips first, each once: "NVIDIA H100 SXM5 80GB (changed by you:
// memory_bandwidth_bytes_per_s)", "offering team-cloud/npu-8x (added by you)"; the fields where
// the catalog says which (Catalog::changedFields). Empty when all are as shipped.
std::vector<std::string> userCatalogValues(const Evaluation &evaluation, const Catalog &catalog);

} // namespace accelplan
