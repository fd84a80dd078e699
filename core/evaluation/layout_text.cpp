// SPDX-License-Identifier: GPL-3.0-or-later
#include "evaluation/layout_text.h"

#include "scenario/scenario.h"

namespace accelplan {

std::string layoutText(const Parallelism &p, LayoutUse use) {
    std::string out;
    const auto add = [&out](const std::string &part) {
        if (!out.empty())
            out += " · ";
        out += part;
    };
    add("dp " + std::to_string(p.dp));
    add("tp " + std::to_string(p.tp));
    add("pp " + std::to_string(p.pp));
    if (p.cp > 1)
        add("cp " + std::to_string(p.cp));
    if (p.ep > 1)
        add("ep " + std::to_string(p.ep));
    if (use == LayoutUse::serving)
        return out;
    if (p.zero > 0)
        add("ZeRO-" + std::to_string(p.zero));
    add("micro-batch " + std::to_string(p.microbatch));
    if (p.recompute != Recompute::none)
        add(std::string(toString(p.recompute)) + " recompute");
    return out;
}

} // namespace accelplan
