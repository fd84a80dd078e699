// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario/scenario.h"

#include "util/name_table.h"
#include "util/text.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace accelplan {
namespace {

template <class E, std::size_t N> using Names = util::NameTable<E, N>;
using util::nameOf;
using util::valueOf;

constexpr Names<TrainingMethod, 2> kMethods{
    {{TrainingMethod::full, "full"}, {TrainingMethod::lora, "lora"}}};
constexpr Names<Optimizer, 2> kOptimizers{{{Optimizer::adamw, "adamw"}, {Optimizer::sgd, "sgd"}}};
constexpr Names<Recompute, 4> kRecompute{{{Recompute::automatic, "auto"},
                                          {Recompute::none, "none"},
                                          {Recompute::selective, "selective"},
                                          {Recompute::full, "full"}}};
constexpr Names<InferenceMode, 3> kModes{{{InferenceMode::offline, "offline"},
                                          {InferenceMode::latency, "latency"},
                                          {InferenceMode::server, "server"}}};
constexpr Names<InferencePhase, 3> kPhases{{{InferencePhase::both, "both"},
                                            {InferencePhase::prefill, "prefill"},
                                            {InferencePhase::decode, "decode"}}};

constexpr Names<Ecosystem, 6> kEcosystems{{{Ecosystem::cuda, "CUDA"},
                                           {Ecosystem::rocm, "ROCm"},
                                           {Ecosystem::xla, "JAX/XLA"},
                                           {Ecosystem::cann, "CANN/MindSpore"},
                                           {Ecosystem::neuron, "Neuron"},
                                           {Ecosystem::synapseAi, "SynapseAI"}}};
// Other spellings people use for the same stacks, lower case.
constexpr Names<Ecosystem, 6> kEcosystemAliases{{{Ecosystem::xla, "jax"},
                                                 {Ecosystem::xla, "xla"},
                                                 {Ecosystem::cann, "cann"},
                                                 {Ecosystem::cann, "mindspore"},
                                                 {Ecosystem::synapseAi, "synapse"},
                                                 {Ecosystem::synapseAi, "gaudi"}}};
constexpr Names<Framework, kFrameworkCount> kFrameworks{
    {{Framework::pytorch, "PyTorch"},
     {Framework::jax, "JAX"},
     {Framework::tensorflow, "TensorFlow"},
     {Framework::mindspore, "MindSpore"},
     {Framework::paddlepaddle, "PaddlePaddle"}}};
constexpr Names<Framework, 3> kFrameworkAliases{{{Framework::pytorch, "torch"},
                                                 {Framework::tensorflow, "tf"},
                                                 {Framework::paddlepaddle, "paddle"}}};
constexpr Names<Objective, 5> kObjectives{
    {{Objective::fastest, "fastest"},
     {Objective::cheapest, "cheapest"},
     {Objective::cheapestWithinDeadline, "cheapest-within-deadline"},
     {Objective::lowestLatencyWithinBudget, "lowest-latency-within-budget"},
     {Objective::lowestEnergy, "lowest-energy"}}};
constexpr Names<Role, 3> kRoles{
    {{Role::both, "both"}, {Role::training, "training"}, {Role::serving, "serving"}}};
constexpr Names<Focus, 2> kFocus{{{Focus::training, "training"}, {Focus::inference, "inference"}}};
constexpr Names<DemandUnit, 2> kDemandUnits{{{DemandUnit::tokensPerDay, "tokens-per-day"},
                                             {DemandUnit::requestsPerDay, "requests-per-day"}}};
constexpr Names<GrowthCurve, 3> kCurves{{{GrowthCurve::linear, "linear"},
                                         {GrowthCurve::exponential, "exponential"},
                                         {GrowthCurve::sCurve, "s-curve"}}};

// A name as people type it: any case, or one of the lower-case aliases.
template <class E, std::size_t N, std::size_t M>
std::optional<E> byNameOrAlias(const Names<E, N> &names, const Names<E, M> &aliases,
                               std::string_view s) {
    const std::string lower = util::lowerCase(s);
    for (const auto &[value, name] : names) {
        if (util::lowerCase(name) == lower)
            return value;
    }
    return valueOf(aliases, lower);
}

} // namespace

std::string_view toString(TrainingMethod v) { return nameOf(kMethods, v); }
std::string_view toString(Optimizer v) { return nameOf(kOptimizers, v); }
std::string_view toString(Recompute v) { return nameOf(kRecompute, v); }
std::string_view toString(InferenceMode v) { return nameOf(kModes, v); }
std::string_view toString(InferencePhase v) { return nameOf(kPhases, v); }
std::optional<TrainingMethod> trainingMethodFromString(std::string_view s) {
    return valueOf(kMethods, s);
}
std::optional<Optimizer> optimizerFromString(std::string_view s) { return valueOf(kOptimizers, s); }
std::optional<Recompute> recomputeFromString(std::string_view s) { return valueOf(kRecompute, s); }
std::optional<InferenceMode> inferenceModeFromString(std::string_view s) {
    return valueOf(kModes, s);
}
std::optional<InferencePhase> inferencePhaseFromString(std::string_view s) {
    return valueOf(kPhases, s);
}

std::string_view toString(Ecosystem v) { return nameOf(kEcosystems, v); }
std::optional<Ecosystem> ecosystemFromString(std::string_view s) {
    return byNameOrAlias(kEcosystems, kEcosystemAliases, s);
}
std::string_view toString(Framework v) { return nameOf(kFrameworks, v); }
std::optional<Framework> frameworkFromString(std::string_view s) {
    return byNameOrAlias(kFrameworks, kFrameworkAliases, s);
}
std::string_view toString(Objective v) { return nameOf(kObjectives, v); }
std::optional<Objective> objectiveFromString(std::string_view s) { return valueOf(kObjectives, s); }
std::string_view toString(Role v) { return nameOf(kRoles, v); }
std::optional<Role> roleFromString(std::string_view s) { return valueOf(kRoles, s); }
std::string_view toString(Focus v) { return nameOf(kFocus, v); }
std::optional<Focus> focusFromString(std::string_view s) { return valueOf(kFocus, s); }
std::string_view toString(DemandUnit v) { return nameOf(kDemandUnits, v); }
std::string_view toString(GrowthCurve v) { return nameOf(kCurves, v); }
std::optional<DemandUnit> demandUnitFromString(std::string_view s) {
    return valueOf(kDemandUnits, s);
}
std::optional<GrowthCurve> growthCurveFromString(std::string_view s) { return valueOf(kCurves, s); }

std::optional<std::string> InferenceSettings::mathPrecisionProblem() const {
    if (!computePrecision || bytesPerElement(*computePrecision) >= bytesPerElement(precision))
        return std::nullopt;
    return "the math's precision (" + std::string(toString(*computePrecision)) +
           ") is narrower than the weights' (" + std::string(toString(precision)) +
           "): weights are widened for the math, never narrowed";
}

} // namespace accelplan
