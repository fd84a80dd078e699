// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog_store.h"

#include "catalog/catalog_diff.h"
#include "catalog/catalog_rows.h"
#include "catalog/row_reader.h"
#include "catalog/schema.h"
#include "catalog/server_catalog.h"
#include "catalog/sqlite_file.h"
#include "support/qt_text.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <map>

namespace accelplan::data {
namespace {

const QString kApplicationKey = QStringLiteral("application");
const QString kApplicationValue = QStringLiteral("accelplan-catalog");
const QString kDataVersionKey = QLatin1String(rows::kDataVersionKey);

QString newConnectionName() {
    static QAtomicInt counter;
    return QStringLiteral("accelplan-catalog-%1").arg(counter.fetchAndAddRelaxed(1));
}

QString native(const QString &path) { return QDir::toNativeSeparators(path); }

// The catalog files this process holds open, by canonical path, with how many stores hold each.
// Reading such a file's header with a plain file handle is not only needless (SQLite checked it
// when it opened) but harmful: on POSIX, closing any handle to a file drops every lock the
// process holds on it, SQLite's included, and another program could then take the file's
// write-ahead log away from under the open stores.
class OpenFiles {
public:
    static OpenFiles &instance() {
        static OpenFiles files;
        return files;
    }
    bool contains(const QString &path) {
        const QMutexLocker lock(&mutex_);
        return counts_.contains(key(path));
    }
    void add(const QString &path) {
        const QMutexLocker lock(&mutex_);
        ++counts_[key(path)];
    }
    void remove(const QString &path) {
        const QMutexLocker lock(&mutex_);
        const auto it = counts_.find(key(path));
        if (it != counts_.end() && --it.value() == 0)
            counts_.erase(it);
    }

private:
    static QString key(const QString &path) {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        return canonical.isEmpty() ? QFileInfo(path).absoluteFilePath() : canonical;
    }
    QMutex mutex_;
    QHash<QString, int> counts_;
};

bool exec(QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = sqlite::describeError(q.lastError());
    return false;
}

// A catalog file may come from anywhere, and SQLite runs SQL stored in a file's schema. Before
// anything is read: functions the schema calls are limited to harmless ones (trusted_schema
// off), the schema cannot be written through SQL (defensive), and triggers and views, which a
// catalog never has, do not run (open() also refuses a file that has any).
bool defend(QSqlDatabase &db, QString *error) {
    sqlite3 *connection = sqlite::connectionOf(db);
    if (!connection) {
        *error = QStringLiteral("the catalog connection is not an SQLite connection");
        return false;
    }
    for (const int option : {SQLITE_DBCONFIG_DEFENSIVE, SQLITE_DBCONFIG_TRUSTED_SCHEMA,
                             SQLITE_DBCONFIG_ENABLE_TRIGGER, SQLITE_DBCONFIG_ENABLE_VIEW}) {
        const int on = option == SQLITE_DBCONFIG_DEFENSIVE ? 1 : 0;
        int now = -1;
        if (sqlite3_db_config(connection, option, on, &now) != SQLITE_OK || now != on) {
            *error = QStringLiteral("SQLite cannot open the catalog defensively (option %1)")
                         .arg(option);
            return false;
        }
    }
    return true;
}

// Opens a connection; the caller removes it with QSqlDatabase::removeDatabase on failure.
bool connect(const QString &name, const QString &path, bool readOnly,
             const CatalogStore::Options &options, QString *error) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
    // Reading a write-ahead-logged file needs its -shm file, which SQLite cannot create in a
    // folder it may not write. With no log beside it, nobody is writing the file: SQLite may
    // then read it as immutable, without the -shm file.
    const bool immutable = readOnly && !QFileInfo(QFileInfo(path).absolutePath()).isWritable() &&
                           !QFileInfo::exists(path + QStringLiteral("-wal"));
    if (immutable) {
        db.setDatabaseName(
            QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded) +
            QStringLiteral("?immutable=1"));
        connectOptions += QStringLiteral(";QSQLITE_OPEN_URI");
    } else {
        db.setDatabaseName(path);
    }
    if (readOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(connectOptions);
    if (!db.open()) {
        *error = sqlite::describeError(db.lastError());
        return false;
    }
    return defend(db, error) && exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), error);
}

