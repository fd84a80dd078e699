// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A layout in words, spelled one way everywhere a person reads it (the CLI's table, the
// workspace's results, the report): "dp 8 · tp 8 · pp 1 · ZeRO-1 · micro-batch 2 · selective
// recompute".

#include "evaluation/result.h"

#include <string>

namespace accelplan {

enum class LayoutUse {
    training, // the data, tensor, pipeline, context and expert splits, ZeRO, micro-batch, recompute
    serving,  // a replica's splits only: nothing else applies to inference
};

std::string layoutText(const Parallelism &p, LayoutUse use);

} // namespace accelplan
