// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/result_json.h"

#include "io/result_json_writer.h"

namespace accelplan::data {
namespace {

// What a result's numbers mean for a candidate that could not run: none of them exist.
std::optional<double> ifFits(bool fits, double v) {
    return fits ? std::optional<double>(v) : std::nullopt;
}

class ResultWriter {
public:
    QByteArray write(const Evaluation &e, const ResultExtras &extras) {
        w_.beginObject();
        w_.key("format").string(kResultFormat);
        w_.key("scenario").string(e.scenarioName);
        w_.key("catalog_version").string(e.catalogVersion);
        if (extras.maxChips)
            w_.key("max_chips").integer(*extras.maxChips);
        const Analysis *analysis = extras.analysis;
        w_.key("results").beginArray();
        for (std::size_t i = 0; i < e.results.size(); ++i)
            candidate(e.results[i],
                      analysis && i < analysis->growth.size() ? &analysis->growth[i] : nullptr);
        w_.endArray();
        if (extras.recommendation)
            recommendation(*extras.recommendation, e);
        if (analysis && analysis->sensitivity)
            sensitivity(*analysis->sensitivity, analysis->sensitivityResult);
        if (analysis && analysis->crossover)
            crossover(*analysis->crossover);
        w_.endObject();
        return w_.take();
    }

private:
    void candidate(const CandidateResult &r, const GrowthOutcome *growthOutcome) {
        w_.beginObject();
        w_.key("chip").string(r.chipId);
        w_.key("count").integer(r.count);
        if (r.role != Role::both)
            w_.key("role").string(toString(r.role));
        w_.key("offering");
        if (r.offering.empty())
            w_.null();
        else
            w_.string(r.offering);
        if (r.training)
            training(*r.training, r.spend);
        if (r.inference)
            inference(*r.inference, r.spend);
        if (r.spend)
            spend(*r.spend);
        if (growthOutcome)
            growth(*growthOutcome);
        w_.key("problems");
        strings(r.problems);
        if (!r.assumptions.empty()) {
            w_.key("assumptions");
            strings(r.assumptions);
        }
        w_.endObject();
    }

    void strings(const std::vector<std::string> &items) {
        w_.beginArray();
        for (const std::string &s : items)
            w_.string(s);
        w_.endArray();
    }

    void parallelism(const Parallelism &p, bool training) {
        w_.beginObject();
        w_.key("dp").integer(p.dp);
        w_.key("tp").integer(p.tp);
        w_.key("pp").integer(p.pp);
        if (training)
            w_.key("cp").integer(p.cp);
        w_.key("ep").integer(p.ep);
        if (training) {
            w_.key("zero").integer(p.zero);
            w_.key("microbatch").integer(p.microbatch);
            w_.key("recompute").string(toString(p.recompute));
        }
        w_.endObject();
    }

    void memory(const MemoryBreakdown &m, bool training) {
        w_.key("memory_per_chip_bytes").number(m.total().value());
        w_.key("memory_per_chip").beginObject();
        w_.key("weights_bytes").number(m.weights.value());
        if (training) {
            w_.key("gradients_bytes").number(m.gradients.value());
            w_.key("optimizer_bytes").number(m.optimizer.value());
        }
        w_.key("activations_bytes").number(m.activations.value());
        if (!training)
            w_.key("kv_cache_bytes").number(m.kvCache.value());
        w_.key("other_bytes").number(m.other.value());
        w_.endObject();
    }

    void stepParts(const StepTimeParts &p) {
        w_.key("step_time_parts_s").beginObject();
        w_.key("compute").number(p.compute.value());
        w_.key("memory_bound").number(p.memoryBound.value());
        w_.key("overhead").number(p.overhead.value());
        w_.key("tensor_parallel").number(p.tensorParallel.value());
        w_.key("context_parallel").number(p.contextParallel.value());
        w_.key("expert_parallel").number(p.expertParallel.value());
        w_.key("pipeline_transfer").number(p.pipelineTransfer.value());
        w_.key("pipeline_bubble").number(p.pipelineBubble.value());
        w_.key("data_parallel").number(p.dataParallel.value());
        w_.key("optimizer").number(p.optimizer.value());
        w_.key("host_offload").number(p.hostOffload.value());
        w_.endObject();
    }

