// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Time of one forward pass through one pipeline stage of a replica: the tokens of a
// micro-batch that decode one step, plus prompt tokens prefilled in the same pass (continuous
// batching). Roofline per chip: the larger of streaming the stage's weights and KV cache at
// memory bandwidth and doing its matrix and attention work at the compute rate, plus the
// tensor-parallel all-reduces and fixed per-pass costs.

#include "inference/replica_layout.h"
#include "inference/serving_model.h"
#include "units/quantities.h"

namespace accelplan {

struct PassTokens {
    double decode = 0;         // sequences producing one token each
    double decodeContext = 0;  // mean context those sequences attend to
    double prefill = 0;        // prompt tokens processed in this pass
    double prefillContext = 0; // mean earlier positions a prompt token attends to
    double queries = 1;        // tokens each decoding sequence puts through (1 + drafts checked)
};

struct StageTime {
    units::Seconds weights = units::seconds(0);   // streaming weights (and touched experts)
    units::Seconds matrix = units::seconds(0);    // matrix work on them
    units::Seconds kvCache = units::seconds(0);   // streaming the decoding sequences' KV cache
    units::Seconds attention = units::seconds(0); // score and value work over the context
    units::Seconds communication = units::seconds(0);
    units::Seconds overhead = units::seconds(0);
    double sharpness = 4; // of the roofline's corner (see InferenceEfficiency)
    units::Seconds memory() const { return weights + kvCache; }
    units::Seconds compute() const { return matrix + attention; }
    units::Seconds total() const;
};

// The roofline's corner, smoothed: (a^k + b^k)^(1/k), the larger of the two for large k.
units::Seconds boundBySlower(units::Seconds a, units::Seconds b, double sharpness);

StageTime stageTime(const ServingModel &model, const ReplicaLayout &layout, const PassTokens &t);

// A full pass of one micro-batch through all pp stages, with the sends between them.
units::Seconds pipelinePassTime(const ServingModel &model, const ReplicaLayout &layout,
                                const PassTokens &t);

} // namespace accelplan
