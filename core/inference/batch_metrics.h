// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a layout delivers at a given number of requests in flight, for each way of scheduling
// them:
// - continuous batching (offline and server): every pass decodes one token for each running
//   sequence and prefills the prompts of the requests that replace finished ones;
// With beam search a request is `beams` sequences in decode and one prompt in prefill;
// `batch`, throughput and samples count requests, tokens the answer's (one beam's) tokens.
// - a static batch (latency mode): the batch's prompts are prefilled together, then decoded
//   step by step until the answers are complete;
// - one phase alone (disaggregated serving): prompts only, or decode steps only.

#include "evaluation/result.h"
#include "inference/replica_layout.h"
#include "inference/serving_model.h"
#include "units/quantities.h"

namespace accelplan {

enum class Schedule { continuous, staticBatch, prefillOnly, decodeOnly };

Schedule scheduleFor(InferenceMode mode, InferencePhase phase);

struct BatchMetrics {
    double batch = 0; // requests in flight on the whole candidate
    bool fits = false;
    MemoryBreakdown memory; // per chip
    units::Seconds ttft = units::seconds(0);
    units::Seconds tpot = units::seconds(0);
    units::Seconds latency =
        units::seconds(0);       // one request, first prompt token to last answer token
    double tokensPerSecond = 0;  // tokens the phase produces: output tokens, or prompt tokens alone
    double samplesPerSecond = 0; // requests completed
};

// `batch` requests in flight on the whole candidate, spread evenly over the replicas.
BatchMetrics batchMetrics(const ServingModel &model, const ReplicaLayout &layout, Schedule schedule,
                          double batch);

// The most requests in flight that fit in memory on the whole candidate (0: none fits).
int largestBatch(const ServingModel &model, const ReplicaLayout &layout, Schedule schedule);

// The most requests one replica's runtime keeps in flight: its limit counts sequences, and
// each request decodes `beams` of them.
int maxRequestsPerReplica(const ServingModel &model);

} // namespace accelplan
