// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the calibration tests share: the result field a case compares, the chip family it is
// summarised under, and the error statistics they print. Errors are symmetric:
// |ln(predicted / measured)|.

#include "evaluation/result.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace accelplan::test {

// The result field a case compares ("training.mfu", "inference.ttft_s", ...), or NaN when the
// result has none.
inline double fieldOf(const CandidateResult &r, const QString &field) {
    const QString kind = field.section(u'.', 0, 0), name = field.section(u'.', 1);
    if (kind == QLatin1String("training") && r.training) {
        const TrainingResult &t = *r.training;
        if (name == QLatin1String("time_to_train_s"))
            return t.timeToTrain.nominal.value();
        if (name == QLatin1String("step_time_s"))
            return t.stepTime.value();
        if (name == QLatin1String("tokens_per_s"))
            return t.tokensPerSecond;
        if (name == QLatin1String("samples_per_s"))
            return t.samplesPerSecond;
        if (name == QLatin1String("mfu"))
            return t.mfu;
    }
    if (kind == QLatin1String("inference") && r.inference) {
        const InferenceResult &i = *r.inference;
        if (name == QLatin1String("throughput_tokens_per_s"))
            return i.throughputTokensPerSecond;
        if (name == QLatin1String("throughput_samples_per_s"))
            return i.throughputSamplesPerSecond;
        if (name == QLatin1String("ttft_s"))
            return i.ttft.value();
        if (name == QLatin1String("tpot_s"))
            return i.tpot.value();
        if (name == QLatin1String("latency_s"))
            return i.latency.value();
    }
    return std::nan("");
}

// "nvidia-h100-sxm5-80gb" -> "nvidia-h100", as calibration-report groups them.
inline QString chipFamilyOf(const std::string &chip) {
    return QString::fromStdString(chip).section(u'-', 0, 1);
}

inline double quantile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(q * double(v.size())))];
}

inline QString percent(double logError) {
    return QString::number(100 * (std::exp(logError) - 1), 'f', 1) + QStringLiteral(" %");
}

} // namespace accelplan::test
