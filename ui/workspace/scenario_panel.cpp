// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/scenario_panel.h"

#include "hardware/serving_runtime.h"
#include "inference/decoding.h"
#include "inference/serving_model.h"
#include "support/shown_currency.h"
#include "support/text.h"
#include "support/wheel_scrolls_form.h"
#include "units/quantities.h"
#include "workload/counts.h"
#include "workload/presets.h"
#include "workspace/field_help.h"
#include "workspace/plan_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <array>
#include <cmath>
#include <optional>

namespace accelplan::ui {

namespace {

const QString kCustomTransformer = QStringLiteral("custom-transformer");
const QString kCustomGeneric = QStringLiteral("custom-generic");

// The model the custom forms start from when the scenario has none of that kind.
constexpr char kStartTransformer[] = "llama-3.1-8b";
constexpr char kStartGeneric[] = "resnet-50";

constexpr std::array kTrainingPrecisions{Precision::fp32, Precision::tf32, Precision::bf16,
                                         Precision::fp16, Precision::fp8,  Precision::int8,
                                         Precision::fp4};
constexpr std::array kInferencePrecisions{Precision::bf16, Precision::fp16, Precision::fp8,
                                          Precision::int8, Precision::fp4,  Precision::int4};
constexpr std::array kModes{InferenceMode::offline, InferenceMode::latency, InferenceMode::server};
constexpr std::array kPhases{InferencePhase::both, InferencePhase::prefill, InferencePhase::decode};
constexpr std::array kMethods{TrainingMethod::full, TrainingMethod::lora};
constexpr std::array kOptimizers{Optimizer::adamw, Optimizer::sgd};
constexpr std::array kRecomputes{Recompute::automatic, Recompute::none, Recompute::selective,
                                 Recompute::full};
constexpr std::array kPricings{Pricing::onDemand, Pricing::spot, Pricing::reserved1y,
                               Pricing::reserved3y, Pricing::owned};

constexpr double kBillion = 1e9;
constexpr double kMillion = 1e6;
constexpr double kGiga = 1e9;
constexpr double kMega = 1e6;
constexpr double kMilli = 1e-3;
constexpr double kSecondsPerYear = 365.25 * 86400; // the calendar year the units read

template <class E, std::size_t N>
void fillChoices(QComboBox *combo, const std::array<E, N> &values) {
    for (E v : values)
        combo->addItem(qs(toString(v)), static_cast<int>(v));
}

template <class E> void select(QComboBox *combo, E value) {
    combo->setCurrentIndex(combo->findData(static_cast<int>(value)));
}

template <class E> E chosen(const QComboBox *combo) {
    return static_cast<E>(combo->currentData().toInt());
}

// A choice that may be left to its default: the first item, `defaultText`, stands for none.
constexpr int kNoChoice = -1;
template <class E, std::size_t N>
void fillOptionalChoices(QComboBox *combo, const QString &defaultText,
                         const std::array<E, N> &values) {
    combo->addItem(defaultText, kNoChoice);
    fillChoices(combo, values);
}

template <class E> void selectOptional(QComboBox *combo, std::optional<E> value) {
    combo->setCurrentIndex(combo->findData(value ? static_cast<int>(*value) : kNoChoice));
}

template <class E> std::optional<E> chosenOptional(const QComboBox *combo) {
    const int v = combo->currentData().toInt();
    return v == kNoChoice ? std::nullopt : std::optional(static_cast<E>(v));
}

// Field numbers: consecutive edits of one field merge into one undo step.
enum TrainingField {
    tTokens = 1,
    tSamples,
    tEpochs,
    tSeqLen,
    tBatch,
    tPrecision,
    tMethod,
    tRank,
    tOptimizer,
    tRecompute
};
enum InferenceField {
    iPrecision = 1,
    iKv,
    iInput,
    iOutput,
    iMode,
    iBatch,
    iTtft,
    iTpot,
    iRate,
    iPhase,
    iLatency,
    iRuntime,
    iDrafts,
    iAcceptance,
    iMath
};
enum CostField { cPricing = 1, cElectricity, cPue, cGrid, cYears };
enum ShapeField {
    sLayers = 1,
    sHidden,
    sHeads,
    sKvHeads,
    sFfn,
    sVocab,
    sExperts,
    sPerToken,
    sGated,
    sParams,
    sFlops,
    sActivations
};

} // namespace

ScenarioPanel::ScenarioPanel(ScenarioDocument *document, QWidget *parent)
    : FormPanel(parent), document_(document) {
    setObjectName(QStringLiteral("scenarioPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildWorkload());
    layout->addWidget(buildTraining());
    layout->addWidget(buildInference());
    layout->addWidget(buildCosts());
    plan_ = new PlanPanel(document_, this);
    layout->addWidget(plan_);
    layout->addStretch(1);
    connect(document_, &ScenarioDocument::scenarioChanged, this, &ScenarioPanel::refresh);
    refresh();
    applyFieldHelp(this);
    wheelScrollsForm(this);
}

QWidget *ScenarioPanel::buildWorkload() {
    auto *box = new QGroupBox(tr("Workload"), this);
    auto *form = new QFormLayout(box);
    name_ = new QLineEdit(box);
    name_->setObjectName(QStringLiteral("scenarioName"));
    connect(name_, &QLineEdit::editingFinished, this, [this] {
        if (!loading_)
            document_->setName(name_->text().toStdString());
    });
    form->addRow(tr("Name"), name_);

    model_ = choiceField(QStringLiteral("modelCombo"), [this] { chooseModel(); });
    for (std::string_view id : presetIds()) {
        const auto preset = findPreset(id);
        model_->addItem(preset ? qs(preset->displayName) : qs(id), qs(id));
    }
    model_->insertSeparator(model_->count());
    model_->addItem(tr("Custom transformer…"), kCustomTransformer);
    model_->addItem(tr("Custom network…"), kCustomGeneric);
    model_->setMaxVisibleItems(20);
    form->addRow(tr("Model"), model_);
    modelSummary_ = new QLabel(box);
    modelSummary_->setObjectName(QStringLiteral("modelSummary"));
    modelSummary_->setWordWrap(true);
    form->addRow(QString(), modelSummary_);

    transformerForm_ = new QWidget(box);
    auto *t = new QFormLayout(transformerForm_);
    t->setContentsMargins(0, 0, 0, 0);
    const auto shape = [this](int field) { return [this, field] { commitShape(field); }; };
    layers_ = intField(1, 1000, QStringLiteral("layersSpin"), shape(sLayers));
    hidden_ = intField(1, 1 << 20, QStringLiteral("hiddenSpin"), shape(sHidden));
    heads_ = intField(1, 4096, QStringLiteral("headsSpin"), shape(sHeads));
    kvHeads_ = intField(1, 4096, QStringLiteral("kvHeadsSpin"), shape(sKvHeads));
    ffnHidden_ = intField(1, 1 << 22, QStringLiteral("ffnHiddenSpin"), shape(sFfn));
    vocab_ = intField(1, 1 << 24, QStringLiteral("vocabSpin"), shape(sVocab));
    experts_ = intField(0, 4096, QStringLiteral("expertsSpin"), shape(sExperts));
    experts_->setSpecialValueText(tr("dense"));
    expertsPerToken_ = intField(0, 4096, QStringLiteral("expertsPerTokenSpin"), shape(sPerToken));
    gatedFfn_ = new QCheckBox(tr("Gated FFN (SwiGLU)"), transformerForm_);
    gatedFfn_->setObjectName(QStringLiteral("gatedFfnCheck"));
    connect(gatedFfn_, &QCheckBox::toggled, this, [this] {
        if (!loading_)
            commitShape(sGated);
    });
    t->addRow(tr("Layers"), layers_);
    t->addRow(tr("Hidden size"), hidden_);
    t->addRow(tr("Attention heads"), heads_);
    t->addRow(tr("KV heads"), kvHeads_);
    t->addRow(tr("FFN hidden"), ffnHidden_);
    t->addRow(tr("Vocabulary"), vocab_);
    t->addRow(tr("Experts"), experts_);
    t->addRow(tr("Experts per token"), expertsPerToken_);
    t->addRow(QString(), gatedFfn_);
    form->addRow(transformerForm_);

    genericForm_ = new QWidget(box);
    auto *g = new QFormLayout(genericForm_);
    g->setContentsMargins(0, 0, 0, 0);
    params_ = quantityField(0.001, 1e7, 3, tr(" M"),
                            countUnits(1e6, {"params", "parameters"}, QStringLiteral("70 B")),
                            QStringLiteral("paramsSpin"), shape(sParams));
    forwardFlops_ =
        quantityField(0.001, 1e9, 3, tr(" GFLOP"),
                      measureUnits(units::Measure::Compute, 1e9, QStringLiteral("1.2 TFLOP")),
                      QStringLiteral("forwardFlopsSpin"), shape(sFlops));
    activationBytes_ =
        quantityField(0, 1e9, 1, tr(" MB"),
                      measureUnits(units::Measure::Information, 1e6, QStringLiteral("2 GB")),
                      QStringLiteral("activationBytesSpin"), shape(sActivations));
    g->addRow(tr("Parameters"), params_);
    g->addRow(tr("Forward per sample"), forwardFlops_);
    g->addRow(tr("Activations per sample"), activationBytes_);
    form->addRow(genericForm_);
    return box;
}

QWidget *ScenarioPanel::buildTraining() {
    training_ = new QGroupBox(tr("Training"), this);
    training_->setObjectName(QStringLiteral("trainingGroup"));
    training_->setCheckable(true);
    connect(training_, &QGroupBox::toggled, this, [this] {
        if (!loading_)
            commitTraining(0);
    });
    auto *form = new QFormLayout(training_);
    const auto commit = [this](int field) { return [this, field] { commitTraining(field); }; };
    tokens_ = quantityField(0.001, 1e6, 3, tr(" B tokens"),
                            countUnits(1e9, {"tokens"}, QStringLiteral("500 M tokens")),
                            QStringLiteral("tokensSpin"), commit(tTokens));
    samples_ = quantityField(0.001, 1e6, 3, tr(" M samples"),
                             countUnits(1e6, {"samples"}, QStringLiteral("1.2 B samples")),
                             QStringLiteral("samplesSpin"), commit(tSamples));
    epochs_ = realField(0.01, 1000, 2, QString(), QStringLiteral("epochsSpin"), commit(tEpochs));
    seqLen_ = intField(1, 1 << 21, QStringLiteral("seqLenSpin"), commit(tSeqLen));
    globalBatch_ = intField(1, 1 << 24, QStringLiteral("globalBatchSpin"), commit(tBatch));
    trainPrecision_ = choiceField(QStringLiteral("trainPrecisionCombo"), commit(tPrecision));
    fillChoices(trainPrecision_, kTrainingPrecisions);
    method_ = choiceField(QStringLiteral("methodCombo"), commit(tMethod));
    fillChoices(method_, kMethods);
    loraRank_ = intField(1, 65536, QStringLiteral("loraRankSpin"), commit(tRank));
    optimizer_ = choiceField(QStringLiteral("optimizerCombo"), commit(tOptimizer));
    fillChoices(optimizer_, kOptimizers);
    recompute_ = choiceField(QStringLiteral("recomputeCombo"), commit(tRecompute));
    fillChoices(recompute_, kRecomputes);
    form->addRow(tr("Tokens"), tokens_);
    form->addRow(tr("Samples"), samples_);
    trainingForm_ = form;
    form->addRow(tr("Epochs"), epochs_);
    form->addRow(tr("Sequence length"), seqLen_);
    form->addRow(tr("Global batch"), globalBatch_);
    form->addRow(tr("Precision"), trainPrecision_);
    form->addRow(tr("Method"), method_);
    form->addRow(tr("LoRA rank"), loraRank_);
    form->addRow(tr("Optimizer"), optimizer_);
    form->addRow(tr("Recompute"), recompute_);
    return training_;
}

QWidget *ScenarioPanel::buildInference() {
    inference_ = new QGroupBox(tr("Inference"), this);
    inference_->setObjectName(QStringLiteral("inferenceGroup"));
    inference_->setCheckable(true);
    connect(inference_, &QGroupBox::toggled, this, [this] {
        if (!loading_)
            commitInference(0);
    });
    auto *form = new QFormLayout(inference_);
    const auto commit = [this](int field) { return [this, field] { commitInference(field); }; };
    inferPrecision_ = choiceField(QStringLiteral("inferPrecisionCombo"), commit(iPrecision));
    fillChoices(inferPrecision_, kInferencePrecisions);
    kvPrecision_ = choiceField(QStringLiteral("kvPrecisionCombo"), commit(iKv));
    fillOptionalChoices(kvPrecision_, tr("as weights"), kInferencePrecisions);
    mathPrecision_ = choiceField(QStringLiteral("mathPrecisionCombo"), commit(iMath));
    fillOptionalChoices(mathPrecision_, tr("as weights"), kInferencePrecisions);
    inputTokens_ = intField(1, 1 << 22, QStringLiteral("inputTokensSpin"), commit(iInput));
    outputTokens_ = intField(0, 1 << 20, QStringLiteral("outputTokensSpin"), commit(iOutput));
    mode_ = choiceField(QStringLiteral("modeCombo"), commit(iMode));
    fillChoices(mode_, kModes);
    batch_ = intField(0, 1 << 24, QStringLiteral("batchSpin"), commit(iBatch));
    batch_->setSpecialValueText(tr("auto"));
    ttftSlo_ = durationField(3600, 3, 1, tr(" s"), QStringLiteral("ttftSloSpin"), commit(iTtft));
    tpotSlo_ =
        durationField(10000, 1, kMilli, tr(" ms"), QStringLiteral("tpotSloSpin"), commit(iTpot));
    latencySlo_ = durationField(3600 / kMilli, 1, kMilli, tr(" ms"),
                                QStringLiteral("latencySloSpin"), commit(iLatency));
    requestRate_ =
        quantityField(0, 1e9, 2, tr(" req/s"),
                      countUnits(1, {"req/s", "requests/s", "/s", "rps", "requests per second"},
                                 QStringLiteral("1.2 k req/s")),
                      QStringLiteral("requestRateSpin"), commit(iRate));
    requestRate_->setSpecialValueText(tr("as many as fit"));
    phase_ = choiceField(QStringLiteral("phaseCombo"), commit(iPhase));
    fillChoices(phase_, kPhases);
    drafts_ = intField(0, kMaxDraftTokens, QStringLiteral("draftTokensSpin"), commit(iDrafts));
    drafts_->setSpecialValueText(tr("off"));
    acceptance_ =
        realField(0, 100, 0, tr(" %"), QStringLiteral("draftAcceptanceSpin"), commit(iAcceptance));
    runtime_ = choiceField(QStringLiteral("runtimeCombo"), commit(iRuntime));
    runtime_->addItem(tr("usual for each chip"), QString());
    for (const ServingRuntimeInfo &r : servingRuntimes())
        runtime_->addItem(qs(r.name), qs(r.id));
    form->addRow(tr("Precision"), inferPrecision_);
    form->addRow(tr("Math"), mathPrecision_);
    form->addRow(tr("KV cache"), kvPrecision_);
    form->addRow(tr("Input tokens"), inputTokens_);
    form->addRow(tr("Output tokens"), outputTokens_);
    form->addRow(tr("Mode"), mode_);
    form->addRow(tr("Batch"), batch_);
    form->addRow(tr("TTFT target"), ttftSlo_);
    form->addRow(tr("TPOT target"), tpotSlo_);
    form->addRow(tr("Latency target"), latencySlo_);
    form->addRow(tr("Request rate"), requestRate_);
    form->addRow(tr("Phase"), phase_);
    form->addRow(tr("Runtime"), runtime_);
    form->addRow(tr("Speculative drafts"), drafts_);
    form->addRow(tr("Draft acceptance"), acceptance_);
    return inference_;
}

QWidget *ScenarioPanel::buildCosts() {
    auto *box = new QGroupBox(tr("Costs"), this);
    auto *form = new QFormLayout(box);
    const auto commit = [this](int field) { return [this, field] { commitCosts(field); }; };
    pricing_ = choiceField(QStringLiteral("pricingCombo"), commit(cPricing));
    fillChoices(pricing_, kPricings);
    electricity_ = quantityField(0, 10, 3, QString(),
                                 shownMoneyUnits(units::Measure::EnergyPrice,
                                                 1.0 / units::kJoulesPerKilowattHour,
                                                 QStringLiteral("$120/MWh")),
                                 QStringLiteral("electricitySpin"), commit(cElectricity));
    pue_ = realField(1, 5, 2, QString(), QStringLiteral("pueSpin"), commit(cPue));
    grid_ = quantityField(0, 5, 3, tr(" kg/kWh"),
                          measureUnits(units::Measure::CarbonIntensity,
                                       1.0 / units::kJoulesPerKilowattHour,
                                       QStringLiteral("400 g/kWh")),
                          QStringLiteral("gridSpin"), commit(cGrid));
    amortization_ = quantityField(
        0.5, 30, 1, tr(" years"),
        measureUnits(units::Measure::Time, kSecondsPerYear, QStringLiteral("18 months")),
        QStringLiteral("amortizationSpin"), commit(cYears));
    form->addRow(tr("Pricing"), pricing_);
    form->addRow(tr("Electricity"), electricity_);
    form->addRow(tr("PUE"), pue_);
    form->addRow(tr("Grid CO₂"), grid_);
    form->addRow(tr("Amortization"), amortization_);
    return box;
}

void ScenarioPanel::chooseModel() {
    const QString id = model_->currentData().toString();
    const Workload &current = document_->scenario().workload;
    if (id == kCustomTransformer) {
        Workload w = current.isTransformer() ? current : *findPreset(kStartTransformer);
        w.presetId.clear();
        w.displayName = tr("Custom transformer").toStdString();
        document_->setWorkload(w);
    } else if (id == kCustomGeneric) {
        Workload w = current.isTransformer() ? *findPreset(kStartGeneric) : current;
        w.presetId.clear();
        w.displayName = tr("Custom network").toStdString();
        document_->setWorkload(w);
    } else if (auto preset = findPreset(id.toStdString())) {
        document_->setWorkload(*preset);
    }
}

void ScenarioPanel::commitShape(int field) {
    Workload w = document_->scenario().workload;
    if (auto *t = std::get_if<TransformerShape>(&w.shape)) {
        t->layers = layers_->value();
        t->hidden = hidden_->value();
        t->heads = heads_->value();
        t->kvHeads = kvHeads_->value();
        t->ffnHidden = ffnHidden_->value();
        t->vocab = vocab_->value();
        t->experts = experts_->value();
        t->expertsPerToken = t->experts > 0 ? std::max(1, expertsPerToken_->value()) : 0;
        if (t->experts > 0 && t->moeFfnHidden == 0)
            t->moeFfnHidden = t->ffnHidden;
        t->gatedFfn = gatedFfn_->isChecked();
    } else if (auto *g = std::get_if<GenericShape>(&w.shape)) {
        g->params = params_->value() * kMillion;
        g->forwardFlopsPerSample = units::flops(forwardFlops_->value() * kGiga);
        g->activationBytesPerSample = units::bytes(activationBytes_->value() * kMega);
    }
    // An edited preset is a custom model of that shape.
    if (!w.presetId.empty() && findPreset(w.presetId) != w) {
        w.presetId.clear();
        w.displayName = w.isTransformer() ? tr("Custom transformer").toStdString()
                                          : tr("Custom network").toStdString();
    }
    document_->setWorkload(w, field);
}

void ScenarioPanel::commitTraining(int field) {
    if (!training_->isChecked()) {
        document_->setTraining(std::nullopt);
        return;
    }
    TrainingSettings t = document_->scenario().training.value_or(TrainingSettings{});
    if (document_->scenario().training) {
        if (document_->scenario().workload.isTransformer())
            t.tokens = tokens_->value() * kBillion;
        else
            t.samples = samples_->value() * kMillion;
        t.epochs = epochs_->value();
        t.seqLen = seqLen_->value();
        t.globalBatch = globalBatch_->value();
        t.precision = chosen<Precision>(trainPrecision_);
        t.method = chosen<TrainingMethod>(method_);
        t.loraRank = loraRank_->value();
        t.optimizer = chosen<Optimizer>(optimizer_);
        t.recompute = chosen<Recompute>(recompute_);
    }
    document_->setTraining(t, field);
}

void ScenarioPanel::commitInference(int field) {
    if (!inference_->isChecked()) {
        document_->setInference(std::nullopt);
        return;
    }
    InferenceSettings i = document_->scenario().inference.value_or(InferenceSettings{});
    if (document_->scenario().inference) {
        i.precision = chosen<Precision>(inferPrecision_);
        i.kvPrecision = chosenOptional<Precision>(kvPrecision_);
        i.computePrecision = chosenOptional<Precision>(mathPrecision_);
        i.inputTokens = inputTokens_->value();
        i.outputTokens = outputTokens_->value();
        i.mode = chosen<InferenceMode>(mode_);
        i.batch = batch_->value() > 0 ? std::optional(batch_->value()) : std::nullopt;
        i.slo.ttft =
            ttftSlo_->value() > 0 ? std::optional(units::seconds(ttftSlo_->value())) : std::nullopt;
        i.slo.tpot = tpotSlo_->value() > 0
                         ? std::optional(units::seconds(tpotSlo_->value() * kMilli))
                         : std::nullopt;
        i.slo.latency = latencySlo_->value() > 0
                            ? std::optional(units::seconds(latencySlo_->value() * kMilli))
                            : std::nullopt;
        i.requestsPerSecond =
            requestRate_->value() > 0 ? std::optional(requestRate_->value()) : std::nullopt;
        i.phase = chosen<InferencePhase>(phase_);
        const QString runtime = runtime_->currentData().toString();
        i.runtime = runtime.isEmpty() ? std::nullopt : std::optional(runtime.toStdString());
        // Speculative decoding is on while there are drafts; turning it on starts from the
        // acceptance shown (70 % for a new scenario).
        i.speculative =
            drafts_->value() > 0
                ? std::optional(Speculative{drafts_->value(), acceptance_->value() / 100})
                : std::nullopt;
    }
    document_->setInference(i, field);
}

void ScenarioPanel::commitCosts(int field) {
    Costs c = document_->scenario().costs;
    c.pricing = chosen<Pricing>(pricing_);
    // In the shown currency; converted only when typed (see PlanPanel::commitGoal).
    if (field == cElectricity)
        c.electricity =
            units::dollarsPerKilowattHour(electricity_->value() / units::shownCurrency().perUsd);
    c.pue = pue_->value();
    c.gridIntensity = units::kilogramsPerKilowattHour(grid_->value());
    c.amortizationYears = amortization_->value();
    document_->setCosts(c, field);
}

void ScenarioPanel::refreshWorkload() {
    const Workload &w = document_->scenario().workload;
    const bool isPreset = !w.presetId.empty() && findPreset(w.presetId) == w;
    const QString id =
        isPreset ? qs(w.presetId) : (w.isTransformer() ? kCustomTransformer : kCustomGeneric);
    model_->setCurrentIndex(model_->findData(id));
    transformerForm_->setVisible(!isPreset && w.isTransformer());
    genericForm_->setVisible(!isPreset && !w.isTransformer());
    QString summary =
        tr("%1 parameters").arg(formattedNumber(parameterCount(w) / kBillion, 3) + tr(" B"));
    if (const TransformerShape *t = w.transformer()) {
        layers_->setValue(t->layers);
        hidden_->setValue(t->hidden);
        heads_->setValue(t->heads);
        kvHeads_->setValue(t->kvHeads);
        ffnHidden_->setValue(t->ffnHidden);
        vocab_->setValue(t->vocab);
        experts_->setValue(t->experts);
        expertsPerToken_->setValue(t->expertsPerToken);
        expertsPerToken_->setEnabled(t->experts > 0);
        gatedFfn_->setChecked(t->gatedFfn);
        if (t->experts > 0)
            summary +=
                tr(", %1 B active").arg(formattedNumber(activeParameterCount(w) / kBillion, 3));
        summary += tr(", %1 layers, hidden %2").arg(t->layers).arg(t->hidden);
        if (t->hidden % t->heads != 0 && t->headDim == 0)
            summary += tr(" — heads must divide the hidden size");
        else if (t->heads % t->kvHeads != 0)
            summary += tr(" — KV heads must divide the heads");
    } else if (const GenericShape *g = w.generic()) {
        params_->setValue(g->params / kMillion);
        forwardFlops_->setValue(g->forwardFlopsPerSample.value() / kGiga);
        activationBytes_->setValue(g->activationBytesPerSample.value() / kMega);
        summary =
            tr("%1 M parameters, %2 per sample")
                .arg(formattedNumber(g->params / kMillion, 3), formatted(g->forwardFlopsPerSample));
    }
    modelSummary_->setText(summary);
}

void ScenarioPanel::refresh() {
    loading_ = true;
    const Scenario &s = document_->scenario();
    if (!name_->hasFocus())
        name_->setText(qs(s.name));
    refreshWorkload();

    training_->setChecked(bool(s.training));
    const TrainingSettings t = s.training.value_or(TrainingSettings{});
    const bool transformer = s.workload.isTransformer();
    tokens_->setEnabled(transformer);
    samples_->setEnabled(!transformer);
    trainingForm_->setRowVisible(tokens_, transformer);
    trainingForm_->setRowVisible(samples_, !transformer);
    trainingForm_->setRowVisible(seqLen_, transformer);
    // Without training: what ticking it would start from (the document's defaults).
    tokens_->setValue(t.tokens.value_or(1e10) / kBillion);
    samples_->setValue(t.samples.value_or(1.28e6) / kMillion);
    epochs_->setValue(t.epochs);
    seqLen_->setValue(t.seqLen);
    globalBatch_->setValue(t.globalBatch);
    select(trainPrecision_, t.precision);
    select(method_, t.method);
    loraRank_->setValue(t.loraRank);
    loraRank_->setEnabled(t.method == TrainingMethod::lora);
    select(optimizer_, t.optimizer);
    select(recompute_, t.recompute);

    inference_->setChecked(bool(s.inference));
    const InferenceSettings i = s.inference.value_or(InferenceSettings{});
    select(inferPrecision_, i.precision);
    selectOptional(kvPrecision_, i.kvPrecision);
    selectOptional(mathPrecision_, i.computePrecision);
    inputTokens_->setValue(i.inputTokens);
    outputTokens_->setValue(i.outputTokens);
    // The inputs follow the model: tokens and their targets for what generates text (a speech
    // model writes text too), a request's whole latency for everything.
    const TransformerShape *shape = s.workload.transformer();
    const GenericShape *generic = s.workload.generic();
    const bool speech = generic && generic->speech;
    const bool generates = (shape && !shape->encoderOnly) || speech;
    outputTokens_->setEnabled(generates);
    inputTokens_->setEnabled(shape != nullptr);
    kvPrecision_->setEnabled(generates);
    ttftSlo_->setEnabled(generates);
    tpotSlo_->setEnabled(generates);
    select(mode_, i.mode);
    batch_->setValue(i.batch.value_or(0));
    ttftSlo_->setValue(i.slo.ttft ? i.slo.ttft->value() : 0);
    tpotSlo_->setValue(i.slo.tpot ? i.slo.tpot->value() / kMilli : 0);
    latencySlo_->setValue(i.slo.latency ? i.slo.latency->value() / kMilli : 0);
    requestRate_->setValue(i.requestsPerSecond.value_or(0));
    requestRate_->setEnabled(i.mode == InferenceMode::server);
    select(phase_, i.phase);
    runtime_->setCurrentIndex(runtime_->findData(i.runtime ? qs(*i.runtime) : QString()));
    runtime_->setEnabled(hasServingRuntime(s.workload));
    const bool speculates = generatesTokens(s.workload);
    drafts_->setValue(i.speculative ? i.speculative->draftTokens : 0);
    acceptance_->setValue(100 * i.speculative.value_or(Speculative{}).acceptance);
    drafts_->setEnabled(speculates);
    acceptance_->setEnabled(speculates && i.speculative);

    select(pricing_, s.costs.pricing);
    electricity_->setSuffix(tr(" %1/kWh").arg(shownCurrencySign()));
    electricity_->setValue(s.costs.electricity.value() * units::kJoulesPerKilowattHour *
                           units::shownCurrency().perUsd);
    pue_->setValue(s.costs.pue);
    grid_->setValue(s.costs.gridIntensity.value() * units::kJoulesPerKilowattHour);
    amortization_->setValue(s.costs.amortizationYears);
    loading_ = false;
}

} // namespace accelplan::ui
