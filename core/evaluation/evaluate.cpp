// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/evaluate.h"

#include "cost/spend.h"
#include "evaluation/finite_results.h"
#include "inference/simulate_inference.h"
#include "training/simulate_training.h"

namespace accelplan {

Evaluation evaluate(const Scenario &scenario, const Catalog &catalog) {
    Evaluation out;
    out.scenarioName = scenario.name;
    out.catalogVersion = catalog.dataVersion;
    for (const Candidate &candidate : scenario.candidates) {
        CandidateResult r;
        r.chipId = candidate.chipId;
        r.count = candidate.count;
        r.role = candidate.role;
        const Chip *chip = catalog.findChip(candidate.chipId);
        if (!chip) {
            r.problems.push_back("unknown chip " + candidate.chipId);
        } else {
            if (scenario.training && candidate.trains()) {
                std::string network;
                const Chip rented = chipAsRented(*chip, candidate, scenario, catalog, network);
                TrainingOutcome trained =
                    simulateTraining(scenario.workload, *scenario.training, candidate, rented);
                if (!network.empty())
                    trained.assumptions.push_back(std::move(network));
                r.training = std::move(trained.result);
                r.problems.insert(r.problems.end(), trained.problems.begin(),
                                  trained.problems.end());
                r.assumptions.insert(r.assumptions.end(), trained.assumptions.begin(),
                                     trained.assumptions.end());
            }
            if (scenario.inference && candidate.serves()) {
                InferenceOutcome served =
                    simulateInference(scenario.workload, *scenario.inference, *chip, candidate);
                r.inference = served.result;
                r.problems.insert(r.problems.end(), served.problems.begin(), served.problems.end());
                r.assumptions.insert(r.assumptions.end(), served.assumptions.begin(),
                                     served.assumptions.end());
            }
        }
        applySpend(r, candidate, scenario, catalog);
        refuseNonFinite(r);
        out.results.push_back(std::move(r));
    }
    return out;
}

} // namespace accelplan
