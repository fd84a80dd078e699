// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The hardware catalog in SQLite, handed to core as plain values (accelplan::Catalog).
//
// Most callers want one function: openCatalog() (or loadCatalog()), which opens "the catalog":
// the file named by `--catalog DB` when given (created from the shipped seed when it does not
// exist), else the user's catalog in the user data folder (copied from the seed on first
// start). A file from an older AccelPlan is backed up beside itself, then migrated.
//
// Faults never damage the file: a file that is not SQLite, cut short, not an AccelPlan catalog,
// from a newer AccelPlan, read-only or locked is refused with a message that names it.
//
// Beside the user's records the file keeps the shipped version of each (the seed last merged):
// that is how a record's provenance, the fields the user changed (catalog_diff.h), a reset, and
// the merge of a newer seed are worked out. Writes: catalog_edit.cpp (one record),
// catalog_import.cpp (a whole file), catalog_seed_merge.cpp (a newer seed).

#include "hardware/catalog.h"
#include "hardware/validation.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QObject;
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

    // Opens a team catalog on a PostgreSQL server (server_catalog.h: postgresql://user@host/db).
    // An empty database is made a catalog holding what `seed` gives. A role without write
    // permission opens it read-only, as a read-only file is.
    using SeedSource = std::function<std::optional<Catalog>(QString *)>;
    static std::unique_ptr<CatalogStore> openServer(const QString &location, const SeedSource &seed,
                                                    QString *error, const Options &options);
    static std::unique_ptr<CatalogStore> openServer(const QString &location, const SeedSource &seed,
                                                    QString *error) {
        return openServer(location, seed, error, Options{});
    }

    ~CatalogStore();
    CatalogStore(const CatalogStore &) = delete;
    CatalogStore &operator=(const CatalogStore &) = delete;

    // The file, or the server's location without its password.
    const QString &path() const { return path_; }
    bool isReadOnly() const { return readOnly_; }
    bool isServer() const { return server_; }
    // On a server: `changed` runs (in `context`'s thread, from its event loop) whenever another
    // member commits a write. A file is not watched.
    void watchChanges(QObject *context, std::function<void()> changed);
    // The data version of the seed the file was made from or last merged with ("2026.11-1").
    QString dataVersion() const;
    // The backup written before a migration during open(), empty when none was needed.
    const QString &backupPath() const { return backupPath_; }

    // The whole catalog: chips in id order with their sources, offerings by provider/instance.
    std::optional<Catalog> load(QString *error) const { return load(error, nullptr); }
    // Every record's revision (see "Writing" below), by id; offerings by "provider/instance".
    struct Revisions {
        std::map<std::string, qint64> chips, offerings;
        bool operator==(const Revisions &) const = default;
    };
    // load() that also gives, from the same read, each record's revision: what an editor
    // passes back as expectedRevision when it writes the record.
    std::optional<Catalog> load(QString *error, Revisions *revisions) const;
    // SQLite's own check of the file (PRAGMA quick_check): empty when sound, else one line per
    // damage found, each naming the file.
    QStringList checkIntegrity() const;
    std::optional<Chip> chip(const std::string &id, QString *error) const;
    std::vector<Offering> offeringsOf(const std::string &chipId, QString *error) const;
    std::optional<Offering> offering(const std::string &offeringId, QString *error) const;

    // The shipped version of a record (from the seed last merged), nothing for a record the
    // user added. With catalog_diff.h's changedFields(), what the user changed.
    std::optional<Chip> shippedChip(const std::string &id, QString *error) const;
    std::optional<Offering> shippedOffering(const std::string &offeringId, QString *error) const;

    // --- Writing (catalog_edit.cpp) ---------------------------------------------------------
    // Each call is one transaction: all of it is stored or nothing is. A call on a read-only
    // catalog, or one that another program keeps locked longer than busyTimeoutMs, changes
    // nothing and says so in `error` (one line per problem, each naming the file). Records are
    // checked against hardware/validation.h first; their provenance is set by comparing them
    // with their shipped version.
    //
    // Two programs editing one record: a record's revision goes up with every write. An editor
    // passes the revision it read as `expectedRevision` (kAbsent for a record it creates); if
    // the record changed since, the write is refused rather than silently overwriting.
    static constexpr qint64 kAbsent = -1;
    std::optional<qint64> chipRevision(const std::string &id, QString *error) const;
    std::optional<qint64> offeringRevision(const std::string &offeringId, QString *error) const;

    bool saveChip(const Chip &chip, QString *error,
                  std::optional<qint64> expectedRevision = std::nullopt);
    // Deletes the chip with its sources and offerings.
    bool deleteChip(const std::string &id, QString *error,
                    std::optional<qint64> expectedRevision = std::nullopt);
    // The offering's chip must be in the catalog.
    bool saveOffering(const Offering &offering, QString *error,
                      std::optional<qint64> expectedRevision = std::nullopt);
    bool deleteOffering(const std::string &offeringId, QString *error,
                        std::optional<qint64> expectedRevision = std::nullopt);
    // A chip's sources: replaces the one at `position`, or appends when `position` is the
    // number of sources; deletes the one at `position`.
    bool saveSource(const std::string &chipId, std::size_t position, const Source &source,
                    QString *error, std::optional<qint64> expectedRevision = std::nullopt);
    bool deleteSource(const std::string &chipId, std::size_t position, QString *error,
                      std::optional<qint64> expectedRevision = std::nullopt);

    // Back to the shipped values: one chip (with its sources; its offerings stay as they are),
    // one offering, or the whole catalog (the user's changes, additions and deletions undone).
    bool resetChip(const std::string &id, QString *error);
    bool resetOffering(const std::string &offeringId, QString *error);
    bool resetToShipped(QString *error);

    // --- Scenarios shared in the catalog (catalog_scenarios.cpp) ------------------------------
    // A team keeps scenarios beside its catalog: by name, with who saved them (the server role,
    // or the user on this computer) and when (UTC). Saving a name again replaces it.
    struct SharedScenario {
        QString name, savedBy, savedAt;
        QByteArray body; // accelplan.scenario/1 JSON, as written by scenarioToJson()
    };
    bool saveScenario(const QString &name, const QByteArray &body, QString *error);
    // Every scenario, by name; the bodies are left out.
    std::optional<std::vector<SharedScenario>> scenarios(QString *error) const;
    // Nothing (without an error) when no scenario has that name.
    std::optional<SharedScenario> scenario(const QString &name, QString *error) const;

    // --- Import (catalog_import.cpp) --------------------------------------------------------
    enum class ImportMode {
        merge,   // the file's records are added or replace those with the same id; others stay
        replace, // the catalog becomes the file's records exactly
    };
    struct ImportResult {
        bool ok = false;
        QStringList problems; // one line each, naming the file and where
        int chipsAdded = 0, chipsChanged = 0, chipsRemoved = 0;
        int offeringsAdded = 0, offeringsChanged = 0, offeringsRemoved = 0;
    };
    // All or nothing: `incoming` is checked as a whole (with the catalog's chips it refers to,
    // when merging) and stored in one transaction; on any problem the file is not changed.
    // `locate` names where a record's problem is in the file it came from (catalog_file.h).
    ImportResult importCatalog(const Catalog &incoming, ImportMode mode,
                               const std::function<QString(const ValidationProblem &)> &locate);

    // --- A newer shipped seed (catalog_seed_merge.cpp) ---------------------------------------
    struct SeedMergeResult {
        bool ok = false;
        QString error;       // on failure: why (nothing was changed)
        QString backupPath;  // the file as it was before the merge
        int added = 0;       // shipped records new to this catalog
        int updated = 0;     // records that took newer shipped values
        int keptEdits = 0;   // records whose user changes were kept over newer shipped values
        int keptDeleted = 0; // shipped records the user deleted, left deleted
    };
    // Brings in `seed`, a newer shipped catalog: new records are added; in every record, each
    // field the user left as shipped takes the new shipped value and each field the user
    // changed keeps the user's; records the user deleted stay deleted, records the user added
    // stay. The file is backed up beside itself first; the merge is one transaction; the data
    // version becomes the seed's.
    SeedMergeResult mergeSeed(const Catalog &seed);

