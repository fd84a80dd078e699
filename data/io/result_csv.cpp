// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/result_csv.h"

#include "io/csv.h"
#include "support/qt_text.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <vector>

namespace accelplan::data {
namespace {

using Cell = std::optional<QString>; // empty: the value does not exist

QString number(double v) {
    if (!std::isfinite(v))
        return {};
    return v == 0 ? QStringLiteral("0") : QString::number(v, 'g', QLocale::FloatingPointShortest);
}

// The value only when the condition holds: `value` is called only then, so it may read what
// exists only then (a training-only candidate has no inference result at all).
template <class Value> Cell ifTrue(bool condition, const Value &value) {
    return condition ? Cell(number(value())) : std::nullopt;
}

struct Column {
    const char *name;
    std::function<Cell(const CandidateResult &)> value;
};

std::vector<Column> commonColumns() {
    return {
        {"chip", [](const CandidateResult &r) { return Cell(qs(r.chipId)); }},
        {"count", [](const CandidateResult &r) { return Cell(QString::number(r.count)); }},
        {"offering",
         [](const CandidateResult &r) {
             return r.offering.empty() ? Cell() : Cell(qs(r.offering));
         }},
    };
}

std::vector<Column> trainingColumns() {
    using R = const CandidateResult &;
    auto fits = [](R r) { return r.training && r.training->fits; };
    auto tried = [](R r) { return r.training && r.training->memory.total().value() > 0; };
    auto priced = [fits](R r) { return fits(r) && r.spend && r.spend->fleetRate; };
    auto powered = [fits](R r) { return fits(r) && r.spend && r.spend->power; };
    auto layout = [tried](int Parallelism::*member) {
        return [tried, member](R r) {
            return tried(r) ? Cell(QString::number(r.training->parallelism.*member)) : Cell();
        };
    };
    return {
        {"training_fits",
         [](R r) {
             return r.training
                        ? Cell(r.training->fits ? QStringLiteral("true") : QStringLiteral("false"))
                        : Cell();
         }},
        {"training_dp", layout(&Parallelism::dp)},
        {"training_tp", layout(&Parallelism::tp)},
        {"training_pp", layout(&Parallelism::pp)},
        {"training_cp", layout(&Parallelism::cp)},
        {"training_ep", layout(&Parallelism::ep)},
        {"training_zero", layout(&Parallelism::zero)},
        {"training_microbatch", layout(&Parallelism::microbatch)},
        {"training_recompute",
         [tried](R r) {
             return tried(r) ? Cell(qs(std::string(toString(r.training->parallelism.recompute))))
                             : Cell();
         }},
        {"training_memory_per_chip_bytes",
         [tried](R r) {
             return ifTrue(tried(r), [&] { return r.training->memory.total().value(); });
         }},
        {"training_step_time_s",
         [fits](R r) { return ifTrue(fits(r), [&] { return r.training->stepTime.value(); }); }},
        {"training_tokens_per_s",
         [fits](R r) { return ifTrue(fits(r), [&] { return r.training->tokensPerSecond; }); }},
        {"training_samples_per_s",
         [fits](R r) { return ifTrue(fits(r), [&] { return r.training->samplesPerSecond; }); }},
        {"training_mfu", [fits](R r) { return ifTrue(fits(r), [&] { return r.training->mfu; }); }},
        {"training_time_to_train_s",
         [fits](R r) {
             return ifTrue(fits(r), [&] { return r.training->timeToTrain.nominal.value(); });
         }},
        {"training_time_to_train_low_s",
         [fits](R r) {
             return ifTrue(fits(r), [&] { return r.training->timeToTrain.low.value(); });
         }},
        {"training_time_to_train_high_s",
         [fits](R r) {
             return ifTrue(fits(r), [&] { return r.training->timeToTrain.high.value(); });
         }},
        {"training_chip_hours",
         [fits](R r) { return ifTrue(fits(r), [&] { return r.training->chipHours; }); }},
        {"training_cost_usd",
         [priced](R r) { return ifTrue(priced(r), [&] { return r.training->cost.value(); }); }},
        {"training_energy_kwh",
         [powered](R r) {
             return ifTrue(powered(r), [&] { return units::inKilowattHours(r.training->energy); });
         }},
        {"training_co2_kg",
         [powered](R r) { return ifTrue(powered(r), [&] { return r.training->co2.value(); }); }},
    };
}

std::vector<Column> inferenceColumns() {
    using R = const CandidateResult &;
    auto fits = [](R r) { return r.inference && r.inference->fits; };
    auto priced = [fits](R r) { return fits(r) && r.spend && r.spend->fleetRate; };
    auto layout = [fits](int Parallelism::*member) {
        return [fits, member](R r) {
            return fits(r) ? Cell(QString::number(r.inference->parallelism.*member)) : Cell();
        };
    };
    return {
        {"inference_fits",
         [](R r) {
             return r.inference
                        ? Cell(r.inference->fits ? QStringLiteral("true") : QStringLiteral("false"))
                        : Cell();
         }},
        {"inference_batch",
         [fits](R r) { return fits(r) ? Cell(QString::number(r.inference->batch)) : Cell(); }},
        {"inference_dp", layout(&Parallelism::dp)},
        {"inference_tp", layout(&Parallelism::tp)},
        {"inference_pp", layout(&Parallelism::pp)},
        {"inference_ep", layout(&Parallelism::ep)},
        {"inference_memory_per_chip_bytes",
         [](R r) {
             return ifTrue(r.inference && r.inference->memory.total().value() > 0,
                           [&] { return r.inference ? r.inference->memory.total().value() : 0; });
         }},
        {"inference_ttft_s",
         [fits](R r) { return ifTrue(fits(r), [&] { return r.inference->ttft.value(); }); }},
        {"inference_tpot_s",
         [fits](R r) { return ifTrue(fits(r), [&] { return r.inference->tpot.value(); }); }},
        {"inference_throughput_tokens_per_s",
         [fits](R r) {
             return ifTrue(fits(r), [&] { return r.inference->throughputTokensPerSecond; });
         }},
        {"inference_throughput_samples_per_s",
         [fits](R r) {
             return ifTrue(fits(r), [&] { return r.inference->throughputSamplesPerSecond; });
         }},
        {"inference_latency_s",
         [fits](R r) { return ifTrue(fits(r), [&] { return r.inference->latency.value(); }); }},
        {"inference_max_requests_per_s",
         [fits](R r) {
             return ifTrue(fits(r) && r.inference->maxRequestsPerSecond,
                           [&] { return r.inference->maxRequestsPerSecond.value_or(0); });
         }},
        {"inference_energy_per_request_j",
         [fits](R r) {
             return ifTrue(fits(r) && r.inference->energyPerRequest, [&] {
                 return r.inference->energyPerRequest.value_or(units::joules(0)).value();
             });
         }},
        {"inference_cost_per_million_tokens_usd",
         [priced](R r) {
             return ifTrue(priced(r) && r.inference->throughputTokensPerSecond > 0,
                           [&] { return r.inference->costPerMillionTokens.value(); });
         }},
    };
}

std::vector<Column> spendColumns() {
    using R = const CandidateResult &;
    return {
        {"pricing",
         [](R r) { return r.spend ? Cell(qs(std::string(toString(r.spend->pricing)))) : Cell(); }},
        {"usd_per_hour",
         [](R r) {
             return r.spend && r.spend->fleetRate
                        ? Cell(number(units::inDollarsPerHour(*r.spend->fleetRate)))
                        : Cell();
         }},
        {"monthly_usd",
         [](R r) {
             return r.spend && r.spend->monthlyCost ? Cell(number(r.spend->monthlyCost->value()))
                                                    : Cell();
         }},
        {"problems",
         [](R r) {
             QStringList problems;
             for (const std::string &p : r.problems)
                 problems << qs(p);
             return Cell(problems.join(QStringLiteral("; ")));
         }},
    };
}

} // namespace

QByteArray resultToCsv(const Evaluation &evaluation) {
    const auto any = [&](auto member) {
        return std::any_of(evaluation.results.begin(), evaluation.results.end(),
                           [&](const CandidateResult &r) { return bool(r.*member); });
    };
    std::vector<Column> columns = commonColumns();
    auto append = [&columns](std::vector<Column> more) {
        columns.insert(columns.end(), std::make_move_iterator(more.begin()),
                       std::make_move_iterator(more.end()));
    };
    if (any(&CandidateResult::training))
        append(trainingColumns());
    if (any(&CandidateResult::inference))
        append(inferenceColumns());
    append(spendColumns());

    QStringList header;
    for (const Column &c : columns)
        header << QString::fromLatin1(c.name);
    QByteArray out = csvLine(header);
    for (const CandidateResult &r : evaluation.results) {
        QStringList row;
        for (const Column &c : columns)
            row << c.value(r).value_or(QString());
        out += csvLine(row);
    }
    return out;
}

} // namespace accelplan::data
