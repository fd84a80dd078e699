// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A scenario's candidates checked against a catalog: every chip id must be in it, and a named
// offering must exist and rent that chip. Each problem is located in the scenario file
// ("scenario.json: candidates[1].chip: unknown chip 'foo'"), like the reader's.

#include "hardware/catalog.h"
#include "io/io_error.h"
#include "scenario/scenario.h"

#include <QString>

namespace accelplan::data {

IoErrors checkCandidates(const Scenario &scenario, const Catalog &catalog, const QString &fileName);

// The scenario's constraints checked against a catalog: every allowed provider must rent
// something in it, else the constraint would silently rule every candidate out
// ("scenario.json: constraints.providers: unknown provider 'amz'; the catalog's providers
// are: aws, azure, gcp").
IoErrors checkConstraints(const Scenario &scenario, const Catalog &catalog,
                          const QString &fileName);

} // namespace accelplan::data