private:
    CatalogStore(QString path, QString connectionName, bool readOnly, bool server = false);
    QSqlDatabase database() const;
    // Refuses to write a read-only catalog; `error` says so and names the file.
    bool checkWritable(QString *error) const;
    QString nativePath() const;
    // "FILE: what" for an error of this catalog.
    QString located(const QString &what) const;

    QString path_;
    QString connection_;
    bool readOnly_ = false;
    bool server_ = false;
    QString role_; // on a server: the role connected, for messages
    QString backupPath_;
};

// The user's catalog file: <user data dir>/catalog.sqlite.
QString userCatalogPath();
// The shipped seed: <shipped data dir>/catalog/seed.json; empty when the data dir is missing.
QString shippedSeedPath();

struct OpenedCatalog {
    std::unique_ptr<CatalogStore> store; // null on failure
    QString error;                       // one line naming the file and the fault
    // Set when the shipped seed is newer than the catalog: what its merge did, or why it could
    // not be merged this time (the catalog is then opened as it was).
    std::optional<CatalogStore::SeedMergeResult> seedMerge;
};

// Opens "the catalog": `catalogPath` (the CLI's --catalog DB) when not empty, created from the
// shipped seed when the file does not exist (a team catalog's URL, postgresql://...: made from
// the seed when its database is empty); otherwise the user's catalog, copied from the seed on
// first start. An existing writable catalog older than the shipped seed gets the seed
// merged in (CatalogStore::mergeSeed).
OpenedCatalog openCatalog(const QString &catalogPath = {});

// For a catalog file that cannot be opened (damaged, not a catalog, from a newer AccelPlan):
// moves it aside, untouched, to "<file>.set-aside-<date>-<time>" (with its -wal and -shm files),
// and creates a new catalog from the shipped seed in its place. `setAsidePath` says where the
// old file went; on failure nothing is moved and `error` in the result says why.
struct ReplacedCatalog {
    OpenedCatalog opened;
    QString setAsidePath;
};
ReplacedCatalog replaceWithShipped(const QString &catalogPath = {});

// Orders data versions ("2026.11-1" < "2026.11-2" < "2027.02-1") by their numbers: negative,
// zero or positive as `a` is older than, as old as, or newer than `b`.
int compareDataVersions(const QString &a, const QString &b);

// The data version of "the catalog" (as openCatalog() would open it), without creating a file:
// when it does not exist yet, the shipped seed's version. Empty with `error` set on a fault.
QString catalogDataVersion(const QString &catalogPath, QString *error);

// openCatalog() and load() in one, for evaluation (the CLI's evaluate, compare and report, and
// the app): a catalog that breaks the rules of hardware/validation.h is refused, `error`
// naming each problem's chip or offering and field, one per line.
std::optional<Catalog> loadCatalog(const QString &catalogPath, QString *error);

} // namespace accelplan::data
