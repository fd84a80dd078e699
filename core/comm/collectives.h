// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Collective communication with an alpha-beta model: time = steps x latency + bytes moved per
// chip / achievable bandwidth, with the step count and the usable bandwidth depending on the
// shape of the fabric (NVLink-style switch, ring, 2D/3D torus, full mesh) and on whether the
// group stays inside one scale-up domain or spans several over the scale-out network.
//
// Byte sizes follow nccl-tests: `bytes` is the full buffer of one chip (all-reduce), the
// gathered result (all-gather), the input before reduction (reduce-scatter), or everything a
// chip sends and receives (all-to-all).

#include "hardware/chip.h"
#include "units/quantities.h"

namespace accelplan::comm {

enum class Collective { allReduce, allGather, reduceScatter, allToAll };

// One level of the network as a collective sees it.
struct Fabric {
    units::BytesPerSecond bandwidth = units::bytesPerSecond(0); // per chip, one direction
    units::Seconds stepLatency = units::seconds(0);             // alpha, per algorithm step
    Topology topology = Topology::switched;
    int domainSize = 1; // chips this fabric connects directly
};

// The two levels a collective can span: the scale-up domain and the scale-out network that
// joins domains (a switched fat tree, one NIC share per chip).
struct Network {
    Fabric scaleUp;
    Fabric scaleOut;
};

// A chip whose catalog entry names no scale-out bandwidth is assumed to have one 100 Gb/s
// Ethernet port's share: slow, but not free (and said, where a result rests on it).
inline const units::BytesPerSecond kFallbackScaleOut = units::bytesPerSecond(12.5e9);

// Whether the catalog gives `chip` a scale-up fabric the model can use: a domain of more than
// one chip, its bandwidth and its topology.
bool hasScaleUpFabric(const Chip &chip);

// The network of `chip` with achievable (not nominal) bandwidths. A chip without a scale-up
// fabric uses the scale-out network for everything; a missing scale-out bandwidth becomes
// kFallbackScaleOut rather than an infinitely fast link.
Network networkOf(const Chip &chip);

// `group` chips, all inside one domain of `fabric`.
units::Seconds collectiveTime(Collective c, units::Bytes bytes, int group, const Fabric &fabric);

// `group` chips of which `perDomain` share each scale-up domain (perDomain == group: all in
// one domain). Spanning domains runs hierarchically: within domains, then across them on the
// scale-out network with each chip carrying its share, then within domains again.
units::Seconds collectiveTime(Collective c, units::Bytes bytes, int group, int perDomain,
                              const Network &network);

// One point-to-point transfer of `bytes` over `fabric`.
units::Seconds sendReceiveTime(units::Bytes bytes, const Fabric &fabric);

// How many of `group` chips, laid out with `stride` (the product of the parallel dimensions
// placed inside them), share one scale-up domain of `domainSize` chips.
int membersPerDomain(int group, int stride, int domainSize);

} // namespace accelplan::comm