// Write-ahead logging: readers do not block the writer. Switched on only once the file is
// known to be an AccelPlan catalog, since it changes the file's header.
bool useWriteAheadLog(QSqlDatabase &db, QString *error) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next()) {
        *error = sqlite::describeError(q.lastError());
        return false;
    }
    return true;
}

void disconnect(const QString &name) {
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

// A new catalog's records, in one transaction: `content` is the user's catalog and, being a
// seed, its shipped version.
bool fillNewCatalog(QSqlDatabase &db, const Catalog &content, QString *why) {
    bool ok = db.transaction() && rows::setMeta(db, kApplicationKey, kApplicationValue, why) &&
              rows::setMeta(db, kDataVersionKey, qs(content.dataVersion), why);
    for (const rows::Table table : {rows::Table::user, rows::Table::shipped}) {
        for (const Chip &chip : content.chips) {
            if (!ok)
                break;
            ok = rows::insertChip(db, chip, why, table);
        }
        for (const Offering &offering : content.offerings) {
            if (!ok)
                break;
            ok = rows::insertOffering(db, offering, why, table);
        }
    }
    if (ok && !db.commit()) {
        *why = sqlite::describeError(db.lastError());
        ok = false;
    }
    if (!ok)
        db.rollback();
    return ok;
}

// Is this an AccelPlan catalog (and not some other SQLite file)?
bool isAccelPlanCatalog(QSqlDatabase &db) {
    if (!db.tables().contains(QStringLiteral("catalog_meta")))
        return false;
    return rows::meta(db, kApplicationKey) == kApplicationValue;
}

} // namespace

CatalogStore::CatalogStore(QString path, QString connectionName, bool readOnly, bool server)
    : path_(std::move(path)), connection_(std::move(connectionName)), readOnly_(readOnly),
      server_(server) {
    if (!server_)
        OpenFiles::instance().add(path_);
}

CatalogStore::~CatalogStore() {
    disconnect(connection_);
    if (!server_)
        OpenFiles::instance().remove(path_);
}

QSqlDatabase CatalogStore::database() const { return QSqlDatabase::database(connection_, false); }

std::unique_ptr<CatalogStore> CatalogStore::open(const QString &path, QString *error,
                                                 const Options &options) {
    const QString where = native(path);
    QString why;
    if (!OpenFiles::instance().contains(path) && !sqlite::looksLikeSqlite(path, &why)) {
        *error = QStringLiteral("%1: %2").arg(where, why);
        return nullptr;
    }
    const bool readOnly = !sqlite::isWritable(path);
    const QString name = newConnectionName();
    if (!connect(name, path, readOnly, options, &why)) {
        disconnect(name);
        *error = QStringLiteral("%1: cannot open the catalog: %2").arg(where, why);
        return nullptr;
    }
    std::unique_ptr<CatalogStore> store(new CatalogStore(path, name, readOnly));
    QSqlDatabase db = store->database();
    const int version = schema::versionOf(db, &why);
    if (version < 0) {
        *error =
            QStringLiteral("%1: cannot read the catalog: %2; it was not changed").arg(where, why);
        return nullptr;
    }
    if (version > schema::currentVersion()) {
        *error = QStringLiteral("%1: the catalog has schema version %2, newer than this AccelPlan "
                                "understands (%3); update AccelPlan. The file was not changed.")
                     .arg(where)
                     .arg(version)
                     .arg(schema::currentVersion());
        return nullptr;
    }
    if (version > 0) {
        const QStringList differences = schema::differences(db, version);
        if (!differences.isEmpty()) {
            *error = QStringLiteral("%1: is not an AccelPlan catalog as AccelPlan makes one: %2; "
                                    "it was not read or changed")
                         .arg(where, differences.join(QStringLiteral("; ")));
            return nullptr;
        }
    }
    if (version == 0 || !isAccelPlanCatalog(db)) {
        *error = QStringLiteral("%1: is an SQLite file but not an AccelPlan catalog; it was not "
                                "changed")
                     .arg(where);
        return nullptr;
    }
    if (!readOnly && !useWriteAheadLog(db, &why)) {
        *error = QStringLiteral("%1: cannot open the catalog for writing: %2").arg(where, why);
        return nullptr;
    }
    if (version < schema::currentVersion()) {
        if (readOnly) {
            *error = QStringLiteral("%1: the catalog has schema version %2 and needs upgrading to "
                                    "%3, but the file is read-only")
                         .arg(where)
                         .arg(version)
                         .arg(schema::currentVersion());
            return nullptr;
        }
        const QString backup = sqlite::backupPathFor(path, version);
        if (!sqlite::backup(db, backup, &why)) {
            *error = QStringLiteral("%1: cannot back up the catalog to %2 before upgrading it: %3")
                         .arg(where, native(backup), why);
            return nullptr;
        }
        if (!schema::migrate(db, version, schema::currentVersion(), &why)) {
            *error = QStringLiteral("%1: cannot upgrade the catalog (a backup is at %2): %3")
                         .arg(where, native(backup), why);
            return nullptr;
        }
        store->backupPath_ = backup;
    }
    return store;
}

