// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One edit of the catalog as an undo step: a write and the write that takes it back, each one
// transaction through data/catalog. A write that fails makes the step obsolete, so that a
// refused edit never sits on the undo stack.

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace accelplan::ui {

class CatalogWriteCommand : public QUndoCommand {
public:
    // A write returns false and sets its error when the catalog refused it.
    using Write = std::function<bool(QString *error)>;
    // Whether the forward write was done before the step was pushed (QUndoStack::push() calls
    // redo() once): then that first redo() only reports success.
    enum class FirstRedo { writes, alreadyWritten };
    // `report` hears the outcome of every write: empty on success, else the error.
    CatalogWriteCommand(const QString &text, Write forward, Write backward,
                        std::function<void(const QString &error)> report,
                        FirstRedo first = FirstRedo::writes);

    void redo() override;
    void undo() override;

private:
    Write forward_, backward_;
    std::function<void(const QString &)> report_;
    bool written_; // the forward write is done: the next redo() skips it
};

} // namespace accelplan::ui