    void training(const TrainingResult &t, const std::optional<Spend> &spend) {
        const bool fits = t.fits;
        // Costs exist only where the fleet has a price, energy only where the chip has a TDP.
        const bool priced = fits && spend && spend->fleetRate;
        const bool powered = fits && spend && spend->power;
        w_.key("training").beginObject();
        w_.key("fits").boolean(fits);
        // A layout that does not fit still says what it was and what it would need.
        const bool tried = fits || t.memory.total().value() > 0;
        w_.key("parallelism");
        if (tried)
            parallelism(t.parallelism, true);
        else
            w_.null();
        if (tried) {
            memory(t.memory, true);
        } else {
            w_.key("memory_per_chip_bytes").null();
        }
        w_.key("step_time_s").number(ifFits(fits, t.stepTime.value()));
        range("step_time_s_range", fits, t.stepTime.value(), t.uncertainty);
        if (fits)
            stepParts(t.stepParts);
        w_.key("tokens_per_s").number(ifFits(fits, t.tokensPerSecond));
        range("tokens_per_s_range", fits, t.tokensPerSecond, t.uncertainty);
        w_.key("samples_per_s").number(ifFits(fits, t.samplesPerSecond));
        w_.key("mfu").number(ifFits(fits, t.mfu));
        range("mfu_range", fits, t.mfu, t.uncertainty);
        w_.key("time_to_train_s").number(ifFits(fits, t.timeToTrain.nominal.value()));
        w_.key("time_to_train_s_range");
        if (fits) {
            w_.beginArray(true);
            w_.number(t.timeToTrain.low.value());
            w_.number(t.timeToTrain.high.value());
            w_.endArray();
        } else {
            w_.null();
        }
        w_.key("chip_hours").number(ifFits(fits, t.chipHours));
        w_.key("cost_usd").number(ifFits(priced, t.cost.value()));
        if (priced && spend->trainingCost) {
            w_.key("cost_usd_range").beginArray(true);
            w_.number(spend->trainingCost->low.value());
            w_.number(spend->trainingCost->high.value());
            w_.endArray();
        }
        w_.key("energy_kwh").number(ifFits(powered, units::inKilowattHours(t.energy)));
        w_.key("co2_kg").number(ifFits(powered, t.co2.value()));
        if (fits) {
            w_.key("runner_ups").beginArray();
            for (const LayoutOption &o : t.runnerUps) {
                w_.beginObject();
                w_.key("parallelism");
                parallelism(o.parallelism, true);
                w_.key("step_time_s").number(o.stepTime.value());
                w_.key("memory_per_chip_bytes").number(o.memoryPerChip.value());
                w_.endObject();
            }
            w_.endArray();
        }
        w_.endObject();
    }

    // "X_range": [x / (1 + u), x (1 + u)], null where X is.
    void range(const char *key, bool fits, double x, double u) {
        w_.key(key);
        if (!fits) {
            w_.null();
            return;
        }
        const Ranged<double> r = withUncertainty(x, u);
        w_.beginArray(true);
        w_.number(r.low);
        w_.number(r.high);
        w_.endArray();
    }

