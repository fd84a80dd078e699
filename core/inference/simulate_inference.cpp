// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/simulate_inference.h"

#include "efficiency/inference_efficiency.h"
#include "hardware/serving_runtime.h"
#include "inference/decoding.h"
#include "inference/generic_serving.h"
#include "inference/replica_layout.h"
#include "inference/serving_model.h"
#include "inference/serving_search.h"
#include "inference/tensor_parallel_comm.h"

#include <cmath>

namespace accelplan {
namespace {

InferenceResult toResult(const ServingChoice &choice, const Workload &workload) {
    InferenceResult r;
    const BatchMetrics &m = choice.metrics;
    r.fits = choice.found && m.fits;
    r.batch = int(std::lround(m.batch));
    r.parallelism.dp = choice.layout.replicas;
    r.parallelism.tp = choice.layout.tp;
    r.parallelism.pp = choice.layout.pp;
    if (const TransformerShape *t = workload.transformer(); t && t->experts > 0)
        r.parallelism.ep = choice.layout.tp; // experts spread over the tensor-parallel chips
    r.memory = m.memory;
    r.ttft = m.ttft;
    r.tpot = m.tpot;
    r.throughputTokensPerSecond = m.tokensPerSecond;
    r.throughputSamplesPerSecond = m.samplesPerSecond;
    r.latency = m.latency;
    r.maxRequestsPerSecond = choice.capacity;
    return r;
}

} // namespace

InferenceOutcome simulateInference(const Workload &workload, const InferenceSettings &settings,
                                   const Chip &chip, const Candidate &candidate) {
    InferenceOutcome out;
    ServingChoice choice;
    if (const GenericShape *g = workload.generic()) {
        choice = chooseGenericServing(*g, settings, chip, candidate.count);
    } else {
        const TransformerShape &shape = *workload.transformer();
        ServingModelOrProblem model =
            makeServingModel(shape, withDecoding(workload, settings), chip);
        if (const std::string *problem = std::get_if<std::string>(&model)) {
            out.problems.push_back(*problem);
            return out;
        }
        const auto layouts =
            replicaLayouts(candidate.count, shape.layers, chip, candidate.parallelism);
        choice = chooseServing(std::get<ServingModel>(model), settings, layouts);
    }
    out.result = toResult(choice, workload);
    out.result.uncertainty = inferenceUncertainty(chip);
    if (hasServingRuntime(workload)) {
        out.result.runtime = servingRuntimeOf(settings, chip);
        if (!settings.runtime)
            out.assumptions.push_back("served with " + servingRuntimeName(out.result.runtime) +
                                      ", the usual runtime for " +
                                      std::string(toString(softwareStackOf(chip))) +
                                      " (inference.runtime chooses another)");
    }
    out.problems = std::move(choice.problems);
    const int group = choice.layout.chipsPerReplica();
    if (choice.found && groupLinkUnknown(chip, group))
        out.problems.push_back("traffic between the " + std::to_string(group) +
                               " chips of a replica is not counted: the catalog has no link "
                               "bandwidth for " +
                               chip.id);
    return out;
}

} // namespace accelplan
