// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_editor/catalog_write_command.h"

#include <utility>

namespace accelplan::ui {

CatalogWriteCommand::CatalogWriteCommand(const QString &text, Write forward, Write backward,
                                         std::function<void(const QString &)> report,
                                         FirstRedo first)
    : QUndoCommand(text), forward_(std::move(forward)), backward_(std::move(backward)),
      report_(std::move(report)), written_(first == FirstRedo::alreadyWritten) {}

void CatalogWriteCommand::redo() {
    if (written_) {
        written_ = false;
        report_(QString());
        return;
    }
    QString error;
    const bool ok = forward_(&error);
    // QUndoStack::push() drops a step that is obsolete after its first redo().
    if (!ok)
        setObsolete(true);
    report_(ok ? QString() : error);
}

void CatalogWriteCommand::undo() {
    QString error;
    if (!backward_(&error))
        setObsolete(true);
    report_(error);
}

} // namespace accelplan::ui
