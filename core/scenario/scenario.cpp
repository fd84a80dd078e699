#include "scenario/scenario.h"

#include "util/name_table.h"

namespace accelplan {
namespace {

template <class E, std::size_t N>
using Names = util::NameTable<E, N>;
using util::nameOf;
using util::valueOf;

constexpr Names<TrainingMethod, 2> kMethods{{{TrainingMethod::full, "full"}, {TrainingMethod::lora, "lora"}}};
constexpr Names<Optimizer, 2> kOptimizers{{{Optimizer::adamw, "adamw"}, {Optimizer::sgd, "sgd"}}};
constexpr Names<Recompute, 4> kRecompute{{{Recompute::automatic, "auto"}, {Recompute::none, "none"},
                                          {Recompute::selective, "selective"}, {Recompute::full, "full"}}};
constexpr Names<InferenceMode, 3> kModes{{{InferenceMode::offline, "offline"},
                                          {InferenceMode::latency, "latency"},
                                          {InferenceMode::server, "server"}}};
constexpr Names<InferencePhase, 3> kPhases{{{InferencePhase::both, "both"},
                                            {InferencePhase::prefill, "prefill"},
                                            {InferencePhase::decode, "decode"}}};

}  // namespace

std::string_view toString(TrainingMethod v) { return nameOf(kMethods, v); }
std::string_view toString(Optimizer v) { return nameOf(kOptimizers, v); }
std::string_view toString(Recompute v) { return nameOf(kRecompute, v); }
std::string_view toString(InferenceMode v) { return nameOf(kModes, v); }
std::string_view toString(InferencePhase v) { return nameOf(kPhases, v); }
std::optional<TrainingMethod> trainingMethodFromString(std::string_view s) { return valueOf(kMethods, s); }
std::optional<Optimizer> optimizerFromString(std::string_view s) { return valueOf(kOptimizers, s); }
std::optional<Recompute> recomputeFromString(std::string_view s) { return valueOf(kRecompute, s); }
std::optional<InferenceMode> inferenceModeFromString(std::string_view s) { return valueOf(kModes, s); }
std::optional<InferencePhase> inferencePhaseFromString(std::string_view s) { return valueOf(kPhases, s); }

}  // namespace accelplan
