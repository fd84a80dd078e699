// SPDX-License-Identifier: GPL-3.0-or-later
#include "cost/spend.h"

#include "cost/break_even.h"
#include "cost/calendar.h"
#include "cost/energy.h"
#include "cost/ownership.h"
#include "cost/rental.h"

#include "units/format.h"

#include <algorithm>
#include <span>
#include <vector>

namespace accelplan {
namespace {

constexpr double kMillion = 1e6;

RentalLimits rentalLimits(const Scenario &scenario) {
    if (!scenario.constraints)
        return {};
    return {scenario.constraints->providers, scenario.constraints->regions};
}

void addAssumption(CandidateResult &result, std::string assumption) {
    if (std::find(result.assumptions.begin(), result.assumptions.end(), assumption) ==
        result.assumptions.end())
        result.assumptions.push_back(std::move(assumption));
}

void addProblem(CandidateResult &result, std::string problem) {
    if (std::find(result.problems.begin(), result.problems.end(), problem) == result.problems.end())
        result.problems.push_back(std::move(problem));
}

// The chips that must work as one: a training run's all of them, a serving fleet's one replica.
int joinedChips(const CandidateResult &result, const Candidate &candidate) {
    if (result.training || !result.inference)
        return candidate.count;
    const Parallelism &p = result.inference->parallelism;
    return std::max(p.tp * p.pp, 1);
}

struct Priced {
    std::optional<units::DollarsPerSecond> fleetRate;
    std::optional<units::Seconds> breakEven;
    std::string problem; // why there is no fleet rate
    // The fleet rate at the ends of what the catalog knows (a price range, an estimated TDP's
    // range); equal to fleetRate when it knows one value.
    units::DollarsPerSecond rateLow = units::dollarsPerHour(0);
    units::DollarsPerSecond rateHigh = units::dollarsPerHour(0);
    std::vector<std::string> assumptions;
};

Priced unpriced(std::string problem) {
    Priced p;
    p.problem = std::move(problem);
    return p;
}

// A known rate over the chip's nominal TDP: 1 when either is unknown.
double tdpRatio(const std::optional<units::Watts> &end, const Chip &chip) {
    return end && chip.tdp ? (*end / *chip.tdp).value() : 1.0;
}

// Owning: amortised capex plus electricity while running; break-even against renting the same
// chips on demand (or from the offering the candidate names).
Priced priceOwned(Spend &spend, const Candidate &candidate, int joined, const Scenario &scenario,
                  const Catalog &catalog, const Chip &chip, const SpendOptions &options) {
    spend.billedChips = candidate.count;
    const auto own =
        quoteOwnership(chip, candidate.count, scenario.costs.amortizationYears, options.priceScale);
    if (!own)
        return unpriced("cannot cost owning " + chip.id +
                        ": the catalog has no purchase price for it");
    spend.capex = own->capex;
    if (!spend.power)
        return unpriced("cannot cost owning " + chip.id +
                        ": the catalog has no TDP for it, so its electricity is unknown");
    const units::DollarsPerSecond electricity = *spend.power * scenario.costs.electricity;
    Priced out;
    out.fleetRate = own->amortized + electricity;
    // A TDP's range moves the electricity bill with it.
    out.rateLow =
        own->amortizedLow + electricity * std::min(tdpRatio(chip.tdpRange.low, chip), 1.0);
    out.rateHigh =
        own->amortizedHigh + electricity * std::max(tdpRatio(chip.tdpRange.high, chip), 1.0);
    if (std::string said = describePurchasePrice(chip, own->price); !said.empty())
        out.assumptions.push_back(std::move(said));
    const RentalChoice rent = quoteRental(catalog, chip.id, candidate.count, Pricing::onDemand,
                                          candidate.offering, rentalLimits(scenario), joined);
    if (rent.quote)
        out.breakEven =
            breakEven(own->capex, electricity, rent.quote->fleetRate() * options.priceScale);
    return out;
}

// Renting: whole instances of the chosen offering; break-even against buying the same chips.
Priced priceRented(Spend &spend, std::string &offering, const Candidate &candidate, int joined,
                   const Scenario &scenario, const Catalog &catalog, const Chip &chip,
                   const SpendOptions &options) {
    const RentalChoice rent = quoteRental(catalog, chip.id, candidate.count, spend.pricing,
                                          candidate.offering, rentalLimits(scenario), joined);
    if (!rent.quote)
        return unpriced(rent.problem);
    offering = rent.quote->offering->id();
    spend.instances = rent.quote->count.instances;
    spend.billedChips = rent.quote->count.billedChips;
    Priced out;
    if (std::string billed = billingNote(*rent.quote, candidate.count); !billed.empty())
        out.assumptions.push_back(std::move(billed));
    out.fleetRate = rent.quote->fleetRate() * options.priceScale;
    out.rateLow = out.rateHigh = *out.fleetRate;
    const auto own =
        quoteOwnership(chip, candidate.count, scenario.costs.amortizationYears, options.priceScale);
    if (own) {
        spend.capex = own->capex;
        if (spend.power)
            out.breakEven =
                breakEven(own->capex, *spend.power * scenario.costs.electricity, *out.fleetRate);
    }
    return out;
}

void costTraining(TrainingResult &training, const Spend &spend, const Costs &costs) {
    const Ranged<units::Seconds> &time = training.timeToTrain;
    if (spend.fleetRate)
        training.cost = *spend.fleetRate * time.nominal;
    if (spend.power) {
        training.energy = *spend.power * time.nominal;
        training.co2 = training.energy * costs.gridIntensity;
    }
}

void costInference(InferenceResult &inference, Spend &spend, const Costs &costs) {
    if (inference.throughputSamplesPerSecond > 0 && spend.fleetRate)
        spend.costPerMillionSamples =
            *spend.fleetRate * units::seconds(kMillion / inference.throughputSamplesPerSecond);
    if (inference.throughputSamplesPerSecond > 0 && spend.power)
        inference.energyPerRequest =
            *spend.power * units::seconds(1.0 / inference.throughputSamplesPerSecond);
    if (inference.throughputTokensPerSecond <= 0)
        return; // a network that serves samples, not tokens
    // Tokens counted are output tokens, as in the contract's throughput.
    const units::Seconds perMillion =
        units::seconds(kMillion / inference.throughputTokensPerSecond);
    if (spend.fleetRate)
        inference.costPerMillionTokens = *spend.fleetRate * perMillion;
    if (spend.power) {
        spend.energyPerMillionTokens = *spend.power * perMillion;
        spend.co2PerMillionTokens = *spend.energyPerMillionTokens * costs.gridIntensity;
    }
}

} // namespace

Pricing effectivePricing(const Scenario &scenario) {
    if (scenario.constraints && scenario.constraints->onPremisesOnly)
        return Pricing::owned;
    return scenario.costs.pricing;
}

Pricing pricingFor(const Scenario &scenario, const Chip &chip) {
    return chip.chipClass == ChipClass::edge ? Pricing::owned : effectivePricing(scenario);
}

Chip chipAsRented(const Chip &chip, const Candidate &candidate, const Scenario &scenario,
                  const Catalog &catalog, std::string &note) {
    note.clear();
    const Pricing pricing = pricingFor(scenario, chip);
    if (pricing == Pricing::owned || candidate.count <= 1)
        return chip;
    const RentalChoice rent = quoteRental(catalog, chip.id, candidate.count, pricing,
                                          candidate.offering, rentalLimits(scenario));
    if (!rent.quote || rent.quote->count.instances <= 1)
        return chip;
    const Offering &offering = *rent.quote->offering;
    const std::string network =
        offering.id() + "'s cluster network (" + offering.clusterNetwork + ")";
    if (!offering.scaleOutBandwidth) {
        note = network + " has no bandwidth in the catalog: " +
               (chip.scaleOutBandwidth
                    ? "the chip's " + units::format(*chip.scaleOutBandwidth) + " per chip assumed"
                    : std::string("a typical data-centre network assumed"));
        return chip;
    }
    Chip onNetwork = chip;
    onNetwork.scaleOutBandwidth = offering.scaleOutBandwidth;
    note = "instances joined by " + network + " at " + units::format(*offering.scaleOutBandwidth) +
           " per chip";
    return onNetwork;
}

void applySpend(CandidateResult &result, const Candidate &candidate, const Scenario &scenario,
                const Catalog &catalog, const SpendOptions &options) {
    const Chip *chip = catalog.findChip(candidate.chipId);
    if (!chip || candidate.count <= 0)
        return;
    const Pricing pricing = pricingFor(scenario, *chip);
    if (pricing != effectivePricing(scenario))
        addAssumption(result, chip->id + " is an edge device: bought and costed per device, "
                                         "not rented");
    Spend &spend = result.spend.emplace();
    spend.pricing = pricing;
    // A phone or a module has no data centre around it to cool: its draw is its own.
    const bool edge = chip->chipClass == ChipClass::edge;
    spend.power = fleetPower(*chip, candidate.count, utilizationOf(scenario.costs),
                             edge ? 1.0 : scenario.costs.pue);
    if (edge && spend.power && scenario.costs.pue != 1.0)
        addAssumption(result, chip->id + " is an edge device: no PUE applied to its power");

    const int joined = joinedChips(result, candidate);
    const Priced priced =
        pricing == Pricing::owned
            ? priceOwned(spend, candidate, joined, scenario, catalog, *chip, options)
            : priceRented(spend, result.offering, candidate, joined, scenario, catalog, *chip,
                          options);
    spend.fleetRate = priced.fleetRate;
    if (spend.fleetRate) {
        for (const std::string &a : priced.assumptions)
            addAssumption(result, a);
        if (spend.power && basisOf(*chip, "tdp_watts") == Basis::estimate)
            addAssumption(result, "power of " + chip->id + " from an estimated TDP of " +
                                      units::format(*chipPower(*chip)) +
                                      (chip->tdpRange.low && chip->tdpRange.high
                                           ? " (range " + units::format(*chip->tdpRange.low) +
                                                 " to " + units::format(*chip->tdpRange.high) + ")"
                                           : std::string()));
    }
    spend.priceProblem = priced.problem;
    spend.breakEven = priced.breakEven;
    if (spend.fleetRate)
        spend.monthlyCost = *spend.fleetRate * kMonth;

    // A missing price or TDP is a problem only where it leaves a result without its cost.
    const bool trains = result.training && result.training->fits &&
                        result.training->timeToTrain.nominal.value() > 0;
    const bool serves = result.inference && result.inference->fits &&
                        (result.inference->throughputTokensPerSecond > 0 ||
                         result.inference->throughputSamplesPerSecond > 0);
    if (trains || serves) {
        if (!priced.problem.empty())
            addProblem(result, priced.problem);
        if (!spend.power)
            addProblem(result,
                       "energy and CO2 not estimated: the catalog has no TDP for " + chip->id);
    }
    if (trains) {
        costTraining(*result.training, spend, scenario.costs);
        if (spend.fleetRate) {
            const Ranged<units::Seconds> &time = result.training->timeToTrain;
            spend.trainingCost =
                Ranged<units::Dollars>{*spend.fleetRate * time.nominal,
                                       std::min(priced.rateLow, *spend.fleetRate) * time.low,
                                       std::max(priced.rateHigh, *spend.fleetRate) * time.high};
        }
    }
    if (serves)
        costInference(*result.inference, spend, scenario.costs);
}

} // namespace accelplan