std::unique_ptr<CatalogStore> CatalogStore::create(const QString &path, const Catalog &content,
                                                   QString *error, const Options &options) {
    const QString where = native(path);
    if (QFileInfo::exists(path)) {
        *error = QStringLiteral("%1: already exists; not overwriting it").arg(where);
        return nullptr;
    }
    const QFileInfo info(path);
    if (!info.dir().exists()) {
        *error = QStringLiteral("%1: the folder %2 does not exist")
                     .arg(where, native(info.dir().absolutePath()));
        return nullptr;
    }
    // Built under a temporary name, then renamed, so that nobody sees a half-filled catalog.
    const QString building = path + QStringLiteral(".creating");
    QFile::remove(building);
    QString why;
    {
        const QString name = newConnectionName();
        bool ok = false;
        {
            QSqlDatabase db;
            if (connect(name, building, false, options, &why)) {
                db = QSqlDatabase::database(name, false);
                // One file, not three: the WAL is switched on when the catalog is opened.
                ok = exec(db, QStringLiteral("PRAGMA journal_mode = DELETE"), &why) &&
                     schema::migrate(db, 0, schema::currentVersion(), &why) &&
                     fillNewCatalog(db, content, &why);
            }
        }
        disconnect(name);
        if (!ok) {
            QFile::remove(building);
            *error = QStringLiteral("%1: cannot create the catalog: %2").arg(where, why);
            return nullptr;
        }
    }
    if (!QFile::rename(building, path)) {
        QFile::remove(building);
        *error = QStringLiteral("%1: cannot create the catalog (rename from %2 failed)")
                     .arg(where, native(building));
        return nullptr;
    }
    return open(path, error, options);
}

namespace {

// Held while a member makes, checks or upgrades the team catalog: members starting at once take
// turns, and each sees what the one before made. Released when it goes out of scope.
class ServerSetupLock {
public:
    ServerSetupLock(QSqlDatabase db, int busyTimeoutMs) : db_(std::move(db)) {
        QSqlQuery q(db_);
        // Making a catalog from the seed can take longer than a write's wait on a slow link.
        held_ = q.exec(QStringLiteral("SET lock_timeout = %1").arg(kSetupWaitMs)) &&
                q.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kKey));
        if (!held_)
            error_ = server::describeError(q.lastError());
        QSqlQuery(db_).exec(QStringLiteral("SET lock_timeout = %1").arg(busyTimeoutMs));
    }
    ~ServerSetupLock() {
        if (held_)
            QSqlQuery(db_).exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kKey));
    }
    ServerSetupLock(const ServerSetupLock &) = delete;
    ServerSetupLock &operator=(const ServerSetupLock &) = delete;
    bool held() const { return held_; }
    const QString &error() const { return error_; }

