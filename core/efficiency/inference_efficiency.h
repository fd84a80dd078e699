// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How close serving software gets to a chip's peak rates, per software stack. The numbers are
// data (efficiency_data.h: the "inference" rows of resources/efficiency/efficiency.csv, with
// their sources and the cases they were fitted on); this is how the formulas read them.

#include "hardware/chip.h"
#include "hardware/precision.h"
#include "hardware/software_stack.h"

#include "units/quantities.h"
#include <string_view>

namespace accelplan {

struct InferenceEfficiency {
    double prefillCompute = 0.5;  // fraction of dense peak reached by prompt-sized matrix work
    double decodeCompute = 0.4;   // fraction of dense peak reached by decode-batch matrix work
    double memoryBandwidth = 0.8; // fraction of memory bandwidth reached streaming weights and KV
    // Share of the prefill rate that the prompt's attention (its score and value products over
    // the earlier positions) reaches: near 1 where the runtime fuses them flash-style, far less
    // where it writes out each layer's score matrix, so that long prompts slow down more than
    // their matrix work says.
    double prefillAttention = 1;
    units::Seconds stepOverhead = units::seconds(0); // per forward pass: launch, sample, schedule
    // Per sequence in a forward pass: the runtime's host work that grows with the batch
    // (scheduling, preparing inputs, sampling, detokenizing).
    units::Seconds sequenceOverhead = units::seconds(0);
    units::Seconds layerOverhead = units::seconds(0); // per layer and forward pass
    double usableMemory = 0.9; // fraction of memory the runtime may fill (weights, KV, workspace)
    // Beam search: after each step the surviving beams' KV caches are gathered into place, a
    // read and a write of the whole cache, where the runtime does not look them up through an
    // index instead.
    bool beamReorderCopiesKv = false;
    // Beam search: the beams of a request point at one copy of the prompt's KV cache (paged
    // runtimes share its blocks) instead of each holding its own.
    bool sharesPromptAcrossBeams = false;
    // How sharp the roofline's corner is: a pass bound by memory and by compute takes
    // (m^k + c^k)^(1/k); large k is the textbook max(m, c), k = 1 their sum (no overlap).
    double rooflineSharpness = 4;
    // Share of a stage's time each pipeline stage boundary adds: micro-batches that do not
    // balance exactly leave stages waiting on each other.
    double pipelineImbalance = 0;
    // Networks described by their totals (CNN, recommender, diffusion).
    double genericCompute = 0.4;                        // fraction of dense peak a batch reaches
    units::Seconds genericOverhead = units::seconds(0); // per batch: launches, copies
};

// Serving under random arrivals (MLPerf Server and Interactive): the SLO bounds the 99th
// percentile of TTFT and TPOT while the model predicts their means, and a queue fed at random
// cannot keep the batch full all the time.
struct ServerLoad {
    double ttftTail = 1;    // p99 TTFT over mean TTFT
    double tpotTail = 1;    // p99 TPOT over mean TPOT
    double utilisation = 1; // served rate over the rate at a constantly full batch
};
ServerLoad serverLoad();

// Relative half-width of a predicted serving time or rate on this chip (see
// InferenceResult::uncertainty).
double inferenceUncertainty(const Chip &chip);

// The most sequences one runtime engine (one replica) keeps in flight.
int maxSequencesPerReplica(const Chip &chip);

// `compute` is the precision the matrix work runs at on this chip; the compute fractions
// returned apply to the chip's peak at that precision. `runtime` is the serving runtime's id:
// each parameter comes from the runtime's row where it has one (the per-pass scheduler cost, the
// prompt attention's share, the beams' cache handling; Transformers NeuronX's prompt rate), else
// from the stack's.
InferenceEfficiency inferenceEfficiency(const Chip &chip, Precision compute,
                                        std::string_view runtime);

} // namespace accelplan
