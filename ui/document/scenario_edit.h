// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One undo step of a ScenarioDocument: the scenario before and after. A scenario is a few
// hundred bytes, so keeping both whole is simpler and safer than recording each field's change.

#include "document/scenario_document.h"

#include <QUndoCommand>

namespace accelplan::ui {

class ScenarioEdit : public QUndoCommand {
public:
    // `mergeKey` >= 0 lets this step absorb the next one with the same key.
    ScenarioEdit(ScenarioDocument *document, const QString &text, Scenario before, Scenario after,
                 int mergeKey);

    void undo() override;
    void redo() override;
    int id() const override { return mergeKey_; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ScenarioDocument *document_;
    Scenario before_;
    Scenario after_;
    int mergeKey_;
};

} // namespace accelplan::ui
