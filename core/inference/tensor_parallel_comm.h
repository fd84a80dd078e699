#pragma once
// The tensor-parallel all-reduce serving needs after each attention and FFN block, and the
// point-to-point send between pipeline stages. A small α-β model kept here until core/comm
// provides the shared collective model.

#include "hardware/chip.h"
#include "units/quantities.h"

namespace accelplan {

struct LinkCost {
    units::BytesPerSecond bandwidth = units::bytesPerSecond(0); // per chip, one direction
    units::Seconds latency = units::seconds(0);
};

// The link a group of `group` chips uses: the scale-up fabric when the group fits in one
// scale-up domain, else the scale-out network (or, without one, the scale-up link: PCIe cards
// in one host).
units::BytesPerSecond groupLinkBandwidth(const Chip &chip, int group);

// Ring all-reduce of `message` bytes over `tp` chips: 2·(tp−1)/tp · message / bandwidth, plus
// the fixed cost of its 2·(tp−1) steps' synchronisation folded into one latency term.
units::Seconds allReduceTime(units::Bytes message, int tp, const LinkCost &link);

// One point-to-point send of `message` bytes.
units::Seconds sendTime(units::Bytes message, const LinkCost &link);

} // namespace accelplan
