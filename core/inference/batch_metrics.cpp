// SPDX-License-Identifier: GPL-3.0-or-later
#include "inference/batch_metrics.h"

#include "efficiency/inference_efficiency.h"
#include "inference/forward_pass.h"
#include "inference/serving_memory.h"
#include "util/saturating.h"

#include <algorithm>
#include <cmath>

namespace accelplan {
namespace {

// Tokens one forward pass carries at most: runtimes split longer prompt batches into chunks
// of this size (TensorRT-LLM's default max_num_tokens and vLLM's chunked-prefill budget are
// 8192), so activation memory stops growing there.
constexpr double kMaxPassTokens = 8192;

// Requests in flight per replica, and the micro-batch each pipeline stage works on.
struct Spread {
    double replicas = 1; // replicas with work
    double perReplica = 0;
    double microBatch = 0;
    double microBatches = 1;
};

Spread spread(const ReplicaLayout &layout, double batch) {
    Spread s;
    s.replicas = std::clamp(std::ceil(batch), 1.0, double(layout.replicas));
    s.perReplica = batch / s.replicas;
    s.microBatches = std::clamp(std::ceil(s.perReplica), 1.0, double(layout.pp));
    s.microBatch = s.perReplica / s.microBatches;
    return s;
}

// What one request holds and carries. With beam search each of its beams keeps its own KV
// cache of what it generated; the prompt's cache is held once where the runtime shares its
// blocks between the beams (paged runtimes), else by every beam (Hugging Face's generate()
// copies it).
struct Footprint {
    double kvTokens = 0;   // KV-cache tokens each request holds, all its beams together
    double passTokens = 0; // tokens a pass carries per request of the micro-batch
};

Footprint footprint(const ServingModel &m, Schedule schedule) {
    const double in = m.inputTokens, out = m.outputTokens, beams = m.beams;
    const double prompt = m.efficiency.sharesPromptAcrossBeams ? in : beams * in;
    // A decode step carries each beam's token and the drafts it checks.
    const double stepTokens = beams * (1.0 + m.draftTokens);
    switch (schedule) {
    case Schedule::continuous:
        return {prompt + beams * out / 2, out > 0 ? stepTokens + in * m.tokensPerStep() / out : in};
    case Schedule::staticBatch: return {prompt + beams * out, std::max(in, stepTokens)};
    case Schedule::prefillOnly: return {in, in};
    case Schedule::decodeOnly: return {prompt + beams * out / 2, stepTokens};
    }
    return {};
}

PassTokens prefillPass(const ServingModel &m, double requests) {
    return {0, 0, requests * m.inputTokens, m.inputTokens / 2};
}

// One decode step of `requests`: every beam of each produces a token, and with speculative
// decoding checks its drafts too.
PassTokens decodePass(const ServingModel &m, double requests) {
    return {requests * m.beams, m.meanDecodeContext(), 0, 0, 1.0 + m.draftTokens};
}

// A decode step: the pass that checks the drafts, after the draft passes that propose them
// one by one (each a pass of one token per sequence through the draft).
units::Seconds stepTime(const ServingModel &m, const ReplicaLayout &layout,
                        const PassTokens &pass) {
    const units::Seconds check = pipelinePassTime(m, layout, pass);
    if (m.draftTokens <= 0)
        return check;
    const PassTokens draft{pass.decode, pass.decodeContext, 0, 0, 1};
    return check + double(m.draftTokens) * m.draftShare() * pipelinePassTime(m, layout, draft);
}

} // namespace

Schedule scheduleFor(InferenceMode mode, InferencePhase phase) {
    if (phase == InferencePhase::prefill)
        return Schedule::prefillOnly;
    if (phase == InferencePhase::decode)
        return Schedule::decodeOnly;
    return mode == InferenceMode::latency ? Schedule::staticBatch : Schedule::continuous;
}

BatchMetrics batchMetrics(const ServingModel &m, const ReplicaLayout &layout, Schedule schedule,
                          double batch) {
    // Encoder-only models answer with their prompt pass: every schedule is prefill only, and
    // unless that phase alone is asked for, the output tokens counted are none.
    const bool answersWithoutTokens = m.outputTokens <= 0 && schedule != Schedule::prefillOnly;
    if (m.outputTokens <= 0)
        schedule = Schedule::prefillOnly;
    BatchMetrics r;
    r.batch = batch;
    const Spread s = spread(layout, batch);
    const Footprint f = footprint(m, schedule);
    r.memory = servingMemoryPerChip(m, layout, s.perReplica, f.kvTokens,
                                    std::min(kMaxPassTokens, s.microBatch * f.passTokens));
    r.fits = fitsInMemory(m, r.memory);
    const double out = m.outputTokens;
    // A full pipeline of micro-batches: each stage works on every micro-batch once per step.
    const double fill = (layout.pp + s.microBatches - 1) / double(layout.pp);

    switch (schedule) {
    case Schedule::continuous: {
        // A request ends after out / perStep steps, so each step carries that share of the
        // prompts that replace the finished ones.
        const double perStep = m.tokensPerStep();
        PassTokens pass = decodePass(m, s.microBatch);
        pass.prefill = s.microBatch * m.inputTokens * perStep / out;
        pass.prefillContext = m.inputTokens / 2;
        const units::Seconds step = stepTime(m, layout, pass);
        const units::Seconds ownPrompt = pipelinePassTime(m, layout, prefillPass(m, 1));
        r.tpot = step / perStep;
        // Wait for the running step to end (half a step on average), then the step that
        // carries the prompt, at least as long as the prompt alone.
        r.ttft = 0.5 * step + std::max(step, ownPrompt);
        r.latency = r.ttft + std::max(0.0, out - 1) * r.tpot;
        r.tokensPerSecond = s.replicas * s.perReplica * perStep / step.value();
        r.samplesPerSecond = r.tokensPerSecond / out;
        break;
    }
    case Schedule::staticBatch: {
        r.ttft = fill * pipelinePassTime(m, layout, prefillPass(m, s.microBatch));
        r.tpot = stepTime(m, layout, decodePass(m, s.microBatch)) / m.tokensPerStep();
        r.latency = r.ttft + std::max(0.0, out - 1) * r.tpot;
        r.samplesPerSecond = s.replicas * s.perReplica / r.latency.value();
        r.tokensPerSecond = r.samplesPerSecond * out;
        break;
    }
    case Schedule::prefillOnly: {
        // Batches follow each other through the pipeline; one batch waits for its fill.
        const units::Seconds step = pipelinePassTime(m, layout, prefillPass(m, s.microBatch));
        r.ttft = fill * step;
        r.latency = r.ttft;
        r.samplesPerSecond = s.replicas * s.perReplica / step.value();
        r.tokensPerSecond = answersWithoutTokens ? 0 : r.samplesPerSecond * m.inputTokens;
        break;
    }
    case Schedule::decodeOnly: {
        r.tpot = stepTime(m, layout, decodePass(m, s.microBatch)) / m.tokensPerStep();
        r.latency = std::max(1.0, out) * r.tpot;
        r.tokensPerSecond = s.replicas * s.perReplica / r.tpot.value();
        r.samplesPerSecond = r.tokensPerSecond / std::max(1.0, out);
        break;
    }
    }
    return r;
}

int largestBatch(const ServingModel &m, const ReplicaLayout &layout, Schedule schedule) {
    if (m.outputTokens <= 0)
        schedule = Schedule::prefillOnly;
    const Footprint f = footprint(m, schedule);
    // Activations are sized for a full pass; the KV cache grows with every sequence.
    const double passPerRequest = f.passTokens / layout.pp;
    const int perReplica =
        largestBatchPerReplica(m, layout, f.kvTokens, passPerRequest, kMaxPassTokens);
    return saturatingProduct(perReplica, layout.replicas);
}

int maxRequestsPerReplica(const ServingModel &m) {
    return std::max(1, maxSequencesPerReplica(*m.chip) / std::max(1, m.beams));
}

} // namespace accelplan
