// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The scenario being edited: its values, the file it came from, and whether it changed since.
// Every change goes through one of the edit functions below, each an undoable step on the
// document's QUndoStack, so that the panels never modify the scenario behind its back and undo
// covers every edit.

#include "scenario/scenario.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace accelplan::ui {

class ScenarioDocument : public QObject {
    Q_OBJECT
public:
    explicit ScenarioDocument(QObject *parent = nullptr);

    const Scenario &scenario() const { return scenario_; }
    QString filePath() const { return filePath_; }
    // The name a window title shows: the file's name, or "Untitled".
    QString displayName() const;
    bool isModified() const { return !undo_.isClean(); }
    QUndoStack *undoStack() { return &undo_; }

    // Starts over with `scenario` (New, Open): the history is cleared and the document is
    // unmodified. `path` is empty for a scenario not saved yet.
    void reset(const Scenario &scenario, const QString &path);
    // The scenario is now in `path` as it is.
    void markSaved(const QString &path);

    // Edits, each one undo step. Consecutive edits of the same field merge into one step, so a
    // spin box stepped ten times undoes at once; `field` tells the fields of a section apart
    // (any number the caller uses for one widget).
    void setName(const std::string &name);
    // Also keeps the rest of the scenario valid for the new model: a network that is not a
    // transformer trains on samples, an encoder-only model generates no tokens.
    void setWorkload(const Workload &workload, int field = 0);
    void setTraining(const std::optional<TrainingSettings> &training, int field = 0);
    void setInference(const std::optional<InferenceSettings> &inference, int field = 0);
    void setCosts(const Costs &costs, int field = 0);
    void setGoal(const std::optional<Goal> &goal, int field = 0);
    void setConstraints(const std::optional<Constraints> &constraints, int field = 0);
    // A growth plan needs inference: removing inference removes the plan too.
    void setGrowth(const std::optional<GrowthPlan> &growth, int field = 0);
    void addCandidate(const Candidate &candidate);
    void removeCandidate(std::size_t index);
    void setCandidateCount(std::size_t index, int count);
    void setCandidates(const std::vector<Candidate> &candidates, const QString &what);

signals:
    // The scenario's values changed (an edit, undo, redo or reset).
    void scenarioChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    friend class ScenarioEdit;
    // What an edit touches, for merging consecutive edits of one field.
    enum class Field {
        none = -1,
        name = 1,
        workload,
        training,
        inference,
        costs,
        candidateCount,
        goal,
        constraints,
        growth
    };
    void edit(const QString &text, Field field, int detail,
              const std::function<void(Scenario &)> &change);
    void apply(const Scenario &scenario);

    Scenario scenario_;
    QString filePath_;
    QUndoStack undo_;
};

} // namespace accelplan::ui