private:
    static constexpr qint64 kKey = 0x4163636550; // "AcceP"
    static constexpr int kSetupWaitMs = 60000;
    QSqlDatabase db_;
    bool held_ = false;
    QString error_;
};

// A catalog whose making stopped between its tables and its records (the member's program was
// killed, the link dropped): tables there, no records, not yet marked an AccelPlan catalog.
bool unfinished(QSqlDatabase &db) {
    if (!rows::meta(db, kApplicationKey).isEmpty())
        return false;
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM chips")) && q.next() &&
           q.value(0).toLongLong() == 0;
}

} // namespace

std::unique_ptr<CatalogStore> CatalogStore::openServer(const QString &location,
                                                       const SeedSource &seed, QString *error,
                                                       const Options &options) {
    const QString where = server::shownLocation(location);
    const QString name = newConnectionName();
    QString why;
    if (!server::connect(name, location, options.busyTimeoutMs, &why)) {
        disconnect(name);
        *error = QStringLiteral("%1: cannot open the team catalog: %2").arg(where, why);
        return nullptr;
    }
    std::unique_ptr<CatalogStore> store(new CatalogStore(where, name, false, true));
    QSqlDatabase db = store->database();
    const ServerSetupLock lock(db, options.busyTimeoutMs);
    if (!lock.held()) {
        *error = QStringLiteral("%1: %2").arg(where, lock.error());
        return nullptr;
    }
    int version = schema::versionOf(db, &why);
    if (version == 0 && !db.tables().isEmpty()) {
        *error = QStringLiteral("%1: the database holds other tables and no AccelPlan catalog; "
                                "give the team catalog a database of its own")
                     .arg(where);
        return nullptr;
    }
    if (version == 0 || (version > 0 && unfinished(db))) {
        const std::optional<Catalog> content = seed(&why);
        const bool made = content &&
                          (version > 0 || schema::migrate(db, 0, schema::currentVersion(), &why)) &&
                          fillNewCatalog(db, *content, &why);
        if (!made) {
            *error = QStringLiteral("%1: cannot make the team catalog: %2").arg(where, why);
            return nullptr;
        }
        version = schema::versionOf(db, &why);
    }
    if (version < 0) {
        *error = QStringLiteral("%1: cannot read the team catalog: %2").arg(where, why);
        return nullptr;
    }
    if (version > schema::currentVersion()) {
        *error = QStringLiteral("%1: the team catalog has schema version %2, newer than this "
                                "AccelPlan understands (%3); update AccelPlan")
                     .arg(where)
                     .arg(version)
                     .arg(schema::currentVersion());
        return nullptr;
    }
    const QStringList differences = schema::differences(db, version);
    if (!differences.isEmpty() || !isAccelPlanCatalog(db)) {
        *error =
            QStringLiteral("%1: is not an AccelPlan catalog as AccelPlan makes one%2; it was "
                           "not changed")
                .arg(where, differences.isEmpty() ? QString()
                                                  : QStringLiteral(": ") + differences.join(u';'));
        return nullptr;
    }
    if (version < schema::currentVersion()) {
        // Changing tables is their owner's right, whoever else may edit the records. The
        // server's own backups cover its data; the upgrade is one transaction.
        if (!schema::migrate(db, version, schema::currentVersion(), &why)) {
            *error = QStringLiteral("%1: the team catalog has schema version %2 and needs "
                                    "upgrading to %3 by the role that owns its tables (%4); "
                                    "it was not changed")
                         .arg(where)
                         .arg(version)
                         .arg(schema::currentVersion())
                         .arg(why);
            return nullptr;
        }
    }
    store->readOnly_ = !server::canWrite(db);
    store->role_ = server::roleOf(db);
    return store;
}

