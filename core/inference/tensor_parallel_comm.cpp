#include "inference/tensor_parallel_comm.h"

namespace accelplan {

units::BytesPerSecond groupLinkBandwidth(const Chip &chip, int group) {
    const auto &up = chip.scaleUp;
    if (group <= up.domainSize && up.bandwidthPerDirection)
        return *up.bandwidthPerDirection;
    if (chip.scaleOutBandwidth)
        return *chip.scaleOutBandwidth;
    if (up.bandwidthPerDirection)
        return *up.bandwidthPerDirection;
    return units::bytesPerSecond(0);
}

units::Seconds allReduceTime(units::Bytes message, int tp, const LinkCost &link) {
    if (tp <= 1)
        return units::seconds(0);
    if (link.bandwidth.value() <= 0)
        return units::seconds(1e30); // no link: the layout is unusable, never chosen
    return link.latency + (2.0 * (tp - 1) / tp) * message / link.bandwidth;
}

units::Seconds sendTime(units::Bytes message, const LinkCost &link) {
    if (link.bandwidth.value() <= 0)
        return units::seconds(1e30);
    return link.latency + message / link.bandwidth;
}

} // namespace accelplan
