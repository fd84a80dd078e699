// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/simulate_training.h"

#include "comm/collectives.h"
#include "efficiency/efficiency_data.h"
#include "training/layout_search.h"
#include "training/training_setup.h"
#include "units/format.h"

#include <algorithm>

namespace accelplan {

namespace {

std::string gib(units::Bytes b) {
    units::FormatOptions options;
    options.significantDigits = 3;
    options.bytes = units::ByteStyle::Iec;
    return units::format(b, options);
}

std::string describe(const ParallelismRequest &r) {
    std::string s;
    auto add = [&](const char *name, const std::optional<int> &v) {
        if (!v)
            return;
        s += (s.empty() ? "" : ", ") + std::string(name) + " " + std::to_string(*v);
    };
    add("dp", r.dp);
    add("tp", r.tp);
    add("pp", r.pp);
    add("cp", r.cp);
    add("ep", r.ep);
    add("zero", r.zero);
    add("microbatch", r.microbatch);
    return s;
}

void fillTimes(TrainingResult &r, const training::Setup &u, const training::StepTimeEstimate &e,
               const Candidate &candidate) {
    const double step = e.stepTime.value();
    r.stepTime = e.stepTime;
    r.stepParts = e.parts;
    r.samplesPerSecond = u.globalBatch / step;
    const double tokensPerStep = double(u.globalBatch) * u.seqLen;
    r.tokensPerSecond = u.transformer ? tokensPerStep / step : 0;
    const double itemsPerSecond = tokensPerStep / step;
    r.mfu = (u.modelFlops * itemsPerSecond).value() / (u.peak.value() * candidate.count);
    r.uncertainty = u.efficiency.uncertainty;
    r.timeToTrain = withUncertainty(units::seconds(u.work / tokensPerStep * step), r.uncertainty);
    r.chipHours = units::inHours(r.timeToTrain.nominal) * candidate.count;
}

// The fabric facts this candidate's traffic needs and the catalog does not have: each is said,
// and widens the range (the factor of the range doubles in log terms), instead of a fallback
// bandwidth passing silently.
void stateMissingFabric(TrainingOutcome &out, const Chip &chip, int count) {
    const bool scaleUpKnown = comm::hasScaleUpFabric(chip);
    const bool crossesDomains = count > std::max(chip.scaleUp.domainSize, 1);
    std::vector<std::string> missing;
    if (!scaleUpKnown && count > 1)
        missing.push_back("the catalog has no scale-up fabric for " + chip.id +
                          ": traffic between its chips is assumed to run over the scale-out "
                          "network");
    if (!chip.scaleOutBandwidth && (crossesDomains || !scaleUpKnown) && count > 1)
        missing.push_back("the catalog has no scale-out bandwidth for " + chip.id + ": assumed " +
                          units::format(comm::kFallbackScaleOut) + " a chip (one 100 Gb/s port)");
    for (const std::string &m : missing) {
        TrainingResult &r = out.result;
        r.uncertainty = (1 + r.uncertainty) * (1 + r.uncertainty) - 1;
        r.timeToTrain = withUncertainty(r.timeToTrain.nominal, r.uncertainty);
        out.assumptions.push_back(m + "; the range is widened");
    }
}

} // namespace

TrainingOutcome simulateTraining(const Workload &workload, const TrainingSettings &settings,
                                 const Candidate &candidate, const Chip &chip) {
    TrainingOutcome out;
    if (candidate.count < 1) {
        out.problems.push_back("a candidate needs at least one chip");
        return out;
    }
    // The catalog's roles: a chip made for inference (Inferentia2, Ascend 310P, edge NPUs) has
    // no training software, whatever its arithmetic could do.
    if (!chip.roles.training) {
        out.problems.push_back(chip.id +
                               " does not train: the catalog lists it for inference only");
        return out;
    }
    const training::SetupOrProblem made =
        training::makeSetup(workload, settings, chip, candidate.count);
    if (!made.setup) {
        out.problems.push_back(made.problem);
        return out;
    }
    const training::Setup &u = *made.setup;
    const training::SearchResult found =
        training::searchLayouts(u, candidate.parallelism, settings.recompute);

    TrainingResult &r = out.result;
    if (found.best) {
        r.fits = true;
        r.parallelism = found.best->layout;
        r.memory = found.best->estimate.memory;
        fillTimes(r, u, found.best->estimate, candidate);
        for (const auto &other : found.runnerUps)
            r.runnerUps.push_back(
                {other.layout, other.estimate.stepTime, other.estimate.memory.total()});
        stateMissingFabric(out, chip, candidate.count);
        if (auto note = unknownFamilyNote(chip, efficiencyData()))
            out.assumptions.push_back(std::move(*note));
        return out;
    }
    if (found.leanest) {
        r.parallelism = found.leanest->layout;
        r.memory = found.leanest->estimate.memory;
        out.problems.push_back("does not fit: needs " + gib(r.memory.total()) + " per chip, has " +
                               gib(u.memoryCapacity));
        return out;
    }
    const std::string pinned = describe(candidate.parallelism);
    out.problems.push_back("no parallel layout of " + std::to_string(candidate.count) + " chips" +
                           (pinned.empty() ? "" : " with " + pinned) +
                           " suits this model and batch (dp x tp x pp x cp must equal the chip "
                           "count, tp divide the heads, dp not exceed the global batch)");
    return out;
}

} // namespace accelplan
