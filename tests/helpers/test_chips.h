// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Chips as the shipped catalog describes them, built in code for tests and benchmarks that
// need the figures without opening a catalog.

#include "hardware/chip.h"

namespace accelplan::test {

// NVIDIA H100 SXM5 80GB: dense rates, NVLink 4 at 450 GB/s per direction in 8-GPU domains.
inline Chip h100Sxm() {
    Chip c;
    c.id = "nvidia-h100-sxm5-80gb";
    c.kind = ChipKind::gpu;
    c.software = "CUDA";
    c.peak[indexOf(Precision::bf16)] = units::flopsPerSecond(989.4e12);
    c.peak[indexOf(Precision::fp16)] = units::flopsPerSecond(989.4e12);
    c.peak[indexOf(Precision::fp8)] = units::flopsPerSecond(1978.9e12);
    c.peak[indexOf(Precision::int8)] = units::flopsPerSecond(1978.9e12);
    c.memory = units::bytes(80e9);
    c.memoryBandwidth = units::bytesPerSecond(3.35e12);
    c.scaleUp.bandwidthPerDirection = units::bytesPerSecond(450e9);
    c.scaleUp.domainSize = 8;
    c.scaleUp.topology = Topology::switched;
    c.scaleOutBandwidth = units::bytesPerSecond(50e9);
    return c;
}

// NVIDIA H200 SXM 141GB: the H100's compute and fabric with more and faster memory.
inline Chip h200Sxm() {
    Chip c = h100Sxm();
    c.id = "nvidia-h200-sxm-141gb";
    c.memory = units::bytes(141e9);
    c.memoryBandwidth = units::bytesPerSecond(4.8e12);
    return c;
}

} // namespace accelplan::test
