// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/default_scenario.h"

#include "support/preferences.h"
#include "workload/presets.h"

namespace accelplan::ui {

Scenario defaultScenario() {
    Scenario s;
    s.name = "Llama 3.1 70B: fine-tune and serve";
    s.workload = findPreset("llama-3.1-70b").value_or(Workload{});
    TrainingSettings t;
    t.tokens = 2.0e10;
    t.seqLen = 8192;
    t.globalBatch = 512;
    s.training = t;
    InferenceSettings i;
    i.precision = Precision::fp8;
    i.inputTokens = 2048;
    i.outputTokens = 256;
    i.slo.ttft = units::seconds(2.0);
    i.slo.tpot = units::seconds(0.1);
    s.inference = i;
    applyNewScenarioDefaults(s.costs);
    for (const char *chip :
         {"nvidia-h100-sxm5-80gb", "amd-mi300x", "google-tpu-v6e", "intel-gaudi3"})
        s.candidates.push_back(Candidate{chip, 64, std::nullopt, {}});
    return s;
}

} // namespace accelplan::ui