void CatalogStore::watchChanges(QObject *context, std::function<void()> changed) {
    if (!server_)
        return;
    QSqlDatabase db = database();
    QSqlDriver *driver = db.driver();
    const QString channel = QLatin1String(server::kChangeChannel);
    if (!driver->subscribedToNotifications().contains(channel))
        driver->subscribeToNotification(channel);
    QObject::connect(driver, &QSqlDriver::notification, context,
                     [channel, changed = std::move(changed)](const QString &name,
                                                             QSqlDriver::NotificationSource source,
                                                             const QVariant &) {
                         if (name == channel && source == QSqlDriver::OtherSource)
                             changed();
                     });
}

QString CatalogStore::dataVersion() const {
    QSqlDatabase db = database();
    return rows::meta(db, kDataVersionKey);
}

namespace {

std::string recordId(const Chip &chip) { return chip.id; }
std::string recordId(const Offering &offering) { return offering.id(); }

// The fields of each changed record that differ from its shipped version, for the workspace
// and the report to say which values the numbers rest on (plan/user_values.h). The shipped
// tables are read only when some record is changed: a catalog as shipped costs nothing more.
template <class Record>
void noteChanges(const std::vector<Record> &mine, const std::vector<Record> &shipped,
                 std::map<std::string, std::vector<std::string>> &out) {
    std::map<std::string, const Record *> byId;
    for (const Record &r : shipped)
        byId[recordId(r)] = &r;
    for (const Record &r : mine) {
        const auto it = byId.find(recordId(r));
        if (r.provenance != Provenance::userModified || it == byId.end())
            continue;
        std::vector<std::string> &fields = out[recordId(r)];
        for (const QString &f : changedFields(r, *it->second))
            fields.push_back(f.toStdString());
    }
}

bool loadChangedFields(QSqlDatabase &db, Catalog &catalog, QString *why) {
    const auto changed = [](const auto &r) { return r.provenance == Provenance::userModified; };
    if (std::any_of(catalog.chips.begin(), catalog.chips.end(), changed)) {
        std::vector<Chip> shipped;
        if (!rows::loadChips(db, std::nullopt, &shipped, why, rows::Table::shipped))
            return false;
        noteChanges(catalog.chips, shipped, catalog.changedFields);
    }
    if (std::any_of(catalog.offerings.begin(), catalog.offerings.end(), changed)) {
        std::vector<Offering> shipped;
        if (!rows::loadOfferings(db, std::nullopt, &shipped, why, rows::Table::shipped))
            return false;
        noteChanges(catalog.offerings, shipped, catalog.changedFields);
    }
    return true;
}

} // namespace

std::optional<Catalog> CatalogStore::load(QString *error, Revisions *revisions) const {
    QSqlDatabase db = database();
    Catalog catalog;
    catalog.dataVersion = rows::meta(db, kDataVersionKey).toStdString();
    QString why;
    // One read transaction: chips, sources and offerings from the same snapshot.
    const bool inTransaction = db.transaction();
    if (inTransaction && server_)
        QSqlQuery(db).exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
    Revisions read;
    const bool ok = rows::loadChips(db, std::nullopt, &catalog.chips, &why) &&
                    rows::loadOfferings(db, std::nullopt, &catalog.offerings, &why) &&
                    loadChangedFields(db, catalog, &why) &&
                    (!revisions || rows::loadRevisions(db, &read.chips, &read.offerings, &why));
    if (inTransaction)
        db.commit();
    if (!ok) {
        *error = QStringLiteral("%1: %2").arg(native(path_), why);
        return std::nullopt;
    }
    if (revisions)
        *revisions = std::move(read);
    return catalog;
}

