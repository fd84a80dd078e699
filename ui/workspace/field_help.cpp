// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/field_help.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QWidget>

#include <utility>

namespace accelplan::ui {
namespace {

struct Help {
    const char *name; // the input's objectName; "ecosystemCheck%" matches a numbered family
    const char *text;
};

// Grouped as the forms are: workload, training, inference, costs, goal, constraints, growth.
constexpr Help kHelp[] = {
    {"scenarioName", "The scenario's name: the title of its reports and the file name offered"},
    {"modelCombo", "The model to train or serve: a preset with its published shape, or a custom "
                   "transformer or network"},
    {"layersSpin", "Transformer blocks"},
    {"hiddenSpin", "Width of the residual stream (the model dimension)"},
    {"headsSpin", "Attention heads per layer"},
    {"kvHeadsSpin", "Key-value heads: fewer than the attention heads is grouped-query attention, "
                    "which shrinks the KV cache"},
    {"ffnHiddenSpin", "Width of the feed-forward layer"},
    {"vocabSpin", "Tokens in the vocabulary (the embedding and output layers)"},
    {"expertsSpin", "Experts per layer of a mixture of experts; dense: none"},
    {"expertsPerTokenSpin", "Experts each token is routed to"},
    {"gatedFfnCheck", "A gated feed-forward layer (SwiGLU) has three weight matrices, not two"},
    {"paramsSpin", "The network's parameters"},
    {"forwardFlopsSpin", "Work of one forward pass for one sample"},
    {"activationBytesSpin", "Activations one sample keeps for the backward pass"},

    {"trainingGroup", "Tick to evaluate training: the time and cost of the run"},
    {"tokensSpin", "Tokens the run trains on (all epochs)"},
    {"samplesSpin", "Samples per epoch, for a network that is not a transformer"},
    {"epochsSpin", "Passes over the samples"},
    {"seqLenSpin", "Tokens per training sequence"},
    {"globalBatchSpin", "Sequences (or samples) per optimizer step, over all chips"},
    {"trainPrecisionCombo", "Number format of the matrix multiplications; a chip without native "
                            "support is not credited with it"},
    {"methodCombo", "Full fine-tuning or pre-training updates every weight; LoRA trains small "
                    "adapters of the rank below"},
    {"loraRankSpin", "Rank of the LoRA adapters"},
    {"optimizerCombo",
     "What the optimizer keeps per parameter: AdamW two moments, SGD one or none"},
    {"recomputeCombo", "Activation recomputation: trades compute for memory; auto uses it when "
                       "memory needs it"},

    {"inferenceGroup", "Tick to evaluate serving: latency, throughput and cost"},
    {"inferPrecisionCombo", "Number format of the weights when serving"},
    {"mathPrecisionCombo", "Number format of the matrix math when wider than the weights' "
                           "(weight-only quantization: int4 weights multiplied in bf16)"},
    {"kvPrecisionCombo", "Number format of the KV cache"},
    {"inputTokensSpin", "Prompt tokens per request"},
    {"outputTokensSpin", "Generated tokens per request"},
    {"modeCombo", "Offline: the most throughput within the targets; latency: one request at a "
                  "time; server: requests arriving at the rate below"},
    {"batchSpin", "Requests served together; auto: the largest batch within the targets"},
    {"ttftSloSpin", "Target time to the first token, at the 99th percentile; none: no target"},
    {"tpotSloSpin", "Target time per output token after the first; none: no target"},
    {"latencySloSpin", "Target time for a whole request; none: no target"},
    {"requestRateSpin", "Requests per second the fleet must carry within the targets (server "
                        "mode)"},
    {"phaseCombo", "Which part of serving the numbers describe: the whole request, or prefill or "
                   "decode alone"},
    {"draftTokensSpin", "Speculative decoding or multi-token prediction: tokens a draft proposes "
                        "each step, checked by the model in one pass (off: plain decoding)"},
    {"draftAcceptanceSpin", "The chance the model keeps each drafted token; a step gains "
                            "1 + a + a² + … tokens"},
    {"runtimeCombo", "The serving software: its scheduler's cost per step and how it keeps beam "
                     "search's caches. Usual: TensorRT-LLM on NVIDIA, vLLM on AMD and Gaudi, "
                     "JetStream on TPU, MindIE on Ascend, llama.cpp on CPUs and Apple"},

    {"pricingCombo", "Rented on demand, spot or reserved for 1 or 3 years, or owned (bought and "
                     "amortised, plus electricity)"},
    {"electricitySpin", "Price of electricity"},
    {"pueSpin", "Power usage effectiveness: the data centre's draw per watt the chips draw"},
    {"gridSpin", "Grid carbon intensity: CO₂ per kWh drawn"},
    {"amortizationSpin", "Years over which owned hardware is paid off"},

    {"goalGroup", "What the recommendation optimises; without a goal, the cheapest"},
    {"objectiveCombo", "Cheapest, fastest, cheapest within a deadline, lowest latency within a "
                       "budget, or lowest energy"},
    {"focusCombo", "Judge the candidates by training or by serving, when the scenario does both"},
    {"deadlineSpin", "The latest acceptable time: of the training run, or of a request"},
    {"budgetSpin", "The most to spend: a training run, or a month of serving"},
    {"constraintsGroup", "Limits every candidate must meet; one outside them stays in the table, "
                         "greyed, with the reason"},
    {"providersEdit", "Cloud providers you may rent from, separated by commas; empty: any"},
    {"onPremisesCheck", "Only hardware you buy and run yourself"},
    {"regionsEdit", "Jurisdictions the offerings may be rented in, separated by commas; empty: "
                    "any"},
    {"ecosystemCheck%", "Software ecosystems your team works in; none ticked: any"},
    {"frameworkCheck%", "Frameworks your models are written in; none ticked: any"},

    {"growthGroup", "Demand growing month by month: the fleet each month and what it costs"},
    {"demandUnitCombo", "Whether demand is counted in tokens or in requests"},
    {"growthStartSpin", "Demand in the first month"},
    {"growthEndSpin", "Demand in the last month"},
    {"growthMonthsSpin", "Months the plan covers"},
    {"growthCurveCombo", "How demand grows between the first and last month"},
    {"peakFactorSpin", "The busiest hour's demand over the day's average: the fleet is sized for "
                       "the peak"},
    {"maxChipsSpin", "The most chips the plan may use; 0: no limit"},
};

QString translated(const char *text) { return QCoreApplication::translate("FieldHelp", text); }

} // namespace

QString fieldHelp(const QString &objectName) {
    for (const Help &h : kHelp) {
        const QLatin1String name(h.name);
        if (name.endsWith(QLatin1Char('%'))) {
            const QLatin1String stem(h.name, name.size() - 1);
            static const QRegularExpression digits(QStringLiteral("^\\d+$"));
            if (objectName.startsWith(stem) && digits.match(objectName.mid(stem.size())).hasMatch())
                return translated(h.text);
        } else if (objectName == name) {
            return translated(h.text);
        }
    }
    return {};
}

void applyFieldHelp(QWidget *root) {
    for (QWidget *w : root->findChildren<QWidget *>()) {
        const QString help = fieldHelp(w->objectName());
        if (help.isEmpty())
            continue;
        const QString own = w->toolTip();
        w->setToolTip(own.isEmpty() || own.startsWith(help) ? help
                                                            : help + QStringLiteral(".\n") + own);
    }
}

} // namespace accelplan::ui
