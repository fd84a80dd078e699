// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small catalog with round prices, so that every cost in the cost and plan tests can be
// worked out by hand.

#include "evaluation/result.h"
#include "hardware/catalog.h"
#include "scenario/scenario.h"
#include "units/quantities.h"

#include <optional>
#include <string>

namespace accelplan::test {

inline Chip fixtureChip(std::string id, std::string vendor, std::string software,
                        std::optional<double> tdpWatts, std::optional<double> priceUsd) {
    Chip c;
    c.id = std::move(id);
    c.vendor = std::move(vendor);
    c.name = c.id;
    c.software = std::move(software);
    if (tdpWatts)
        c.tdp = units::watts(*tdpWatts);
    if (priceUsd)
        c.price = units::dollars(*priceUsd);
    return c;
}

// Prices per instance-hour, instances joined by InfiniBand: on-demand, spot, 1-year, 3-year; a
// negative value is "not offered".
inline Offering fixtureOffering(std::string chipId, std::string provider, std::string instance,
                                int chipsPerInstance, double onDemand, double spot = -1,
                                double reserved1y = -1, double reserved3y = -1) {
    Offering o;
    o.chipId = std::move(chipId);
    o.provider = std::move(provider);
    o.instance = std::move(instance);
    o.chipsPerInstance = chipsPerInstance;
    o.clusterNetwork = "infiniband"; // any number of instances may work as one job
    const double prices[] = {onDemand, spot, reserved1y, reserved3y};
    for (std::size_t i = 0; i < kRentalPricings.size(); ++i) {
        if (prices[i] >= 0)
            o.pricePerInstance[i] = units::dollarsPerHour(prices[i]);
    }
    return o;
}

// gpu:   700 W, $30,000; 8-chip instances on "alpha" ($80/h on demand, $24 spot, $56 1-year,
//        $40 3-year) and 1-chip instances on "beta" ($11/h on demand only).
// tpu:   no TDP, no purchase price; 8-chip instances on "gamma" only ($40/h on demand).
// npu:   400 W, $20,000, nobody rents it.
// cpu:   350 W, $10,000; 1-chip instances on "alpha" ($2/h), software none of the ecosystems.
inline Catalog spendCatalog() {
    Catalog c;
    c.dataVersion = "test";
    c.chips.push_back(fixtureChip("gpu", "Vendor G", "CUDA", 700, 30000));
    c.chips.push_back(fixtureChip("tpu", "Vendor T", "XLA (JAX / PyTorch-XLA)", {}, {}));
    c.chips.push_back(fixtureChip("npu", "Vendor N", "CANN / MindSpore", 400, 20000));
    c.chips.push_back(fixtureChip("cpu", "Vendor C", "oneDNN", 350, 10000));
    c.offerings.push_back(fixtureOffering("gpu", "alpha", "g8", 8, 80, 24, 56, 40));
    c.offerings.push_back(fixtureOffering("gpu", "beta", "g1", 1, 11));
    c.offerings.push_back(fixtureOffering("tpu", "gamma", "t8", 8, 40));
    c.offerings.push_back(fixtureOffering("cpu", "alpha", "c1", 1, 2));
    return c;
}

inline TrainingResult trainingTaking(double nominalHours, double lowHours, double highHours) {
    TrainingResult t;
    t.fits = true;
    t.timeToTrain = {units::hours(nominalHours), units::hours(lowHours), units::hours(highHours)};
    return t;
}

inline InferenceResult servingAt(double tokensPerSecond, double latencySeconds = 1.0,
                                 double requestsPerSecond = 0) {
    InferenceResult r;
    r.fits = true;
    r.throughputTokensPerSecond = tokensPerSecond;
    r.throughputSamplesPerSecond = requestsPerSecond;
    r.latency = units::seconds(latencySeconds);
    return r;
}

} // namespace accelplan::test
