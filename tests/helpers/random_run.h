// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// For randomized tests: a seed and a step count that can be chosen from outside, and a log of
// the latest steps to say what led to a failure.
//
//   ACCELPLAN_RANDOM_SEED=N   replays a run (every run prints its seed); without it every run
//                             uses the same seed, so ctest and CI are repeatable
//   ACCELPLAN_RANDOM_SEED=random  a fresh seed each run, for exploring
//   ACCELPLAN_RANDOM_STEPS=N  how many steps (default: the test's own; a tenth of it under
//                             AddressSanitizer, whose build is several times slower)

#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <deque>
#include <random>

namespace accelplan::test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr int kSlowBuildDivisor = 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr int kSlowBuildDivisor = 10;
#else
inline constexpr int kSlowBuildDivisor = 1;
#endif
#else
inline constexpr int kSlowBuildDivisor = 1;
#endif

class RandomRun {
public:
    explicit RandomRun(int defaultSteps) {
        bool ok = false;
        const QString chosen = qEnvironmentVariable("ACCELPLAN_RANDOM_SEED");
        const quint32 seed = chosen.toUInt(&ok);
        if (ok)
            seed_ = seed;
        else if (chosen == QLatin1String("random"))
            seed_ = QRandomGenerator::system()->generate();
        else
            seed_ = kDefaultSeed;
        const int steps = qEnvironmentVariableIntValue("ACCELPLAN_RANDOM_STEPS", &ok);
        steps_ = ok && steps > 0 ? steps : std::max(1, defaultSteps / kSlowBuildDivisor);
        engine_.seed(seed_);
        qInfo("random run: seed %u, %d steps (replay: ACCELPLAN_RANDOM_SEED=%u)", seed_, steps_,
              seed_);
    }

    quint32 seed() const { return seed_; }
    int steps() const { return steps_; }
    std::mt19937 &engine() { return engine_; }

    // A whole number in [low, high].
    int between(int low, int high) {
        return std::uniform_int_distribution<int>(low, high)(engine_);
    }
    double uniform(double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(engine_);
    }
    bool chance(double p) { return uniform(0, 1) < p; }
    template <class Container> auto &pick(Container &c) {
        return c[static_cast<std::size_t>(between(0, static_cast<int>(c.size()) - 1))];
    }

    // Notes what step `step` does; the latest are kept for failure messages.
    void note(int step, const QString &what) {
        log_.push_back(QStringLiteral("%1: %2").arg(step).arg(what));
        if (log_.size() > kKept)
            log_.pop_front();
    }
    // The seed and the latest steps, for a failure message.
    QString context() const {
        return QStringLiteral("seed %1; latest steps:\n  %2")
            .arg(seed_)
            .arg(QStringList(log_.begin(), log_.end()).join(QStringLiteral("\n  ")));
    }

private:
    static constexpr std::size_t kKept = 25;
    static constexpr quint32 kDefaultSeed = 20261206;
    quint32 seed_ = 0;
    int steps_ = 0;
    std::mt19937 engine_;
    std::deque<QString> log_;
};

} // namespace accelplan::test
