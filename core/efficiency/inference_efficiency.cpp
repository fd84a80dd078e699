#include "efficiency/inference_efficiency.h"

#include "util/name_table.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace accelplan {
namespace {

constexpr util::NameTable<ServingStack, 9> kStackNames{{{ServingStack::cuda, "CUDA"},
                                                        {ServingStack::rocm, "ROCm"},
                                                        {ServingStack::xla, "XLA"},
                                                        {ServingStack::cann, "CANN"},
                                                        {ServingStack::synapseAi, "SynapseAI"},
                                                        {ServingStack::neuron, "Neuron"},
                                                        {ServingStack::cpu, "CPU"},
                                                        {ServingStack::appleMetal, "Metal"},
                                                        {ServingStack::other, "other"}}};

bool contains(std::string_view text, std::string_view word) {
    auto lower = [](unsigned char c) { return static_cast<char>(std::tolower(c)); };
    std::string t(text), w(word);
    std::transform(t.begin(), t.end(), t.begin(), lower);
    std::transform(w.begin(), w.end(), w.begin(), lower);
    return t.find(w) != std::string::npos;
}

} // namespace

std::string_view toString(ServingStack s) { return util::nameOf(kStackNames, s); }

ServingStack servingStackOf(const Chip &chip) {
    if (chip.kind == ChipKind::cpu)
        return ServingStack::cpu;
    const std::string_view sw = chip.software;
    if (contains(sw, "cuda"))
        return ServingStack::cuda;
    if (contains(sw, "rocm"))
        return ServingStack::rocm;
    if (contains(sw, "xla"))
        return ServingStack::xla;
    if (contains(sw, "cann"))
        return ServingStack::cann;
    if (contains(sw, "gaudi") || contains(sw, "synapse"))
        return ServingStack::synapseAi;
    if (contains(sw, "neuron"))
        return ServingStack::neuron;
    if (contains(sw, "core ml") || contains(sw, "mlx") || contains(sw, "metal"))
        return ServingStack::appleMetal;
    return ServingStack::other;
}

ServerLoad serverLoad() { return {3.0, 1.3, 0.9}; }

int maxSequencesPerReplica(const Chip &chip) {
    (void)chip;
    return 2048;
}

InferenceEfficiency inferenceEfficiency(const Chip &chip, Precision compute) {
    (void)compute;
    InferenceEfficiency e;
    switch (servingStackOf(chip)) {
    case ServingStack::cuda: break;
    case ServingStack::rocm: break;
    case ServingStack::xla: break;
    case ServingStack::cann: break;
    case ServingStack::synapseAi: break;
    case ServingStack::neuron: break;
    case ServingStack::cpu: break;
    case ServingStack::appleMetal: break;
    case ServingStack::other: break;
    }
    return e;
}

} // namespace accelplan
