// SPDX-License-Identifier: GPL-3.0-or-later
#include "comm/collectives.h"

#include "efficiency/efficiency_data.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace accelplan::comm {

namespace {

// Achievable share of a link's nominal bandwidth for large collectives. nccl-tests on
// 8x H100 SXM report an all-reduce bus bandwidth of about 360-370 GB/s on NVLink 4's 450 GB/s
// per direction without NVLink SHARP (NVIDIA, "Doubling all2all performance with NVIDIA
// Collective Communication Library 2.12" and the DGX H100 user guide's nccl-tests figures):
// about 0.8. On 400 Gb/s InfiniBand NDR, nccl-tests reach about 45 of 50 GB/s per NIC.
constexpr double kScaleUpAchievable = 0.80;
constexpr double kScaleOutAchievable = 0.88;
// Cards that talk through the host's PCIe tree share its switches, root complexes and the
// link between sockets: nccl-tests all-reduce bus bandwidth on 8 cards levels off at 12.7 of
// PCIe 4.0 x16's 32 GB/s (RTX 4090 with peer-to-peer enabled,
// github.com/tinygrad/open-gpu-kernel-modules/pull/22) and 28 of PCIe 5.0's 64 GB/s (RTX 5090,
// github.com/NVIDIA/nccl/issues/1639): about 0.4.
constexpr double kPcieAchievable = 0.40;

int torusDimensions(Topology t) { return t == Topology::torus3d ? 3 : 2; }

// Chips in a torus group use the links of the dimensions the group spans: a group as large as
// the domain spans all d of them, a small group only one (one ring's two directions); in
// general the fewest k whose sub-torus of domainSize^(k/d) chips holds the group. Worked out
// in integers (group^d <= domainSize^k) rather than with logarithms, since this runs for every
// collective of every layout the search tries, and libm's calls there made the search 6 times
// slower on AVX-512 machines once Qt's SQL plugin was loaded (issue #16).
int spannedDimensions(int group, const Fabric &f) {
    const int d = torusDimensions(f.topology);
    if (group <= 1 || f.domainSize <= 1)
        return 1;
    if (group >= f.domainSize)
        return d;
    // group < domainSize < 2^31: domainSize^k for k < d <= 3 stays below 2^62, and group^3
    // is held at the largest value instead of overflowing.
    const std::uint64_t n = std::uint64_t(group);
    const std::uint64_t square = n * n;
    constexpr std::uint64_t most = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t groupPower = d == 2 ? square : (square > most / n ? most : square * n);
    std::uint64_t domainPower = 1;
    for (int k = 1; k < d; ++k) {
        domainPower *= std::uint64_t(f.domainSize);
        if (groupPower <= domainPower)
            return k;
    }
    return d;
}

// The side of a k-dimensional torus of n chips, n^(1/k) for k of 1, 2 or 3, without libm's pow
// or cbrt (see spannedDimensions). The cube root takes Halley's iteration from a power of two
// at most twice the root: four steps leave it within a few ulp.
double torusSide(int n, int k) {
    if (k == 1)
        return n;
    if (k == 2)
        return std::sqrt(double(n));
    double x = double(std::uint64_t(1) << ((std::bit_width(unsigned(n)) + 2) / 3));
    for (int i = 0; i < 4; ++i) {
        const double cube = x * x * x;
        x *= (cube + 2.0 * n) / (2.0 * cube + n);
    }
    return x;
}

double usableBandwidth(int group, const Fabric &f) {
    const double b = f.bandwidth.value();
    switch (f.topology) {
    case Topology::fullMesh:
        // Each chip's bandwidth is split over direct links to every other chip of the mesh;
        // a group smaller than the mesh reaches only its own members' links.
        if (f.domainSize > 1 && group < f.domainSize)
            return b * double(group - 1) / double(f.domainSize - 1);
        return b;
    case Topology::torus2d:
    case Topology::torus3d: return b * spannedDimensions(group, f) / torusDimensions(f.topology);
    case Topology::switched:
    case Topology::ring:
    case Topology::pcie:
    case Topology::none: return b;
    }
    return b;
}

// Algorithm steps that pay the latency.
double steps(Collective c, int n, const Fabric &f) {
    const double once = (c == Collective::allReduce) ? 2.0 : 1.0;
    switch (f.topology) {
    case Topology::switched:
    case Topology::none: return once * std::bit_width(unsigned(n - 1)); // trees: ceil(log2(n))
    case Topology::fullMesh: return once;                               // direct to each peer
    case Topology::ring:
    case Topology::pcie: return once * (n - 1); // NCCL's rings through the host
    case Topology::torus2d:
    case Topology::torus3d: {
        const int k = spannedDimensions(n, f);
        return once * k * (torusSide(n, k) - 1);
    }
    }
    return once * (n - 1);
}

// Bytes one chip moves per direction, relative to the buffer, for the bandwidth-optimal
// algorithm; all-to-all on rings and tori also pays for the hops its traffic crosses.
double trafficFactor(Collective c, int n, const Fabric &f) {
    const double share = double(n - 1) / n;
    switch (c) {
    case Collective::allReduce: return 2 * share;
    case Collective::allGather:
    case Collective::reduceScatter: return share;
    case Collective::allToAll:
        if (f.topology == Topology::ring)
            return std::max(share, n / 4.0);
        if (f.topology == Topology::torus2d || f.topology == Topology::torus3d) {
            const double side = torusSide(n, spannedDimensions(n, f));
            return std::max(share, share * side / 4.0);
        }
        return share;
    }
    return share;
}

} // namespace

