// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How much of a chip's nominal rates training reaches in practice, per chip family, precision
// and software stack. The numbers are data (efficiency_data.h: the "training" rows of
// resources/efficiency/efficiency.csv, fitted by `accelplan-cli calibrate`); this is how the
// formulas read them.

#include "hardware/chip.h"
#include "hardware/precision.h"
#include "hardware/software_stack.h"
#include "units/quantities.h"

namespace accelplan {

struct TrainingEfficiency {
    // Fraction of the dense peak that large matrix products reach at this precision inside a
    // training step (kernels, not the whole step).
    double matmul = 0.5;
    // Fraction of `matmul` that fused attention kernels (flash attention and its kin) reach
    // on the score and value products, forward and backward.
    double attention = 0.6;
    // Matrix width per chip (hidden / tensor-parallel size) at which small products lose
    // half of `matmul`: efficiency scales with width / (width + halfWidth). Faster chips need
    // larger products to fill, so this grows with the chip's peak.
    double halfWidth = 128;
    // Tokens per matrix product (rows) at which it loses half of `matmul`, likewise.
    double halfRows = 128;
    // Fraction of memory bandwidth that element-wise work (norms, activations, optimizer)
    // reaches.
    double memory = 0.7;
    // Fixed cost per layer and micro-batch, forward and backward: kernel launches, syncs.
    units::Seconds layerOverhead = units::seconds(0);
    // Fixed cost per step: optimizer launch, gradient-norm reduction, host syncs.
    units::Seconds stepOverhead = units::seconds(0);
    // Share of data-parallel gradient and parameter traffic hidden behind compute.
    double overlap = 0.8;
    // Share of tensor-parallel traffic hidden behind the matrix products it feeds
    // (Transformer Engine's userbuffer overlap, XLA's collective matmul).
    double tensorOverlap = 0;
    // Share of expert-parallel all-to-all hidden behind compute.
    double expertOverlap = 0.5;
    // The busiest routed expert's tokens over the mean: routers do not balance exactly, and
    // the grouped expert products and their all-to-all wait for the busiest expert.
    double expertImbalance = 1;
    // Relative half-width of the uncertainty range of a predicted time (from the spread of
    // the family's calibration cases).
    double uncertainty = 0.25;
};

TrainingEfficiency trainingEfficiency(const Chip &chip, Precision p);

} // namespace accelplan
