// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The catalog editor's one way to change the catalog: every edit is an undo step
// (CatalogWriteCommand) written to the SQLite catalog in one transaction through data/catalog,
// and after every write that succeeded (or was undone or redone) the session reloads the
// catalog and says so with catalogChanged(), which the workspace hears to recompute.
//
// Another program (accelplan-cli, a second AccelPlan) may change the file meanwhile. Every
// write passes the revision of the record as the session last read it, so a record changed
// elsewhere is refused rather than overwritten; a write of the whole catalog (import, reset,
// undoing either or a delete) is refused when any record changed elsewhere. After a refusal the
// session reads the file again, so the editor shows the other program's change.

#include "catalog/catalog_store.h"
#include "hardware/catalog.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace accelplan::ui {

class CatalogSession : public QObject {
    Q_OBJECT
public:
    // Opens the catalog at `path` (created from the shipped seed when missing), or the user's
    // catalog when `path` is empty. Returns nullptr and sets `error` when it cannot be opened.
    static std::unique_ptr<CatalogSession> open(const QString &path, QString *error);
    ~CatalogSession() override;

    // The catalog as stored now.
    const std::shared_ptr<const Catalog> &catalog() const { return catalog_; }
    const QString &path() const { return store_->path(); }
    bool isReadOnly() const { return store_->isReadOnly(); }
    QUndoStack *undoStack() { return &undo_; }
    // The shipped version of a chip or offering; nothing for one the user added.
    std::optional<Chip> shippedChip(const std::string &id) const;
    std::optional<Offering> shippedOffering(const std::string &offeringId) const;

    // Each call is one undo step; false (with `error`, one line per problem) when the catalog
    // refused it, and then nothing was written and no step was added.
    bool saveChip(const Chip &after, const QString &description, QString *error);
    bool addChip(const Chip &chip, QString *error);
    // Deletes the chip with its offerings; undo brings both back.
    bool deleteChip(const std::string &id, QString *error);
    // Adds, changes or renames (`before` names the offering replaced) an offering.
    bool saveOffering(const std::optional<Offering> &before, const Offering &after, QString *error);
    bool deleteOffering(const std::string &offeringId, QString *error);
    // Back to the shipped values: a chip with its sources, or one of its fields (by its key in
    // the catalog files, "memory_bandwidth_bytes_per_s").
    bool resetChip(const std::string &id, QString *error);
    bool resetChipField(const std::string &id, const QString &key, QString *error);
    // Imports a catalog file (JSON or CSV) as one undo step, all or nothing.
    data::CatalogStore::ImportResult importFile(const QString &file,
                                                data::CatalogStore::ImportMode mode);
    // The whole catalog back to shipped, as one undo step.
    bool resetAll(QString *error);

signals:
    // The catalog changed on disk; `catalog` is what it holds now.
    void catalogChanged(std::shared_ptr<const accelplan::Catalog> catalog);
    // An undo or redo that the catalog refused (another program changed the record, the file
    // became read-only); `error` says what.
    void writeFailed(const QString &error);

private:
    explicit CatalogSession(std::unique_ptr<data::CatalogStore> store);
    const Chip *findChip(const std::string &id) const;
    // Pushes one step whose first write is `forward`; false when that write was refused.
    bool push(const QString &text, std::function<bool(QString *)> forward,
              std::function<bool(QString *)> backward, QString *error);
    // The write of a whole catalog's state (for undoing an import or a reset), one transaction.
    std::function<bool(QString *)> restoreWhole(const Catalog &state);
    // Every write's outcome: empty on success, else what went wrong.
    void written(const QString &problem);
    void reload();
    // After a refused write: reads the file again when another program changed it, and says
    // so in `problem`.
    void catchUp(QString *problem);
    // The revision of a record as last read; kAbsent for one the session has not seen.
    qint64 chipRevision(const std::string &id) const;
    qint64 offeringRevision(const std::string &offeringId) const;
    // Refuses (false, with `error`) when any record changed on disk since the session read it.
    bool unchangedElsewhere(QString *error) const;

    std::unique_ptr<data::CatalogStore> store_;
    std::shared_ptr<const Catalog> catalog_;
    data::CatalogStore::Revisions revisions_; // of catalog_, read with it
    QUndoStack undo_;
    QString lastError_; // of the latest write, empty when it succeeded
};

} // namespace accelplan::ui