bool hasScaleUpFabric(const Chip &chip) {
    return chip.scaleUp.domainSize > 1 && chip.scaleUp.bandwidthPerDirection &&
           chip.scaleUp.topology != Topology::none;
}

Network networkOf(const Chip &chip) {
    Network n;
    const double out = chip.scaleOutBandwidth.value_or(kFallbackScaleOut).value();
    n.scaleOut.bandwidth = units::bytesPerSecond(out * kScaleOutAchievable);
    const EfficiencyData &data = efficiencyData();
    n.scaleOut.stepLatency =
        units::seconds(data.global("comm", "scale_out_step_latency_us") * 1e-6);
    n.scaleOut.topology = Topology::switched;
    n.scaleOut.domainSize = 1 << 30;

    if (hasScaleUpFabric(chip)) {
        const bool pcie = chip.scaleUp.topology == Topology::pcie;
        n.scaleUp.bandwidth = units::bytesPerSecond(chip.scaleUp.bandwidthPerDirection->value() *
                                                    (pcie ? kPcieAchievable : kScaleUpAchievable));
        // A step through the host's PCIe tree costs its own latency, measured apart (nccl-tests
        // on 8 PCIe cards; the efficiency table's source column).
        n.scaleUp.stepLatency = units::seconds(
            data.global("comm", pcie ? "pcie_step_latency_us" : "scale_up_step_latency_us") * 1e-6);
        n.scaleUp.topology = chip.scaleUp.topology;
        n.scaleUp.domainSize = chip.scaleUp.domainSize;
    } else {
        n.scaleUp = n.scaleOut;
        n.scaleUp.domainSize = 1;
    }
    return n;
}

units::Seconds collectiveTime(Collective c, units::Bytes bytes, int group, const Fabric &fabric) {
    if (group <= 1 || bytes.value() <= 0)
        return units::seconds(0);
    const double alpha = fabric.stepLatency.value();
    const double bandwidth = usableBandwidth(group, fabric);
    const double moved = trafficFactor(c, group, fabric) * bytes.value();
    const double bandwidthOptimal = steps(c, group, fabric) * alpha + moved / bandwidth;
    // Over PCIe the collective library runs its rings whatever the size: the latency-optimal
    // algorithms need every pair of chips linked directly.
    if (c != Collective::allReduce || fabric.topology == Topology::pcie)
        return units::seconds(bandwidthOptimal);
    // A small all-reduce takes a latency-optimal algorithm instead, as NCCL picks by size:
    // recursive doubling, ceil(log2 n) steps that each send the whole buffer.
    const double logSteps = std::bit_width(unsigned(group - 1));
    const double latencyOptimal = logSteps * (alpha + bytes.value() / bandwidth);
    return units::seconds(std::min(bandwidthOptimal, latencyOptimal));
}

units::Seconds collectiveTime(Collective c, units::Bytes bytes, int group, int perDomain,
                              const Network &network) {
    const int inside = std::clamp(perDomain, 1, std::max(group, 1));
    if (inside >= group)
        return collectiveTime(c, bytes, group, network.scaleUp);
    const int domains = (group + inside - 1) / inside;
    const units::Bytes share = bytes / double(inside);
    switch (c) {
    case Collective::allReduce:
        return collectiveTime(Collective::reduceScatter, bytes, inside, network.scaleUp) +
               collectiveTime(Collective::allReduce, share, domains, network.scaleOut) +
               collectiveTime(Collective::allGather, bytes, inside, network.scaleUp);
    case Collective::allGather:
    case Collective::reduceScatter:
        return collectiveTime(c, share, domains, network.scaleOut) +
               collectiveTime(c, bytes, inside, network.scaleUp);
    case Collective::allToAll: {
        // Traffic to peers in the same domain and to the others travels on separate links
        // at the same time.
        const double local = double(inside - 1) / group;
        const double remote = double(group - inside) / group;
        const units::Seconds within =
            inside > 1 ? collectiveTime(c, bytes * (local * inside / (inside - 1)), inside,
                                        network.scaleUp)
                       : units::seconds(0);
        const units::Seconds across =
            units::seconds(domains * network.scaleOut.stepLatency.value() +
                           remote * bytes.value() / network.scaleOut.bandwidth.value());
        return std::max(within, across);
    }
    }
    return units::seconds(0);
}

units::Seconds sendReceiveTime(units::Bytes bytes, const Fabric &fabric) {
    if (bytes.value() <= 0)
        return units::seconds(0);
    return fabric.stepLatency + bytes / fabric.bandwidth;
}

int membersPerDomain(int group, int stride, int domainSize) {
    if (group <= 1)
        return 1;
    const int fit = std::max(1, domainSize / std::max(stride, 1));
    return std::min(group, fit);
}

} // namespace accelplan::comm
