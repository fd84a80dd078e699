// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/tensor_parallel_comm.h"

#include <algorithm>

namespace accelplan {

bool groupIsLinked(const Chip &chip, int group) {
    return group <= 1 || group <= chip.scaleUp.domainSize || chip.scaleOutBandwidth ||
           chip.scaleUp.bandwidthPerDirection;
}

bool groupLinkUnknown(const Chip &chip, int group) {
    return group > 1 && group <= chip.scaleUp.domainSize && !chip.scaleUp.bandwidthPerDirection;
}

units::Seconds tensorParallelAllReduce(const Chip &chip, const comm::Network &network,
                                       units::Bytes message, int tp) {
    if (tp <= 1 || groupLinkUnknown(chip, tp))
        return units::seconds(0);
    const int perDomain = comm::membersPerDomain(tp, 1, std::max(1, chip.scaleUp.domainSize));
    return comm::collectiveTime(comm::Collective::allReduce, message, tp, perDomain, network);
}

units::Seconds stageSend(const Chip &chip, const comm::Network &network, units::Bytes message,
                         int replicaChips) {
    if (groupLinkUnknown(chip, replicaChips))
        return units::seconds(0);
    const bool inside = replicaChips <= network.scaleUp.domainSize;
    return comm::sendReceiveTime(message, inside ? network.scaleUp : network.scaleOut);
}

} // namespace accelplan
