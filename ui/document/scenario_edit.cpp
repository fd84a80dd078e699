// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/scenario_edit.h"

#include <utility>

namespace accelplan::ui {

ScenarioEdit::ScenarioEdit(ScenarioDocument *document, const QString &text, Scenario before,
                           Scenario after, int mergeKey)
    : document_(document), before_(std::move(before)), after_(std::move(after)),
      mergeKey_(mergeKey) {
    setText(text);
}

void ScenarioEdit::undo() { document_->apply(before_); }

void ScenarioEdit::redo() { document_->apply(after_); }

bool ScenarioEdit::mergeWith(const QUndoCommand *other) {
    if (other->id() != id())
        return false;
    after_ = static_cast<const ScenarioEdit *>(other)->after_;
    // An edit that went back to where it started is no step at all.
    setObsolete(after_ == before_);
    return true;
}

} // namespace accelplan::ui
