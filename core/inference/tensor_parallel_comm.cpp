#include "inference/tensor_parallel_comm.h"

namespace accelplan {

bool groupIsLinked(const Chip &chip, int group) {
    return group <= 1 || group <= chip.scaleUp.domainSize || chip.scaleOutBandwidth ||
           chip.scaleUp.bandwidthPerDirection;
}

std::optional<units::BytesPerSecond> groupLinkBandwidth(const Chip &chip, int group) {
    const auto &up = chip.scaleUp;
    if (group <= up.domainSize)
        return up.bandwidthPerDirection;
    if (chip.scaleOutBandwidth)
        return chip.scaleOutBandwidth;
    return up.bandwidthPerDirection;
}

units::Seconds allReduceTime(units::Bytes message, int tp, const LinkCost &link) {
    if (tp <= 1 || !link.bandwidth || link.bandwidth->value() <= 0)
        return units::seconds(0);
    return link.latency + (2.0 * (tp - 1) / tp) * message / *link.bandwidth;
}

units::Seconds sendTime(units::Bytes message, const LinkCost &link) {
    if (!link.bandwidth || link.bandwidth->value() <= 0)
        return units::seconds(0);
    return link.latency + message / *link.bandwidth;
}

} // namespace accelplan
