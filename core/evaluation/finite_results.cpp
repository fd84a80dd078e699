// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/finite_results.h"

#include <cmath>
#include <optional>
#include <string>

namespace accelplan {
namespace {

// The first of the named numbers that is not finite.
class FirstNonFinite {
public:
    void check(const char *name, double value) {
        if (!found_ && !std::isfinite(value))
            found_ = name;
    }
    template <class Q> void check(const char *name, const std::optional<Q> &q) {
        if (q)
            check(name, q->value());
    }
    template <class Q> void check(const char *name, const Ranged<Q> &r) {
        check(name, r.low.value());
        check(name, r.nominal.value());
        check(name, r.high.value());
    }
    const std::optional<std::string> &found() const { return found_; }

private:
    std::optional<std::string> found_;
};

void checkMemory(FirstNonFinite &f, const MemoryBreakdown &m) {
    f.check("memory per chip", m.total().value());
}

std::string tooLarge(const std::string &what, const std::string &part, const char *hint) {
    return "the " + what + " is too large to compute, beyond the largest number; the " + part +
           " is not evaluated (" + hint + ")";
}

} // namespace

void refuseNonFinite(CandidateResult &r) {
    if (r.training && r.training->fits) {
        const TrainingResult &t = *r.training;
        FirstNonFinite f;
        checkMemory(f, t.memory);
        f.check("step time", t.stepTime.value());
        f.check("throughput", t.tokensPerSecond);
        f.check("throughput", t.samplesPerSecond);
        f.check("MFU", t.mfu);
        f.check("time to train", t.timeToTrain);
        f.check("chip-hours", t.chipHours);
        f.check("cost of the run", t.cost.value());
        f.check("energy of the run", t.energy.value());
        f.check("CO2 of the run", t.co2.value());
        if (r.spend && r.spend->trainingCost)
            f.check("cost of the run", *r.spend->trainingCost);
        if (f.found()) {
            r.training->fits = false;
            if (r.spend)
                r.spend->trainingCost.reset();
            r.problems.push_back(tooLarge(*f.found(), "training run",
                                          "fewer tokens, samples or epochs give a result"));
        }
    }
    if (r.inference && r.inference->fits) {
        const InferenceResult &i = *r.inference;
        FirstNonFinite f;
        checkMemory(f, i.memory);
        f.check("time to first token", i.ttft.value());
        f.check("time per output token", i.tpot.value());
        f.check("throughput", i.throughputTokensPerSecond);
        f.check("throughput", i.throughputSamplesPerSecond);
        f.check("request latency", i.latency.value());
        f.check("cost per million tokens", i.costPerMillionTokens.value());
        if (r.spend) {
            f.check("cost per million samples", r.spend->costPerMillionSamples);
            f.check("energy per million tokens", r.spend->energyPerMillionTokens);
            f.check("CO2 per million tokens", r.spend->co2PerMillionTokens);
        }
        if (f.found()) {
            r.inference->fits = false;
            if (r.spend) {
                r.spend->costPerMillionSamples.reset();
                r.spend->energyPerMillionTokens.reset();
                r.spend->co2PerMillionTokens.reset();
            }
            r.problems.push_back(
                tooLarge(*f.found(), "serving", "shorter requests or fewer of them give a result"));
        }
    }
}

} // namespace accelplan
