// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/layout_search.h"

#include <algorithm>
#include <array>

namespace accelplan::training {

namespace {

// Search bounds that keep the search to layouts frameworks run: tensor parallelism inside the
// scale-up domain, a sequence chunk per context-parallel chip of at least 1k tokens,
// micro-batches of at most 64 sequences.
constexpr int kMinContextChunk = 1024;
constexpr int kMaxMicrobatch = 64;
constexpr int kMaxDivisors = 256;

struct Divisors {
    std::array<int, kMaxDivisors> values{};
    int size = 0;
};

Divisors divisorsOf(int n) {
    Divisors d;
    for (int i = 1; long(i) * i <= n && d.size < kMaxDivisors - 1; ++i) {
        if (n % i != 0)
            continue;
        d.values[d.size++] = i;
        if (i != n / i)
            d.values[d.size++] = n / i;
    }
    std::sort(d.values.begin(), d.values.begin() + d.size);
    return d;
}

bool sameShape(const Parallelism &a, const Parallelism &b) {
    return a.dp == b.dp && a.tp == b.tp && a.pp == b.pp && a.cp == b.cp && a.ep == b.ep;
}

// Keeps the best layout of each shape, the best few shapes in order.
class Ranking {
public:
    explicit Ranking(int keep) : keep_(std::max(1, keep)) {}

    void offer(const Parallelism &layout, const StepTimeEstimate &estimate) {
        for (auto &entry : entries_) {
            if (sameShape(entry.layout, layout)) {
                if (estimate.stepTime < entry.estimate.stepTime)
                    entry = {layout, estimate};
                sort();
                return;
            }
        }
        if (int(entries_.size()) < keep_) {
            entries_.push_back({layout, estimate});
        } else if (estimate.stepTime < entries_.back().estimate.stepTime) {
            entries_.back() = {layout, estimate};
        } else {
            return;
        }
        sort();
    }

    const std::vector<LayoutChoice> &entries() const { return entries_; }
    bool worseThanAll(units::Seconds t) const {
        return int(entries_.size()) == keep_ && t >= entries_.back().estimate.stepTime;
    }

private:
    void sort() {
        std::sort(entries_.begin(), entries_.end(),
                  [](const LayoutChoice &a, const LayoutChoice &b) {
                      return a.estimate.stepTime < b.estimate.stepTime;
                  });
    }
    int keep_;
    std::vector<LayoutChoice> entries_;
};

template <class F>
void forEachOption(const std::optional<int> &pinned, const Divisors &all, F &&f) {
    if (pinned) {
        f(*pinned);
        return;
    }
    for (int i = 0; i < all.size; ++i)
        f(all.values[i]);
}

} // namespace

SearchResult searchLayouts(const Setup &u, const ParallelismRequest &request, Recompute recompute,
                           int runnerUps) {
    SearchResult result;
    Ranking ranking(runnerUps + 1);
    const Divisors counts = divisorsOf(u.count);
    const int domain = std::max(1, u.network.scaleUp.domainSize);

    std::array<Recompute, 3> policies{Recompute::none, Recompute::selective, Recompute::full};
    int policyCount = 3;
    const Recompute pinnedPolicy = request.recompute.value_or(recompute);
    if (pinnedPolicy != Recompute::automatic) {
        policies[0] = pinnedPolicy;
        policyCount = 1;
    } else if (!u.transformer) {
        policies[1] = Recompute::full; // selective means nothing without attention
        policyCount = 2;
    }

    const RecomputeScope scope =
        pinnedPolicy == Recompute::full ? RecomputeScope::allLayers : RecomputeScope::asNeeded;
    auto consider = [&](const Parallelism &layout) {
        const StepTimeEstimate estimate = estimateStepTime(u, layout, scope);
        ++result.evaluated;
        if (!estimate.valid)
            return;
        if (estimate.fits) {
            ranking.offer(layout, estimate);
        } else if (!result.leanest ||
                   estimate.memory.total() < result.leanest->estimate.memory.total()) {
            result.leanest = LayoutChoice{layout, estimate};
        }
    };

    forEachOption(request.tp, counts, [&](int tp) {
        if (!request.tp && (tp > domain || (u.transformer ? u.heads % tp != 0 : tp > 1)))
            return;
        forEachOption(request.cp, counts, [&](int cp) {
            if (!request.cp && cp > 1 &&
                (!u.transformer || u.seqLen % cp != 0 || u.seqLen / cp < kMinContextChunk))
                return;
            forEachOption(request.pp, counts, [&](int pp) {
                if (!request.pp && (pp > u.layers || (!u.transformer && pp > 1)))
                    return;
                const long inner = long(tp) * cp * pp;
                if (u.count % inner != 0)
                    return;
                const int dp = int(u.count / inner);
                if ((request.dp && *request.dp != dp) || dp > u.globalBatch)
                    return;
                const int perRank = (u.globalBatch + dp - 1) / dp;
                const Divisors experts = divisorsOf(u.experts > 0 ? dp * cp : 1);
                forEachOption(request.ep, experts, [&](int ep) {
                    if (!request.ep && ep > 1 && u.experts % ep != 0)
                        return;
                    for (int zero = 0; zero <= 3; ++zero) {
                        if (request.zero ? zero != *request.zero : (pp > 1 && zero > 1))
                            continue;
                        for (int mb = 1; mb <= perRank; mb *= 2) {
                            const int microbatch = request.microbatch.value_or(mb);
                            for (int r = 0; r < policyCount; ++r) {
                                Parallelism layout;
                                layout.dp = dp;
                                layout.tp = tp;
                                layout.pp = pp;
                                layout.cp = cp;
                                layout.ep = ep;
                                layout.zero = zero;
                                layout.microbatch = microbatch;
                                layout.recompute = policies[r];
                                consider(layout);
                            }
                            if (request.microbatch || mb >= kMaxMicrobatch)
                                break;
                        }
                        // A generic network also tries its whole per-rank batch at once.
                        if (!request.microbatch && !u.transformer &&
                            (perRank & (perRank - 1)) != 0) {
                            for (int r = 0; r < policyCount; ++r) {
                                Parallelism layout;
                                layout.dp = dp;
                                layout.zero = zero;
                                layout.microbatch = perRank;
                                layout.recompute = policies[r];
                                consider(layout);
                            }
                        }
                    }
                });
            });
        });
    });

    const auto &ranked = ranking.entries();
    if (!ranked.empty()) {
        result.best = ranked.front();
        result.runnerUps.assign(ranked.begin() + 1, ranked.end());
    }
    return result;
}

} // namespace accelplan::training
