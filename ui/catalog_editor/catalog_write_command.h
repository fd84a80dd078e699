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
    // `report` hears the outcome of every write: empty on success, else the error.
    CatalogWriteCommand(const QString &text, Write forward, Write backward,
                        std::function<void(const QString &error)> report);

    void redo() override;
    void undo() override;

private:
    Write forward_, backward_;
    std::function<void(const QString &)> report_;
};

} // namespace accelplan::ui