    void inference(const InferenceResult &i, const std::optional<Spend> &spend) {
        const bool fits = i.fits;
        const bool priced = fits && spend && spend->fleetRate;
        w_.key("inference").beginObject();
        w_.key("fits").boolean(fits);
        w_.key("batch");
        if (fits)
            w_.integer(i.batch);
        else
            w_.null();
        w_.key("parallelism");
        if (fits)
            parallelism(i.parallelism, false);
        else
            w_.null();
        // Server mode: the fleet's replicas and what they carry within the SLO.
        if (i.maxRequestsPerSecond) {
            w_.key("replicas");
            if (fits)
                w_.integer(i.parallelism.dp);
            else
                w_.null();
            w_.key("max_requests_per_s").number(ifFits(fits, *i.maxRequestsPerSecond));
        }
        if (!i.runtime.empty())
            w_.key("runtime").string(i.runtime);
        if (i.memory.total().value() > 0)
            memory(i.memory, false);
        else
            w_.key("memory_per_chip_bytes").null();
        w_.key("ttft_s").number(ifFits(fits, i.ttft.value()));
        range("ttft_s_range", fits, i.ttft.value(), i.uncertainty);
        w_.key("tpot_s").number(ifFits(fits, i.tpot.value()));
        range("tpot_s_range", fits, i.tpot.value(), i.uncertainty);
        w_.key("throughput_tokens_per_s").number(ifFits(fits, i.throughputTokensPerSecond));
        range("throughput_tokens_per_s_range", fits, i.throughputTokensPerSecond, i.uncertainty);
        w_.key("throughput_samples_per_s").number(ifFits(fits, i.throughputSamplesPerSecond));
        range("throughput_samples_per_s_range", fits, i.throughputSamplesPerSecond, i.uncertainty);
        w_.key("latency_s").number(ifFits(fits, i.latency.value()));
        range("latency_s_range", fits, i.latency.value(), i.uncertainty);
        // A network that serves samples, not tokens, has no cost per token.
        const bool tokens = i.throughputTokensPerSecond > 0;
        w_.key("cost_per_million_tokens_usd")
            .number(ifFits(priced && tokens, i.costPerMillionTokens.value()));
        w_.key("energy_per_request_j")
            .number(fits && i.energyPerRequest ? std::optional<double>(i.energyPerRequest->value())
                                               : std::nullopt);
        // What a battery's watt-hour serves: the figure a phone or drone is planned by.
        w_.key("requests_per_wh")
            .number(fits && i.energyPerRequest && i.energyPerRequest->value() > 0
                        ? std::optional<double>(1e-3 / units::inKilowattHours(*i.energyPerRequest))
                        : std::nullopt);
        if (spend) {
            w_.key("cost_per_million_samples_usd")
                .number(fits && spend->costPerMillionSamples
                            ? std::optional<double>(spend->costPerMillionSamples->value())
                            : std::nullopt);
            w_.key("energy_per_million_tokens_kwh")
                .number(fits && spend->energyPerMillionTokens
                            ? std::optional<double>(
                                  units::inKilowattHours(*spend->energyPerMillionTokens))
                            : std::nullopt);
            w_.key("co2_per_million_tokens_kg")
                .number(fits && spend->co2PerMillionTokens
                            ? std::optional<double>(spend->co2PerMillionTokens->value())
                            : std::nullopt);
        }
        w_.endObject();
    }

    template <class Q> static std::optional<double> valueOf(const std::optional<Q> &q) {
        return q ? std::optional<double>(q->value()) : std::nullopt;
    }

    void spend(const Spend &s) {
        w_.key("spend").beginObject();
        w_.key("pricing").string(toString(s.pricing));
        w_.key("instances").integer(s.instances);
        w_.key("billed_chips").integer(s.billedChips);
        w_.key("usd_per_hour")
            .number(s.fleetRate ? std::optional<double>(units::inDollarsPerHour(*s.fleetRate))
                                : std::nullopt);
        w_.key("monthly_usd").number(valueOf(s.monthlyCost));
        w_.key("capex_usd").number(valueOf(s.capex));
        w_.key("break_even_s").number(valueOf(s.breakEven));
        w_.key("power_w").number(valueOf(s.power));
        if (!s.priceProblem.empty())
            w_.key("price_problem").string(s.priceProblem);
        w_.endObject();
    }

    // The fleet over the growth plan: demand per day in the plan's unit, the peak it must carry,
    // and from which month the candidate is not enough (null: it holds to the end).
    void growth(const GrowthOutcome &g) {
        w_.key("growth").beginObject();
        w_.key("chips_per_replica").integer(g.chipsPerReplica);
        w_.key("requests_per_s_per_replica").number(g.requestsPerSecondPerReplica);
        w_.key("first_short_month");
        if (g.firstShortMonth)
            w_.integer(*g.firstShortMonth);
        else
            w_.null();
        if (!g.problem.empty())
            w_.key("problem").string(g.problem);
        w_.key("months").beginArray();
        for (const GrowthMonth &m : g.months) {
            w_.beginObject();
            w_.key("month").integer(m.month);
            w_.key("demand_per_day").number(m.demandPerDay);
            w_.key("requests_per_s").number(m.requestsPerSecond);
            w_.key("replicas").integer(m.replicas);
            w_.key("chips").integer(m.chips);
            w_.key("enough").boolean(m.enough);
            w_.key("cost_usd").number(valueOf(m.cost));
            w_.endObject();
        }
        w_.endArray();
        w_.endObject();
    }

