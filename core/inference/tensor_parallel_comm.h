#pragma once
// The tensor-parallel all-reduce serving needs after each attention and FFN block, and the
// point-to-point send between pipeline stages. A small α-β model kept here until core/comm
// provides the shared collective model.

#include "hardware/chip.h"
#include "units/quantities.h"

#include <optional>

namespace accelplan {

struct LinkCost {
    // Per chip, one direction; empty when the catalog does not know it (then the traffic is
    // not counted, and the result says so).
    std::optional<units::BytesPerSecond> bandwidth;
    units::Seconds latency = units::seconds(0);
};

// Whether `group` chips can work as one: inside a scale-up domain, or over a known link.
bool groupIsLinked(const Chip &chip, int group);

// The bandwidth a group of `group` chips exchanges data at: the scale-up fabric's when the
// group fits in one scale-up domain, else the scale-out network's (or, without one, the
// scale-up link's: PCIe cards in one host). Empty when the catalog lacks the figure.
std::optional<units::BytesPerSecond> groupLinkBandwidth(const Chip &chip, int group);

// Ring all-reduce of `message` bytes over `tp` chips: 2·(tp−1)/tp · message / bandwidth, plus
// the fixed cost of its 2·(tp−1) steps' synchronisation folded into one latency term.
units::Seconds allReduceTime(units::Bytes message, int tp, const LinkCost &link);

// One point-to-point send of `message` bytes.
units::Seconds sendTime(units::Bytes message, const LinkCost &link);

} // namespace accelplan
