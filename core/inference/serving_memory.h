// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Memory one chip of a replica holds while serving: its share of the weights, the KV cache of
// the sequences in flight, the activations of the largest pass, and what the runtime keeps
// back. And the largest number of sequences that fits.

#include "evaluation/result.h"
#include "inference/replica_layout.h"
#include "inference/serving_model.h"

namespace accelplan {

// `sequences` in flight in one replica (or requests, each holding the KV cache of all its
// beams), each holding `context` tokens of KV cache, and `passTokens` tokens in the largest
// forward pass.
MemoryBreakdown servingMemoryPerChip(const ServingModel &model, const ReplicaLayout &layout,
                                     double sequences, double context, double passTokens);

bool fitsInMemory(const ServingModel &model, const MemoryBreakdown &memory);

// The most sequences one replica holds when each keeps `context` tokens and a pass carries
// `passTokensPerSequence` tokens per sequence, at most `maxPassTokens` (0: not even one fits).
int largestBatchPerReplica(const ServingModel &model, const ReplicaLayout &layout, double context,
                           double passTokensPerSequence, double maxPassTokens);

} // namespace accelplan
