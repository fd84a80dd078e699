// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/plan_panel.h"

#include "plan/recommend.h"
#include "support/shown_currency.h"
#include "support/text.h"
#include "units/parse.h"
#include "workspace/field_help.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <array>

namespace accelplan::ui {

namespace {

constexpr std::array kObjectives{Objective::cheapest, Objective::fastest,
                                 Objective::cheapestWithinDeadline,
                                 Objective::lowestLatencyWithinBudget, Objective::lowestEnergy};
constexpr std::array kEcosystems{Ecosystem::cuda, Ecosystem::rocm,   Ecosystem::xla,
                                 Ecosystem::cann, Ecosystem::neuron, Ecosystem::synapseAi};
constexpr std::array kFrameworks{Framework::pytorch, Framework::jax, Framework::tensorflow,
                                 Framework::mindspore, Framework::paddlepaddle};
constexpr std::array kUnits{DemandUnit::tokensPerDay, DemandUnit::requestsPerDay};
constexpr std::array kCurves{GrowthCurve::linear, GrowthCurve::exponential, GrowthCurve::sCurve};
constexpr int kMaxMonths = 240; // what the scenario reader accepts
constexpr double kDay = 86400;

enum GoalField { gObjective = 1, gFocus, gDeadline, gBudget };
enum ConstraintField { cProviders = 1, cPremises, cEcosystems, cRegions, cFrameworks };
enum GrowthField { wUnit = 1, wStart, wEnd, wMonths, wCurve, wPeak, wMax };

// A comma-separated list as the scenario keeps it: trimmed, lower case, each once.
std::vector<std::string> listOf(const QLineEdit *edit) {
    std::vector<std::string> out;
    for (QString item : edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const std::string value = item.trimmed().toLower().toStdString();
        if (!value.empty() && std::find(out.begin(), out.end(), value) == out.end())
            out.push_back(value);
    }
    return out;
}

QString textOf(const std::vector<std::string> &items) {
    QStringList out;
    for (const std::string &item : items)
        out << qs(item);
    return out.join(QStringLiteral(", "));
}

template <class E, std::size_t N>
std::vector<E> checked(const std::vector<QCheckBox *> &boxes, const std::array<E, N> &values) {
    std::vector<E> out;
    for (std::size_t i = 0; i < N; ++i)
        if (boxes[i]->isChecked())
            out.push_back(values[i]);
    return out;
}

template <class E, std::size_t N>
void check(const std::vector<QCheckBox *> &boxes, const std::array<E, N> &values,
           const std::vector<E> &chosen) {
    for (std::size_t i = 0; i < N; ++i)
        boxes[i]->setChecked(std::find(chosen.begin(), chosen.end(), values[i]) != chosen.end());
}

template <class E, std::size_t N>
void fillChoices(QComboBox *combo, const std::array<E, N> &values) {
    for (E v : values)
        combo->addItem(qs(toString(v)), static_cast<int>(v));
}

template <class E> E chosen(const QComboBox *combo) {
    return static_cast<E>(combo->currentData().toInt());
}

} // namespace

PlanPanel::PlanPanel(ScenarioDocument *document, QWidget *parent)
    : FormPanel(parent), document_(document) {
    setObjectName(QStringLiteral("planPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildGoal());
    layout->addWidget(buildConstraints());
    layout->addWidget(buildGrowth());
    connect(document_, &ScenarioDocument::scenarioChanged, this, &PlanPanel::refresh);
    refresh();
}

QWidget *PlanPanel::buildGoal() {
    goal_ = new QGroupBox(tr("Goal"), this);
    goal_->setObjectName(QStringLiteral("goalGroup"));
    goal_->setCheckable(true);
    goal_->setToolTip(tr("Without a goal the recommendation picks the cheapest"));
    connect(goal_, &QGroupBox::toggled, this, [this] {
        if (!loading_)
            commitGoal(0);
    });
    auto *form = new QFormLayout(goal_);
    const auto commit = [this](int field) { return [this, field] { commitGoal(field); }; };
    objective_ = choiceField(QStringLiteral("objectiveCombo"), commit(gObjective));
    fillChoices(objective_, kObjectives);
    focus_ = choiceField(QStringLiteral("focusCombo"), commit(gFocus));
    focus_->addItem(tr("automatic"), -1);
    focus_->addItem(qs(toString(Focus::training)), static_cast<int>(Focus::training));
    focus_->addItem(qs(toString(Focus::inference)), static_cast<int>(Focus::inference));
    // The deadline is in days for a training run and in seconds for a request: a time typed
    // with its unit is read in whichever the field shows.
    TypedUnits deadlineUnits = measureUnits(units::Measure::Time, 1, QStringLiteral("3 weeks"));
    deadlineUnits.read = [this](const std::string &text) -> std::optional<double> {
        const units::ParseResult<double> r = units::parseMeasure(text, units::Measure::Time);
        if (!r.value)
            return std::nullopt;
        return *r.value / (trainingFocus() ? kDay : 1);
    };
    deadline_ = quantityField(0, 1e7, 3, QString(), std::move(deadlineUnits),
                              QStringLiteral("deadlineSpin"), commit(gDeadline));
    deadline_->setSpecialValueText(tr("none"));
    budget_ = quantityField(0, 1e12, 0, QString(),
                            shownMoneyUnits(units::Measure::Money, 1, QStringLiteral("$2.5M")),
                            QStringLiteral("budgetSpin"), commit(gBudget));
    budget_->setSpecialValueText(tr("none"));
    form->addRow(tr("Objective"), objective_);
    form->addRow(tr("Judge"), focus_);
    form->addRow(tr("Deadline"), deadline_);
    form->addRow(tr("Budget"), budget_);
    return goal_;
}

QWidget *PlanPanel::buildConstraints() {
    constraints_ = new QGroupBox(tr("Constraints"), this);
    constraints_->setObjectName(QStringLiteral("constraintsGroup"));
    constraints_->setCheckable(true);
    connect(constraints_, &QGroupBox::toggled, this, [this] {
        if (!loading_)
            commitConstraints(0);
    });
    auto *form = new QFormLayout(constraints_);
    providers_ = new QLineEdit(constraints_);
    providers_->setObjectName(QStringLiteral("providersEdit"));
    providers_->setPlaceholderText(tr("any (or: aws, gcp, azure)"));
    connect(providers_, &QLineEdit::editingFinished, this, [this] {
        if (!loading_)
            commitConstraints(cProviders);
    });
    onPremises_ = new QCheckBox(tr("Buy and run on premises"), constraints_);
    onPremises_->setObjectName(QStringLiteral("onPremisesCheck"));
    connect(onPremises_, &QCheckBox::toggled, this, [this] {
        if (!loading_)
            commitConstraints(cPremises);
    });
    regions_ = new QLineEdit(constraints_);
    regions_->setObjectName(QStringLiteral("regionsEdit"));
    regions_->setPlaceholderText(tr("any (or: eu, us, cn)"));
    regions_->setToolTip(tr("Jurisdictions the offerings may be rented in, as the catalog lists "
                            "them; an offering sold globally is in every one"));
    connect(regions_, &QLineEdit::editingFinished, this, [this] {
        if (!loading_)
            commitConstraints(cRegions);
    });
    const auto checkGrid = [this](auto values, const QString &name, int field,
                                  std::vector<QCheckBox *> &boxes) {
        auto *grid = new QGridLayout;
        for (std::size_t i = 0; i < values.size(); ++i) {
            auto *box = new QCheckBox(qs(toString(values[i])), constraints_);
            box->setObjectName(name.arg(i));
            connect(box, &QCheckBox::toggled, this, [this, field] {
                if (!loading_)
                    commitConstraints(field);
            });
            grid->addWidget(box, static_cast<int>(i / 2), static_cast<int>(i % 2));
            boxes.push_back(box);
        }
        return grid;
    };
    form->addRow(tr("Providers"), providers_);
    form->addRow(tr("Regions"), regions_);
    form->addRow(QString(), onPremises_);
    form->addRow(tr("Ecosystems"), checkGrid(kEcosystems, QStringLiteral("ecosystemCheck%1"),
                                             cEcosystems, ecosystems_));
    auto *frameworks =
        checkGrid(kFrameworks, QStringLiteral("frameworkCheck%1"), cFrameworks, frameworks_);
    form->addRow(tr("Frameworks"), frameworks);
    for (QCheckBox *box : frameworks_)
        box->setToolTip(tr("A chip qualifies when its software stack runs one of the checked "
                           "frameworks (PyTorch on Ascend through torch_npu, on TPU through "
                           "PyTorch/XLA, ...)"));
    return constraints_;
}

QWidget *PlanPanel::buildGrowth() {
    growth_ = new QGroupBox(tr("Growth plan"), this);
    growth_->setObjectName(QStringLiteral("growthGroup"));
    growth_->setCheckable(true);
    connect(growth_, &QGroupBox::toggled, this, [this] {
        if (!loading_)
            commitGrowth(0);
    });
    auto *form = new QFormLayout(growth_);
    const auto commit = [this](int field) { return [this, field] { commitGrowth(field); }; };
    demandUnit_ = choiceField(QStringLiteral("demandUnitCombo"), commit(wUnit));
    fillChoices(demandUnit_, kUnits);
    const auto perDay = [] {
        return countUnits(1, {"/day", "tokens/day", "requests/day", "req/day", "per day"},
                          QStringLiteral("1.5 M tokens/day"));
    };
    start_ = quantityField(0, 1e18, 0, tr(" /day"), perDay(), QStringLiteral("growthStartSpin"),
                           commit(wStart));
    end_ = quantityField(0, 1e18, 0, tr(" /day"), perDay(), QStringLiteral("growthEndSpin"),
                         commit(wEnd));
    months_ = intField(1, kMaxMonths, QStringLiteral("growthMonthsSpin"), commit(wMonths));
    curve_ = choiceField(QStringLiteral("growthCurveCombo"), commit(wCurve));
    fillChoices(curve_, kCurves);
    peakFactor_ =
        realField(1, 100, 2, tr(" × average"), QStringLiteral("peakFactorSpin"), commit(wPeak));
    maxChips_ = intField(0, kMaxChips, QStringLiteral("maxChipsSpin"), commit(wMax));
    maxChips_->setSpecialValueText(tr("no limit"));
    form->addRow(tr("Demand in"), demandUnit_);
    form->addRow(tr("First month"), start_);
    form->addRow(tr("Last month"), end_);
    form->addRow(tr("Months"), months_);
    form->addRow(tr("Curve"), curve_);
    form->addRow(tr("Peak"), peakFactor_);
    form->addRow(tr("Chip limit"), maxChips_);
    return growth_;
}

bool PlanPanel::trainingFocus() const {
    const Scenario &s = document_->scenario();
    const int chosenFocus = focus_->currentData().toInt();
    if (chosenFocus >= 0)
        return static_cast<Focus>(chosenFocus) == Focus::training;
    Scenario withoutFocus = s;
    if (withoutFocus.goal)
        withoutFocus.goal->focus.reset();
    return focusOf(withoutFocus) == Focus::training;
}

void PlanPanel::commitGoal(int field) {
    if (!goal_->isChecked()) {
        document_->setGoal(std::nullopt);
        return;
    }
    Goal g = document_->scenario().goal.value_or(Goal{});
    if (document_->scenario().goal) {
        g.objective = chosen<Objective>(objective_);
        const int f = focus_->currentData().toInt();
        g.focus = f < 0 ? std::nullopt : std::optional(static_cast<Focus>(f));
        // The field's measure follows the focus chosen now.
        const double scale = trainingFocus() ? kDay : 1;
        g.deadline = deadline_->value() > 0
                         ? std::optional(units::seconds(deadline_->value() * scale))
                         : std::nullopt;
        // In the shown currency; converted only when typed, so that another field's edit
        // does not move the budget by the field's rounding.
        if (field == gBudget)
            g.budget = budget_->value() > 0 ? std::optional(units::dollars(
                                                  budget_->value() / units::shownCurrency().perUsd))
                                            : std::nullopt;
    }
    document_->setGoal(g, field);
}

void PlanPanel::commitConstraints(int field) {
    if (!constraints_->isChecked()) {
        document_->setConstraints(std::nullopt);
        return;
    }
    Constraints c = document_->scenario().constraints.value_or(Constraints{});
    if (document_->scenario().constraints) {
        c.providers = listOf(providers_);
        c.regions = listOf(regions_);
        c.onPremisesOnly = onPremises_->isChecked();
        c.ecosystems = checked(ecosystems_, kEcosystems);
        c.frameworks = checked(frameworks_, kFrameworks);
    }
    document_->setConstraints(c, field);
}

void PlanPanel::commitGrowth(int field) {
    if (!growth_->isChecked()) {
        document_->setGrowth(std::nullopt);
        return;
    }
    GrowthPlan g = document_->scenario().growth.value_or(GrowthPlan{});
    if (document_->scenario().growth) {
        g.unit = chosen<DemandUnit>(demandUnit_);
        g.start = start_->value();
        g.end = end_->value();
        g.months = months_->value();
        g.curve = chosen<GrowthCurve>(curve_);
        g.peakFactor = peakFactor_->value();
        g.maxChips = maxChips_->value() > 0 ? std::optional(maxChips_->value()) : std::nullopt;
    } else {
        // A first plan to edit from: a tenfold growth over a year.
        g.start = 1e9;
        g.end = 1e10;
    }
    document_->setGrowth(g, field);
}

void PlanPanel::refresh() {
    loading_ = true;
    const Scenario &s = document_->scenario();
    goal_->setChecked(bool(s.goal));
    const Goal g = s.goal.value_or(Goal{});
    objective_->setCurrentIndex(objective_->findData(static_cast<int>(g.objective)));
    focus_->setCurrentIndex(focus_->findData(g.focus ? static_cast<int>(*g.focus) : -1));
    const bool training = trainingFocus();
    deadline_->setSuffix(training ? tr(" days") : tr(" s"));
    deadline_->setValue(g.deadline ? g.deadline->value() / (training ? kDay : 1) : 0);
    budget_->setValue(g.budget ? g.budget->value() * units::shownCurrency().perUsd : 0);
    const QString sign = shownCurrencySign();
    budget_->setSuffix(training ? tr(" %1 a run").arg(sign) : tr(" %1 a month").arg(sign));
    deadline_->setEnabled(g.objective == Objective::cheapestWithinDeadline);
    budget_->setEnabled(g.objective == Objective::lowestLatencyWithinBudget);

    constraints_->setChecked(bool(s.constraints));
    const Constraints c = s.constraints.value_or(Constraints{});
    if (!providers_->hasFocus())
        providers_->setText(textOf(c.providers));
    if (!regions_->hasFocus())
        regions_->setText(textOf(c.regions));
    onPremises_->setChecked(c.onPremisesOnly);
    check(ecosystems_, kEcosystems, c.ecosystems);
    check(frameworks_, kFrameworks, c.frameworks);

    growth_->setEnabled(bool(s.inference));
    growth_->setToolTip(
        fieldHelp(growth_->objectName()) +
        (s.inference ? QString() : tr(".\nA growth plan needs inference settings")));
    growth_->setChecked(bool(s.growth));
    const GrowthPlan w = s.growth.value_or(GrowthPlan{});
    demandUnit_->setCurrentIndex(demandUnit_->findData(static_cast<int>(w.unit)));
    const QString per =
        w.unit == DemandUnit::tokensPerDay ? tr(" tokens/day") : tr(" requests/day");
    start_->setSuffix(per);
    end_->setSuffix(per);
    start_->setValue(w.start);
    end_->setValue(w.end);
    months_->setValue(w.months);
    curve_->setCurrentIndex(curve_->findData(static_cast<int>(w.curve)));
    peakFactor_->setValue(w.peakFactor);
    maxChips_->setValue(w.maxChips.value_or(0));
    loading_ = false;
}

} // namespace accelplan::ui
