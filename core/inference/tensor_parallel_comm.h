// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The traffic inside one serving replica, through core/comm's collective model: the
// tensor-parallel all-reduce after each attention and FFN block, and the send between
// pipeline stages. A replica occupies consecutive chips, so a group fits one scale-up domain
// whenever it is no larger than it.

#include "comm/collectives.h"
#include "hardware/chip.h"
#include "units/quantities.h"

namespace accelplan {

// Whether `group` chips can work as one: inside a scale-up domain, or over a network.
bool groupIsLinked(const Chip &chip, int group);

// Whether the catalog lacks the bandwidth `group` chips exchange data at: a scale-up domain
// named without its bandwidth. That traffic is then not counted (the result says so) rather
// than sent over a guessed or much slower link.
bool groupLinkUnknown(const Chip &chip, int group);

// One all-reduce of `message` bytes (each chip's full buffer) over `tp` chips.
units::Seconds tensorParallelAllReduce(const Chip &chip, const comm::Network &network,
                                       units::Bytes message, int tp);

// One send of `message` bytes between neighbouring stages of a replica of `replicaChips`.
units::Seconds stageSend(const Chip &chip, const comm::Network &network, units::Bytes message,
                         int replicaChips);

} // namespace accelplan
