// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/scenario_document.h"

#include "document/scenario_edit.h"
#include "support/text.h"

#include <QFileInfo>

namespace accelplan::ui {

ScenarioDocument::ScenarioDocument(QObject *parent) : QObject(parent) {
    connect(&undo_, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

QString ScenarioDocument::displayName() const {
    return filePath_.isEmpty() ? tr("Untitled") : QFileInfo(filePath_).fileName();
}

void ScenarioDocument::reset(const Scenario &scenario, const QString &path) {
    const bool wasModified = isModified();
    undo_.clear();
    undo_.setClean();
    scenario_ = scenario;
    if (filePath_ != path) {
        filePath_ = path;
        emit filePathChanged(filePath_);
    }
    if (wasModified)
        emit modifiedChanged(false);
    emit scenarioChanged();
}

void ScenarioDocument::markSaved(const QString &path) {
    if (filePath_ != path) {
        filePath_ = path;
        emit filePathChanged(filePath_);
    }
    undo_.setClean();
}

void ScenarioDocument::apply(const Scenario &scenario) {
    scenario_ = scenario;
    emit scenarioChanged();
}

void ScenarioDocument::edit(const QString &text, Field field, int detail,
                            const std::function<void(Scenario &)> &change) {
    Scenario after = scenario_;
    change(after);
    if (after == scenario_)
        return;
    // The merge key names the field and, for per-candidate fields, the candidate.
    const int key = field == Field::none ? -1 : static_cast<int>(field) * 100000 + detail;
    undo_.push(new ScenarioEdit(this, text, scenario_, std::move(after), key));
}

namespace {

constexpr int kToggleField = 99999;
// Defaults for the work to do when a model of the other kind takes over: a typical fine-tune,
// and one pass over ImageNet.
constexpr double kDefaultTokens = 1.0e10;
constexpr double kDefaultSamples = 1.28e6;
constexpr int kDefaultOutputTokens = 256;

// Keeps training, inference and the growth plan valid for the scenario's model, as the file
// reader demands.
void fitSettingsToWorkload(Scenario &s) {
    if (!s.inference)
        s.growth.reset();
    const TransformerShape *shape = s.workload.transformer();
    if (s.training) {
        if (shape && !s.training->tokens)
            s.training->tokens = kDefaultTokens;
        if (!shape && !s.training->samples)
            s.training->samples = kDefaultSamples;
    }
    if (s.inference) {
        const bool encoderOnly = shape && shape->encoderOnly;
        if (encoderOnly)
            s.inference->outputTokens = 0;
        else if (shape && s.inference->outputTokens == 0)
            s.inference->outputTokens = kDefaultOutputTokens;
        // Server mode needs a target; keep a common interactive one.
        if (s.inference->mode == InferenceMode::server && !s.inference->slo.ttft &&
            !s.inference->slo.tpot && !s.inference->requestsPerSecond) {
            s.inference->slo.ttft = units::seconds(2.0);
            s.inference->slo.tpot = units::seconds(0.1);
        }
    }
}

} // namespace

void ScenarioDocument::setName(const std::string &name) {
    edit(tr("Rename scenario"), Field::name, 0, [&](Scenario &s) { s.name = name; });
}

void ScenarioDocument::setWorkload(const Workload &workload, int field) {
    edit(tr("Change model to %1").arg(qs(workload.displayName)), Field::workload, field,
         [&](Scenario &s) {
             s.workload = workload;
             fitSettingsToWorkload(s);
         });
}

void ScenarioDocument::setTraining(const std::optional<TrainingSettings> &training, int field) {
    const bool toggled = bool(training) != bool(scenario_.training);
    const QString text = !toggled ? tr("Change training settings")
                                  : (training ? tr("Add training") : tr("Remove training"));
    // A toggle never merges with value edits: it has a key of its own.
    edit(text, Field::training, toggled ? kToggleField : field, [&](Scenario &s) {
        s.training = training;
        fitSettingsToWorkload(s);
    });
}

void ScenarioDocument::setInference(const std::optional<InferenceSettings> &inference, int field) {
    const bool toggled = bool(inference) != bool(scenario_.inference);
    const QString text = !toggled ? tr("Change inference settings")
                                  : (inference ? tr("Add inference") : tr("Remove inference"));
    edit(text, Field::inference, toggled ? kToggleField : field, [&](Scenario &s) {
        s.inference = inference;
        fitSettingsToWorkload(s);
    });
}

void ScenarioDocument::setCosts(const Costs &costs, int field) {
    edit(tr("Change costs"), Field::costs, field, [&](Scenario &s) { s.costs = costs; });
}

void ScenarioDocument::setGoal(const std::optional<Goal> &goal, int field) {
    edit(tr("Change goal"), Field::goal, bool(goal) != bool(scenario_.goal) ? kToggleField : field,
         [&](Scenario &s) { s.goal = goal; });
}

void ScenarioDocument::setConstraints(const std::optional<Constraints> &constraints, int field) {
    edit(tr("Change constraints"), Field::constraints,
         bool(constraints) != bool(scenario_.constraints) ? kToggleField : field,
         [&](Scenario &s) { s.constraints = constraints; });
}

void ScenarioDocument::setGrowth(const std::optional<GrowthPlan> &growth, int field) {
    edit(tr("Change growth plan"), Field::growth,
         bool(growth) != bool(scenario_.growth) ? kToggleField : field, [&](Scenario &s) {
             s.growth = growth;
             fitSettingsToWorkload(s);
         });
}

void ScenarioDocument::addCandidate(const Candidate &candidate) {
    edit(tr("Add %1").arg(qs(candidate.chipId)), Field::none, 0,
         [&](Scenario &s) { s.candidates.push_back(candidate); });
}

void ScenarioDocument::removeCandidate(std::size_t index) {
    if (index >= scenario_.candidates.size())
        return;
    edit(tr("Remove %1").arg(qs(scenario_.candidates[index].chipId)), Field::none, 0,
         [&](Scenario &s) {
             s.candidates.erase(s.candidates.begin() + static_cast<std::ptrdiff_t>(index));
         });
}

void ScenarioDocument::setCandidateCount(std::size_t index, int count) {
    if (index >= scenario_.candidates.size() || count < kBestCount)
        return;
    const Candidate &c = scenario_.candidates[index];
    const QString shown = count == kBestCount ? tr("best") : QString::number(count);
    edit(tr("Set %1 count to %2").arg(qs(c.chipId), shown), Field::candidateCount,
         static_cast<int>(index), [&](Scenario &s) {
             Candidate &target = s.candidates[index];
             // A pinned layout is for the old count; keep it only while it still multiplies up.
             const ParallelismRequest &p = target.parallelism;
             if (count == kBestCount ||
                 (p.dp && p.tp && p.pp && *p.dp * *p.tp * *p.pp * p.cp.value_or(1) != count))
                 target.parallelism = {};
             target.count = count;
         });
}

void ScenarioDocument::setCandidates(const std::vector<Candidate> &candidates,
                                     const QString &what) {
    edit(what, Field::none, 0, [&](Scenario &s) { s.candidates = candidates; });
}

} // namespace accelplan::ui