QStringList CatalogStore::checkIntegrity() const {
    if (server_)
        return {}; // a server checks its own storage
    QSqlDatabase db = database();
    QSqlQuery q(db);
    QStringList damage;
    if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
        damage << located(sqlite::describeError(q.lastError()));
        return damage;
    }
    constexpr int kMaxLines = 20; // enough to judge; a wrecked file could give thousands
    while (q.next() && damage.size() < kMaxLines) {
        for (const QString &line : q.value(0).toString().split(u'\n', Qt::SkipEmptyParts)) {
            if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("***")))
                damage << located(QStringLiteral("the catalog file is damaged: %1").arg(line));
        }
    }
    if (q.lastError().isValid() && damage.isEmpty())
        damage << located(sqlite::describeError(q.lastError()));
    return damage;
}

std::optional<Chip> CatalogStore::chip(const std::string &id, QString *error) const {
    QSqlDatabase db = database();
    std::vector<Chip> chips;
    QString why;
    if (!rows::loadChips(db, id, &chips, &why)) {
        *error = QStringLiteral("%1: %2").arg(native(path_), why);
        return std::nullopt;
    }
    if (chips.empty())
        return std::nullopt;
    return std::move(chips.front());
}

QString CatalogStore::nativePath() const { return native(path_); }

QString CatalogStore::located(const QString &what) const {
    return QStringLiteral("%1: %2").arg(native(path_), what);
}

bool CatalogStore::checkWritable(QString *error) const {
    if (!readOnly_)
        return true;
    if (server_) {
        *error = located(QStringLiteral("your role %1 may only read this team catalog; nothing "
                                        "was changed (its owner can grant editing)")
                             .arg(role_));
        return false;
    }
    *error = located(QStringLiteral("the catalog is read-only (the file or its folder cannot be "
                                    "written); nothing was changed"));
    return false;
}

std::optional<Offering> CatalogStore::offering(const std::string &offeringId,
                                               QString *error) const {
    QSqlDatabase db = database();
    const rows::OfferingKey key = rows::splitOfferingId(offeringId);
    const std::string &provider = key.provider;
    const std::string &instance = key.instance;
    std::optional<Offering> found;
    QString why;
    if (!rows::loadOffering(db, provider, instance, &found, &why))
        *error = located(why);
    return found;
}

std::optional<Chip> CatalogStore::shippedChip(const std::string &id, QString *error) const {
    QSqlDatabase db = database();
    std::vector<Chip> chips;
    QString why;
    if (!rows::loadChips(db, id, &chips, &why, rows::Table::shipped)) {
        *error = located(why);
        return std::nullopt;
    }
    if (chips.empty())
        return std::nullopt;
    return std::move(chips.front());
}

std::optional<Offering> CatalogStore::shippedOffering(const std::string &offeringId,
                                                      QString *error) const {
    QSqlDatabase db = database();
    const rows::OfferingKey key = rows::splitOfferingId(offeringId);
    const std::string &provider = key.provider;
    const std::string &instance = key.instance;
    std::optional<Offering> found;
    QString why;
    if (!rows::loadOffering(db, provider, instance, &found, &why, rows::Table::shipped))
        *error = located(why);
    return found;
}

std::optional<qint64> CatalogStore::chipRevision(const std::string &id, QString *error) const {
    QSqlDatabase db = database();
    QString why;
    const auto revision = rows::chipRevision(db, id, &why);
    if (!why.isEmpty())
        *error = located(why);
    return revision;
}

std::optional<qint64> CatalogStore::offeringRevision(const std::string &offeringId,
                                                     QString *error) const {
    QSqlDatabase db = database();
    const rows::OfferingKey key = rows::splitOfferingId(offeringId);
    const std::string &provider = key.provider;
    const std::string &instance = key.instance;
    QString why;
    const auto revision = rows::offeringRevision(db, provider, instance, &why);
    if (!why.isEmpty())
        *error = located(why);
    return revision;
}

std::vector<Offering> CatalogStore::offeringsOf(const std::string &chipId, QString *error) const {
    QSqlDatabase db = database();
    std::vector<Offering> offerings;
    QString why;
    if (!rows::loadOfferings(db, chipId, &offerings, &why))
        *error = QStringLiteral("%1: %2").arg(native(path_), why);
    return offerings;
}

} // namespace accelplan::data
