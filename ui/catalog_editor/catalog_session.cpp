// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_editor/catalog_session.h"

#include "catalog_editor/catalog_write_command.h"
#include "catalog_editor/chip_fields.h"
#include "io/catalog_file.h"
#include "support/text.h"

#include <QDir>
#include <QFileInfo>

#include <utility>

namespace accelplan::ui {

std::unique_ptr<CatalogSession> CatalogSession::open(const QString &path, QString *error) {
    data::OpenedCatalog opened = data::openCatalog(path);
    if (!opened.store) {
        *error = opened.error;
        return nullptr;
    }
    std::unique_ptr<CatalogSession> session(new CatalogSession(std::move(opened.store)));
    if (!session->catalog_) {
        *error = session->lastError_;
        return nullptr;
    }
    return session;
}

CatalogSession::CatalogSession(std::unique_ptr<data::CatalogStore> store)
    : store_(std::move(store)) {
    QString error;
    if (std::optional<Catalog> loaded = store_->load(&error, &revisions_))
        catalog_ = std::make_shared<const Catalog>(std::move(*loaded));
    else
        lastError_ = error;
    // On a team catalog, another member's write shows at once, not only at the next refusal.
    store_->watchChanges(this, [this] { reload(); });
}

CatalogSession::~CatalogSession() {
    // The steps' writes refer to the store; they go before it does.
    undo_.clear();
}

std::optional<Chip> CatalogSession::shippedChip(const std::string &id) const {
    QString error;
    return store_->shippedChip(id, &error);
}

std::optional<Offering> CatalogSession::shippedOffering(const std::string &offeringId) const {
    QString error;
    return store_->shippedOffering(offeringId, &error);
}

const Chip *CatalogSession::findChip(const std::string &id) const { return catalog_->findChip(id); }

void CatalogSession::reload() {
    QString error;
    if (std::optional<Catalog> loaded = store_->load(&error, &revisions_)) {
        catalog_ = std::make_shared<const Catalog>(std::move(*loaded));
        emit catalogChanged(catalog_);
    } else {
        emit writeFailed(error);
    }
}

void CatalogSession::catchUp(QString *problem) {
    QString error;
    data::CatalogStore::Revisions now;
    if (!store_->load(&error, &now) || now == revisions_)
        return; // refused for its own sake (a rule, a read-only file): nothing to show
    reload();
    *problem += u'\n' + tr("The editor now shows the catalog as the other program left it; "
                           "make the change again if it still applies.");
}

qint64 CatalogSession::chipRevision(const std::string &id) const {
    const auto it = revisions_.chips.find(id);
    return it == revisions_.chips.end() ? data::CatalogStore::kAbsent : it->second;
}

qint64 CatalogSession::offeringRevision(const std::string &offeringId) const {
    const auto it = revisions_.offerings.find(offeringId);
    return it == revisions_.offerings.end() ? data::CatalogStore::kAbsent : it->second;
}

bool CatalogSession::unchangedElsewhere(QString *error) const {
    data::CatalogStore::Revisions now;
    QString why;
    if (!store_->load(&why, &now)) {
        *error = why;
        return false;
    }
    if (now == revisions_)
        return true;
    *error = tr("%1: another program changed the catalog since the editor read it; nothing was "
                "changed")
                 .arg(QDir::toNativeSeparators(store_->path()));
    return false;
}

bool CatalogSession::push(const QString &text, std::function<bool(QString *)> forward,
                          std::function<bool(QString *)> backward, QString *error) {
    // Written before the step is pushed: QUndoStack::push() drops the steps that could be redone
    // before it finds a refused step obsolete, so a refused edit would cost the redo history
    // (and leave Redo enabled with nothing to redo). Found by the randomized editor test.
    if (!forward(error)) {
        catchUp(error);
        lastError_ = *error;
        return false;
    }
    undo_.push(new CatalogWriteCommand(
        text, std::move(forward), std::move(backward),
        [this](const QString &problem) { written(problem); },
        CatalogWriteCommand::FirstRedo::alreadyWritten));
    return true;
}

void CatalogSession::written(const QString &problem) {
    lastError_ = problem;
    if (problem.isEmpty()) {
        reload();
        return;
    }
    catchUp(&lastError_);
    emit writeFailed(lastError_);
}

bool CatalogSession::saveChip(const Chip &after, const QString &description, QString *error) {
    const Chip *current = findChip(after.id);
    if (!current)
        return addChip(after, error);
    if (*current == after)
        return true; // nothing to write, no empty undo step
    const Chip before = *current;
    // Each write passes the revision read last (after the previous write, or an undo).
    return push(
        description,
        [this, after](QString *e) { return store_->saveChip(after, e, chipRevision(after.id)); },
        [this, before](QString *e) { return store_->saveChip(before, e, chipRevision(before.id)); },
        error);
}

bool CatalogSession::addChip(const Chip &chip, QString *error) {
    if (findChip(chip.id)) {
        *error = tr("%1: a chip with this id is already in the catalog").arg(qs(chip.id));
        return false;
    }
    return push(
        tr("Add %1").arg(qs(chip.id)),
        [this, chip](QString *e) { return store_->saveChip(chip, e, chipRevision(chip.id)); },
        [this, id = chip.id](QString *e) { return store_->deleteChip(id, e, chipRevision(id)); },
        error);
}

bool CatalogSession::deleteChip(const std::string &id, QString *error) {
    const Chip *current = findChip(id);
    if (!current) {
        *error = tr("%1 is not in the catalog").arg(qs(id));
        return false;
    }
    // What undo brings back: the chip with its offerings, in one transaction.
    Catalog restored;
    restored.dataVersion = catalog_->dataVersion;
    restored.chips.push_back(*current);
    for (const Offering *o : catalog_->offeringsFor(id))
        restored.offerings.push_back(*o);
    return push(
        tr("Delete %1").arg(qs(id)),
        [this, id](QString *e) { return store_->deleteChip(id, e, chipRevision(id)); },
        [this, restored](QString *e) {
            if (!unchangedElsewhere(e))
                return false;
            const auto result =
                store_->importCatalog(restored, data::CatalogStore::ImportMode::merge,
                                      [](const ValidationProblem &p) { return qs(p.describe()); });
            if (!result.ok)
                *e = result.problems.join(QLatin1Char('\n'));
            return result.ok;
        },
        error);
}

bool CatalogSession::saveOffering(const std::optional<Offering> &before, const Offering &after,
                                  QString *error) {
    if (before && *before == after)
        return true;
    if (!before || before->id() != after.id()) {
        if (catalog_->findOffering(after.id())) {
            *error = tr("%1: an offering with this provider and instance is already in the catalog")
                         .arg(qs(after.id()));
            return false;
        }
    }
    // A rename is a delete and a save: the offering's id is its provider and instance.
    auto write = [this](const std::optional<Offering> &from, const std::optional<Offering> &to,
                        QString *e) {
        if (from && (!to || from->id() != to->id()) &&
            !store_->deleteOffering(from->id(), e, offeringRevision(from->id())))
            return false;
        return !to || store_->saveOffering(*to, e, offeringRevision(to->id()));
    };
    const std::optional<Offering> to = after;
    const QString text = before ? tr("Change offering %1").arg(qs(after.id()))
                                : tr("Add offering %1").arg(qs(after.id()));
    return push(
        text, [write, before, to](QString *e) { return write(before, to, e); },
        [write, before, to](QString *e) { return write(to, before, e); }, error);
}

bool CatalogSession::deleteOffering(const std::string &offeringId, QString *error) {
    const Offering *current = catalog_->findOffering(offeringId);
    if (!current) {
        *error = tr("%1 is not in the catalog").arg(qs(offeringId));
        return false;
    }
    return push(
        tr("Delete offering %1").arg(qs(offeringId)),
        [this, offeringId](QString *e) {
            return store_->deleteOffering(offeringId, e, offeringRevision(offeringId));
        },
        [this, before = *current](QString *e) {
            return store_->saveOffering(before, e, offeringRevision(before.id()));
        },
        error);
}

bool CatalogSession::resetChip(const std::string &id, QString *error) {
    const std::optional<Chip> shipped = shippedChip(id);
    if (!shipped) {
        *error = tr("%1 was added by you: it has no shipped values").arg(qs(id));
        return false;
    }
    return saveChip(*shipped, tr("Reset %1 to shipped").arg(qs(id)), error);
}

bool CatalogSession::resetChipField(const std::string &id, const QString &key, QString *error) {
    const Chip *current = findChip(id);
    const std::optional<Chip> shipped = shippedChip(id);
    if (!current || !shipped) {
        *error = tr("%1 has no shipped values").arg(qs(id));
        return false;
    }
    Chip after = *current;
    if (!copyChipField(*shipped, after, key)) {
        *error = tr("%1 is not a value of a chip").arg(key);
        return false;
    }
    return saveChip(after, tr("Reset %1 of %2 to shipped").arg(chipFieldLabel(key), qs(id)), error);
}

std::function<bool(QString *)> CatalogSession::restoreWhole(const Catalog &state) {
    return [this, state](QString *e) {
        if (!unchangedElsewhere(e))
            return false;
        const auto result =
            store_->importCatalog(state, data::CatalogStore::ImportMode::replace,
                                  [](const ValidationProblem &p) { return qs(p.describe()); });
        if (!result.ok)
            *e = result.problems.join(QLatin1Char('\n'));
        return result.ok;
    };
}

data::CatalogStore::ImportResult CatalogSession::importFile(const QString &file,
                                                            data::CatalogStore::ImportMode mode) {
    data::CatalogStore::ImportResult result;
    data::CatalogFileRead read = data::readCatalogFile(file);
    if (!read.catalog) {
        result.problems = read.problems;
        return result;
    }
    const Catalog incoming = std::move(*read.catalog);
    auto locate = read.locate;
    // The step's redo runs again after an undo; its outcome goes where this call can read it.
    auto outcome = std::make_shared<data::CatalogStore::ImportResult>();
    QString error;
    push(
        tr("Import %1").arg(QFileInfo(file).fileName()),
        [this, incoming, mode, locate, outcome](QString *e) {
            *outcome = {};
            if (!unchangedElsewhere(e))
                return false; // the file was not looked at: no problems of its own
            *outcome = store_->importCatalog(incoming, mode, locate);
            if (!outcome->ok)
                *e = outcome->problems.join(QLatin1Char('\n'));
            return outcome->ok;
        },
        restoreWhole(*catalog_), &error);
    if (!outcome->ok && outcome->problems.isEmpty())
        outcome->problems = error.split(u'\n');
    return *outcome;
}

bool CatalogSession::resetAll(QString *error) {
    return push(
        tr("Reset the catalog to shipped"),
        [this](QString *e) { return unchangedElsewhere(e) && store_->resetToShipped(e); },
        restoreWhole(*catalog_), error);
}

} // namespace accelplan::ui
