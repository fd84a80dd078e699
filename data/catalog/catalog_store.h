#pragma once
// The hardware catalog in SQLite, handed to core as plain values (accelplan::Catalog).
//
// Most callers want one function: openCatalog() (or loadCatalog()), which opens "the catalog":
// the file named by `--catalog DB` when given (created from the shipped seed when it does not
// exist), else the user's catalog in the user data folder (copied from the seed on first
// start). A file from an older AccelPlan is backed up beside itself, then migrated.
//
// Faults never damage the file: a file that is not SQLite, not an AccelPlan catalog, from a
// newer AccelPlan, read-only or locked is refused with a message that names it.

#include "hardware/catalog.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QSqlDatabase;

namespace accelplan::data {

class CatalogStore {
public:
    struct Options {
        int busyTimeoutMs = 2000; // how long a write waits for another program's lock
    };

    // Opens an existing catalog file. Opens it read-only when the file or its folder cannot be
    // written (reading still works; writes and migrations are refused). Returns nullptr and
    // sets `error` on any fault.
    static std::unique_ptr<CatalogStore> open(const QString &path, QString *error,
                                              const Options &options);
    static std::unique_ptr<CatalogStore> open(const QString &path, QString *error) {
        return open(path, error, Options{});
    }

    // Creates a new catalog file holding `content` (a seed). The file must not exist; it is
    // built beside its final name and renamed into place, so a crash leaves no half file.
    static std::unique_ptr<CatalogStore> create(const QString &path, const Catalog &content,
                                                QString *error, const Options &options);
    static std::unique_ptr<CatalogStore> create(const QString &path, const Catalog &content,
                                                QString *error) {
        return create(path, content, error, Options{});
    }

    ~CatalogStore();
    CatalogStore(const CatalogStore &) = delete;
    CatalogStore &operator=(const CatalogStore &) = delete;

    const QString &path() const { return path_; }
    bool isReadOnly() const { return readOnly_; }
    // The data version of the seed the file was made from or last merged with ("2026.11-1").
    QString dataVersion() const;
    // The backup written before a migration during open(), empty when none was needed.
    const QString &backupPath() const { return backupPath_; }

    // The whole catalog: chips in id order with their sources, offerings by provider/instance.
    std::optional<Catalog> load(QString *error) const;
    std::optional<Chip> chip(const std::string &id, QString *error) const;
    std::vector<Offering> offeringsOf(const std::string &chipId, QString *error) const;

private:
    CatalogStore(QString path, QString connectionName, bool readOnly);
    QSqlDatabase database() const;

    QString path_;
    QString connection_;
    bool readOnly_ = false;
    QString backupPath_;
};

// The user's catalog file: <user data dir>/catalog.sqlite.
QString userCatalogPath();
// The shipped seed: <shipped data dir>/catalog/seed.json; empty when the data dir is missing.
QString shippedSeedPath();

struct OpenedCatalog {
    std::unique_ptr<CatalogStore> store; // null on failure
    QString error;                       // one line naming the file and the fault
};

// Opens "the catalog": `catalogPath` (the CLI's --catalog DB) when not empty, created from the
// shipped seed when the file does not exist; otherwise the user's catalog, copied from the
// seed on first start.
OpenedCatalog openCatalog(const QString &catalogPath = {});

// The data version of "the catalog" (as openCatalog() would open it), without creating a file:
// when it does not exist yet, the shipped seed's version. Empty with `error` set on a fault.
QString catalogDataVersion(const QString &catalogPath, QString *error);

// openCatalog() and load() in one: what the CLI's evaluate/compare and the app need.
std::optional<Catalog> loadCatalog(const QString &catalogPath, QString *error);

} // namespace accelplan::data
