#include "evaluation/evaluate.h"

namespace accelplan {

Evaluation evaluate(const Scenario &scenario, const Catalog &catalog) {
    Evaluation out;
    out.scenarioName = scenario.name;
    out.catalogVersion = catalog.dataVersion;
    for (const Candidate &candidate : scenario.candidates) {
        CandidateResult r;
        r.chipId = candidate.chipId;
        r.count = candidate.count;
        if (!catalog.findChip(candidate.chipId))
            r.problems.push_back("unknown chip " + candidate.chipId);
        else
            r.problems.push_back("the simulation is not built yet");
        out.results.push_back(std::move(r));
    }
    return out;
}

}  // namespace accelplan