    // Tornado data: each input set low and high, the judged time and cost at both ends.
    // The move beyond the CPU: chip 0 is the CPU, chip 1 the accelerator.
    void crossover(const Crossover &c) {
        w_.key("crossover").beginObject();
        w_.key("focus").string(toString(c.focus));
        w_.key("cpu").string(c.chips[0]);
        w_.key("accelerator").string(c.chips[1]);
        w_.key("from_params").number(c.fromParams);
        w_.key("summary").string(c.summary);
        w_.key("points").beginArray();
        for (const CrossoverPoint &p : c.points) {
            w_.beginObject();
            w_.key("params").number(p.params);
            w_.key("cpu_time_s").number(p.time[0]);
            w_.key("cpu_cost_usd").number(p.cost[0]);
            w_.key("accelerator_time_s").number(p.time[1]);
            w_.key("accelerator_cost_usd").number(p.cost[1]);
            w_.endObject();
        }
        w_.endArray();
        w_.endObject();
    }

    void sensitivity(const Sensitivity &s, std::size_t result) {
        w_.key("sensitivity").beginObject();
        w_.key("result").integer(static_cast<long long>(result));
        w_.key("focus").string(toString(s.focus));
        w_.key("base_time_s").number(valueOf(s.baseTime));
        w_.key("base_cost_usd").number(valueOf(s.baseCost));
        w_.key("bars").beginArray();
        for (const TornadoBar &b : s.bars) {
            w_.beginObject();
            w_.key("input").string(toString(b.input));
            w_.key("low").string(b.lowSetting);
            w_.key("high").string(b.highSetting);
            w_.key("time_low_s").number(valueOf(b.timeLow));
            w_.key("time_high_s").number(valueOf(b.timeHigh));
            w_.key("cost_low_usd").number(valueOf(b.costLow));
            w_.key("cost_high_usd").number(valueOf(b.costHigh));
            w_.key("swing").number(b.swing());
            w_.endObject();
        }
        w_.endArray();
        w_.endObject();
    }

    void recommendation(const Recommendation &rec, const Evaluation &e) {
        w_.key("recommendation").beginObject();
        w_.key("objective").string(toString(rec.objective));
        w_.key("focus").string(toString(rec.focus));
        w_.key("winner");
        if (const Score *winner = rec.winner())
            w_.integer(static_cast<long long>(winner->result));
        else
            w_.null();
        w_.key("why").string(rec.why);
        w_.key("trade_off").string(rec.tradeOff);
        w_.key("pareto_front").beginArray(true);
        for (std::size_t i : rec.paretoFront)
            w_.integer(static_cast<long long>(i));
        w_.endArray();
        w_.key("ranking").beginArray();
        for (const Score &s : rec.ranking) {
            const CandidateResult &r = e.results[s.result];
            w_.beginObject();
            w_.key("result").integer(static_cast<long long>(s.result));
            w_.key("chip").string(r.chipId);
            w_.key("count").integer(r.count);
            w_.key("eligible").boolean(s.eligible());
            // Training: the time to train and the run's cost; inference: the request latency
            // and the cost per million output tokens (or samples).
            w_.key("time_s").number(valueOf(s.time));
            w_.key("cost_usd").number(valueOf(s.cost));
            w_.key("on_pareto_front").boolean(s.onParetoFront);
            w_.key("exclusions");
            strings(s.exclusions);
            w_.endObject();
        }
        w_.endArray();
        if (rec.plan) {
            w_.key("plan").beginObject();
            w_.key("training").integer(static_cast<long long>(rec.plan->training));
            w_.key("serving").integer(static_cast<long long>(rec.plan->serving));
            w_.key("serving_months").number(rec.plan->servingMonths);
            w_.key("total_usd").number(valueOf(rec.plan->total));
            w_.key("why").string(rec.plan->why);
            w_.endObject();
        }
        w_.endObject();
    }

    OrderedJsonWriter w_;
};

} // namespace

QByteArray resultToJson(const Evaluation &evaluation, const ResultExtras &extras) {
    return ResultWriter().write(evaluation, extras);
}

} // namespace accelplan::data
