// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The cost layer of an evaluation: given a candidate's simulated training and inference
// results, what it costs to rent or own, the energy it draws and the carbon it emits.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "scenario/scenario.h"

namespace accelplan {

// Knobs the sensitivity analysis turns; the defaults leave the catalog's prices as they are.
struct SpendOptions {
    double priceScale = 1.0; // scales rental prices and purchase prices alike
};

// The pricing a scenario's candidates are costed under: its own, or `owned` when the
// constraints allow on-premises hardware only.
Pricing effectivePricing(const Scenario &scenario);
// The pricing of one chip under the scenario: an edge device (a phone, a module) is bought and
// costed per device whatever the scenario rents.
Pricing pricingFor(const Scenario &scenario, const Chip &chip);

// The chip as a training run of `candidate` meets it. Rented across several instances, its
// scale-out network is the chosen offering's, at that offering's bandwidth per chip where the
// catalog states it; owned or on one instance, the catalog's chip is the system. `note` gets
// what was assumed, in words, or stays empty.
Chip chipAsRented(const Chip &chip, const Candidate &candidate, const Scenario &scenario,
                  const Catalog &catalog, std::string &note);

// Fills `result`'s offering, spend, training cost/energy/CO2, inference cost per million tokens,
// and adds a problem, in words, for every price or figure the catalog cannot give. Results
// that do not fit are left at zero. An unknown chip is left alone (evaluate() reports it).
void applySpend(CandidateResult &result, const Candidate &candidate, const Scenario &scenario,
                const Catalog &catalog, const SpendOptions &options = {});

} // namespace accelplan
