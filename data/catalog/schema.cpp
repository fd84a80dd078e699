// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/schema.h"

#include "catalog/server_catalog.h"
#include "catalog/sqlite_file.h"

#include <QAtomicInt>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <map>
#include <optional>
#include <vector>

namespace accelplan::data::schema {
namespace {

// The same columns added to the user's tables and to the shipped ones.
QStringList stepThree() {
    QStringList sql;
    for (const QString &chips : {QStringLiteral("chips"), QStringLiteral("shipped_chips")}) {
        sql << QStringLiteral("ALTER TABLE %1 ADD COLUMN class VARCHAR(16)").arg(chips)
            << QStringLiteral("ALTER TABLE %1 ADD COLUMN roles VARCHAR(32) NOT NULL"
                              " DEFAULT 'training;inference'")
                   .arg(chips);
        for (const char *column :
             {"tdp_watts_low", "tdp_watts_high", "price_usd_low", "price_usd_high"})
            sql << QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 DOUBLE PRECISION")
                       .arg(chips, QLatin1String(column));
    }
    for (const QString &sources :
         {QStringLiteral("chip_sources"), QStringLiteral("shipped_chip_sources")})
        sql << QStringLiteral("ALTER TABLE %1 ADD COLUMN basis VARCHAR(16)").arg(sources);
    for (const QString &offerings :
         {QStringLiteral("offerings"), QStringLiteral("shipped_offerings")}) {
        sql << QStringLiteral("ALTER TABLE %1 ADD COLUMN currency VARCHAR(3) NOT NULL"
                              " DEFAULT 'USD'")
                   .arg(offerings);
        for (const char *column :
             {"published_per_hour DOUBLE PRECISION", "usd_rate DOUBLE PRECISION",
              "usd_rate_date VARCHAR(10) NOT NULL DEFAULT ''",
              "cluster_network VARCHAR(32) NOT NULL DEFAULT ''",
              "scaleout_bandwidth DOUBLE PRECISION", "max_instances INTEGER",
              "regions TEXT NOT NULL DEFAULT ''"})
            sql << QStringLiteral("ALTER TABLE %1 ADD COLUMN %2")
                       .arg(offerings, QLatin1String(column));
    }
    return sql;
}

// Each entry is one step; never edit a step that has shipped, add a new one.
const std::vector<QStringList> &steps() {
    static const std::vector<QStringList> all{
        // 1: chips, their sources, offerings, and the catalog's own settings (data version).
        {
            QStringLiteral("CREATE TABLE catalog_meta ("
                           " key VARCHAR(64) PRIMARY KEY,"
                           " value TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE chips ("
                " id VARCHAR(128) PRIMARY KEY,"
                " vendor TEXT NOT NULL,"
                " family TEXT NOT NULL DEFAULT '',"
                " name TEXT NOT NULL,"
                " kind VARCHAR(8) NOT NULL CHECK (kind IN ('gpu','tpu','npu','cpu','other')),"
                " launch_year INTEGER,"
                " process TEXT NOT NULL DEFAULT '',"
                " peak_fp64 DOUBLE PRECISION, peak_fp32 DOUBLE PRECISION,"
                " peak_tf32 DOUBLE PRECISION, peak_bf16 DOUBLE PRECISION,"
                " peak_fp16 DOUBLE PRECISION, peak_fp8 DOUBLE PRECISION,"
                " peak_int8 DOUBLE PRECISION, peak_fp4 DOUBLE PRECISION,"
                " peak_int4 DOUBLE PRECISION,"
                " onchip_sram_bytes DOUBLE PRECISION,"
                " memory_type TEXT NOT NULL DEFAULT '',"
                " memory_bytes DOUBLE PRECISION,"
                " memory_bandwidth DOUBLE PRECISION,"
                " scaleup_fabric TEXT NOT NULL DEFAULT '',"
                " scaleup_bandwidth DOUBLE PRECISION,"
                " scaleup_domain INTEGER NOT NULL DEFAULT 1 CHECK (scaleup_domain >= 1),"
                " scaleup_topology VARCHAR(16) NOT NULL DEFAULT 'none',"
                " scaleout_bandwidth DOUBLE PRECISION,"
                " tdp_watts DOUBLE PRECISION,"
                " price_usd DOUBLE PRECISION,"
                " software TEXT NOT NULL DEFAULT '',"
                " notes TEXT NOT NULL DEFAULT '',"
                " provenance VARCHAR(16) NOT NULL DEFAULT 'shipped'"
                "  CHECK (provenance IN ('shipped','user-modified','user-added')))"),
            QStringLiteral("CREATE TABLE chip_sources ("
                           " chip_id VARCHAR(128) NOT NULL REFERENCES chips(id) ON DELETE CASCADE"
                           "  ON UPDATE CASCADE,"
                           " position INTEGER NOT NULL,"
                           " field VARCHAR(64) NOT NULL DEFAULT '*',"
                           " url TEXT NOT NULL DEFAULT '',"
                           " title TEXT NOT NULL DEFAULT '',"
                           " retrieved VARCHAR(10) NOT NULL DEFAULT '',"
                           " PRIMARY KEY (chip_id, position))"),
            QStringLiteral("CREATE TABLE offerings ("
                           " provider VARCHAR(64) NOT NULL,"
                           " instance VARCHAR(128) NOT NULL,"
                           " chip_id VARCHAR(128) NOT NULL REFERENCES chips(id) ON DELETE CASCADE"
                           "  ON UPDATE CASCADE,"
                           " region TEXT NOT NULL DEFAULT '',"
                           " chips_per_instance INTEGER NOT NULL CHECK (chips_per_instance >= 1),"
                           " usd_per_hour_on_demand DOUBLE PRECISION,"
                           " usd_per_hour_spot DOUBLE PRECISION,"
                           " usd_per_hour_reserved_1y DOUBLE PRECISION,"
                           " usd_per_hour_reserved_3y DOUBLE PRECISION,"
                           " as_of VARCHAR(10) NOT NULL DEFAULT '',"
                           " source TEXT NOT NULL DEFAULT '',"
                           " notes TEXT NOT NULL DEFAULT '',"
                           " provenance VARCHAR(16) NOT NULL DEFAULT 'shipped'"
                           "  CHECK (provenance IN ('shipped','user-modified','user-added')),"
                           " PRIMARY KEY (provider, instance))"),
            QStringLiteral("CREATE INDEX offerings_by_chip ON offerings (chip_id)"),
        },
        // 2: the shipped values beside the user's (shipped_*: the seed last merged), so that a
        // newer seed merges field by field without overwriting what the user changed, and a
        // record can be reset; a revision per record, so that a write based on an outdated read
        // (another program changed the record meanwhile) is refused instead of lost. A file from
        // schema 1 knows its shipped rows only by their provenance: those become the base.
        {
            QStringLiteral("ALTER TABLE chips ADD COLUMN revision INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE offerings ADD COLUMN revision INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE TABLE shipped_chips ("
                           " id VARCHAR(128) PRIMARY KEY,"
                           " vendor TEXT NOT NULL,"
                           " family TEXT NOT NULL DEFAULT '',"
                           " name TEXT NOT NULL,"
                           " kind VARCHAR(8) NOT NULL,"
                           " launch_year INTEGER,"
                           " process TEXT NOT NULL DEFAULT '',"
                           " peak_fp64 DOUBLE PRECISION, peak_fp32 DOUBLE PRECISION,"
                           " peak_tf32 DOUBLE PRECISION, peak_bf16 DOUBLE PRECISION,"
                           " peak_fp16 DOUBLE PRECISION, peak_fp8 DOUBLE PRECISION,"
                           " peak_int8 DOUBLE PRECISION, peak_fp4 DOUBLE PRECISION,"
                           " peak_int4 DOUBLE PRECISION,"
                           " onchip_sram_bytes DOUBLE PRECISION,"
                           " memory_type TEXT NOT NULL DEFAULT '',"
                           " memory_bytes DOUBLE PRECISION,"
                           " memory_bandwidth DOUBLE PRECISION,"
                           " scaleup_fabric TEXT NOT NULL DEFAULT '',"
                           " scaleup_bandwidth DOUBLE PRECISION,"
                           " scaleup_domain INTEGER NOT NULL DEFAULT 1,"
                           " scaleup_topology VARCHAR(16) NOT NULL DEFAULT 'none',"
                           " scaleout_bandwidth DOUBLE PRECISION,"
                           " tdp_watts DOUBLE PRECISION,"
                           " price_usd DOUBLE PRECISION,"
                           " software TEXT NOT NULL DEFAULT '',"
                           " notes TEXT NOT NULL DEFAULT '',"
                           " provenance VARCHAR(16) NOT NULL DEFAULT 'shipped')"),
            QStringLiteral("CREATE TABLE shipped_chip_sources ("
                           " chip_id VARCHAR(128) NOT NULL REFERENCES shipped_chips(id)"
                           "  ON DELETE CASCADE ON UPDATE CASCADE,"
                           " position INTEGER NOT NULL,"
                           " field VARCHAR(64) NOT NULL DEFAULT '*',"
                           " url TEXT NOT NULL DEFAULT '',"
                           " title TEXT NOT NULL DEFAULT '',"
                           " retrieved VARCHAR(10) NOT NULL DEFAULT '',"
                           " PRIMARY KEY (chip_id, position))"),
            // No foreign key to chips: a shipped offering stays known after the user deletes
            // its chip, so that the next merge does not bring it back.
            QStringLiteral("CREATE TABLE shipped_offerings ("
                           " provider VARCHAR(64) NOT NULL,"
                           " instance VARCHAR(128) NOT NULL,"
                           " chip_id VARCHAR(128) NOT NULL,"
                           " region TEXT NOT NULL DEFAULT '',"
                           " chips_per_instance INTEGER NOT NULL,"
                           " usd_per_hour_on_demand DOUBLE PRECISION,"
                           " usd_per_hour_spot DOUBLE PRECISION,"
                           " usd_per_hour_reserved_1y DOUBLE PRECISION,"
                           " usd_per_hour_reserved_3y DOUBLE PRECISION,"
                           " as_of VARCHAR(10) NOT NULL DEFAULT '',"
                           " source TEXT NOT NULL DEFAULT '',"
                           " notes TEXT NOT NULL DEFAULT '',"
                           " provenance VARCHAR(16) NOT NULL DEFAULT 'shipped',"
                           " PRIMARY KEY (provider, instance))"),
            QStringLiteral(
                "INSERT INTO shipped_chips SELECT id, vendor, family, name, kind, launch_year,"
                " process, peak_fp64, peak_fp32, peak_tf32, peak_bf16, peak_fp16, peak_fp8,"
                " peak_int8, peak_fp4, peak_int4, onchip_sram_bytes, memory_type, memory_bytes,"
                " memory_bandwidth, scaleup_fabric, scaleup_bandwidth, scaleup_domain,"
                " scaleup_topology, scaleout_bandwidth, tdp_watts, price_usd, software, notes,"
                " provenance FROM chips WHERE provenance = 'shipped'"),
            QStringLiteral("INSERT INTO shipped_chip_sources SELECT s.chip_id, s.position, s.field,"
                           " s.url, s.title, s.retrieved FROM chip_sources s"
                           " JOIN chips c ON c.id = s.chip_id WHERE c.provenance = 'shipped'"),
            QStringLiteral(
                "INSERT INTO shipped_offerings SELECT provider, instance, chip_id, region,"
                " chips_per_instance, usd_per_hour_on_demand, usd_per_hour_spot,"
                " usd_per_hour_reserved_1y, usd_per_hour_reserved_3y, as_of, source, notes,"
                " provenance FROM offerings WHERE provenance = 'shipped'"),
        },
        // 3 (data 2026.12): a chip's class, roles and TDP and price ranges; how a source's value
        // is known; an offering's published currency and rate, cluster network and regions.
        // Rows of schema 2 keep their values; the new ones are unknown, USD, or able to train
        // and serve (what every chip was until now) until the next seed merge fills them in.
        stepThree(),
        // 4 (data 2026.12-2): the rows of the efficiency table a chip's predictions use. Empty
        // until the next seed merge fills it in for shipped chips: its software stack's rows,
        // as schema 3 files were predicted.
        {
            QStringLiteral("ALTER TABLE chips ADD COLUMN efficiency_family VARCHAR(64) NOT NULL"
                           " DEFAULT ''"),
            QStringLiteral("ALTER TABLE shipped_chips ADD COLUMN efficiency_family VARCHAR(64)"
                           " NOT NULL DEFAULT ''"),
        },
        // 5: scenarios kept in the catalog, for a team to share beside its files: the
        // scenario's JSON (accelplan.scenario/1) by name, with who saved it and when.
        {
            QStringLiteral("CREATE TABLE shared_scenarios ("
                           " name VARCHAR(200) PRIMARY KEY,"
                           " body TEXT NOT NULL,"
                           " saved_by VARCHAR(128) NOT NULL DEFAULT '',"
                           " saved_at VARCHAR(32) NOT NULL DEFAULT '')"),
        },
    };
    return all;
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = q.lastError().text();
    return false;
}

// A server keeps its schema version in catalog_meta (step 1 makes the table).
const QString kVersionKey = QStringLiteral("schema_version");

bool recordServerVersion(QSqlDatabase &db, int version, QString *error) {
    QSqlQuery remove(db), insert(db);
    remove.prepare(QStringLiteral("DELETE FROM catalog_meta WHERE key = ?"));
    remove.addBindValue(kVersionKey);
    insert.prepare(QStringLiteral("INSERT INTO catalog_meta (key, value) VALUES (?, ?)"));
    insert.addBindValue(kVersionKey);
    insert.addBindValue(QString::number(version));
    if (remove.exec() && insert.exec())
        return true;
    *error = server::describeError(insert.lastError().isValid() ? insert.lastError()
                                                                : remove.lastError());
    return false;
}

struct SchemaEntry {
    QString type; // table, index, view, trigger
    QString table;
    QString sql;
};

// sqlite_master by name, without SQLite's own entries (sqlite_autoindex_*, sqlite_stat1, ...),
// which follow from the rest or only steer the query planner. A view or trigger is kept
// whatever its name.
std::optional<std::map<QString, SchemaEntry>> schemaOf(QSqlDatabase &db, QString *error) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master"))) {
        *error = sqlite::describeError(q.lastError());
        return std::nullopt;
    }
    std::map<QString, SchemaEntry> entries;
    while (q.next()) {
        SchemaEntry e{q.value(0).toString(), q.value(2).toString(), q.value(3).toString()};
        const QString name = q.value(1).toString();
        const bool own = e.type == QLatin1String("table") || e.type == QLatin1String("index");
        if (own && name.startsWith(QLatin1String("sqlite_"), Qt::CaseInsensitive))
            continue;
        entries.emplace(name, std::move(e));
    }
    return entries;
}

// The schema steps 1..version make, built in memory by the same SQLite.
std::optional<std::map<QString, SchemaEntry>> expectedSchema(int version, QString *error) {
    static QAtomicInt counter;
    const QString name =
        QStringLiteral("accelplan-schema-reference-%1").arg(counter.fetchAndAddRelaxed(1));
    std::optional<std::map<QString, SchemaEntry>> entries;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (!db.open())
            *error = sqlite::describeError(db.lastError());
        else if (migrate(db, 0, version, error))
            entries = schemaOf(db, error);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return entries;
}

} // namespace

QStringList differences(QSqlDatabase &db, int version) {
    QString why;
    if (server::isServer(db)) {
        // A server's schema is its administrator's (they may add their own views, triggers
        // and grants): only the catalog's own tables must be there.
        const auto expected = expectedSchema(version, &why);
        if (!expected)
            return {QStringLiteral("the expected schema cannot be made (%1)").arg(why)};
        const QStringList tables = db.tables();
        QStringList out;
        for (const auto &[name, e] : *expected)
            if (e.type == QLatin1String("table") && !tables.contains(name))
                out << QStringLiteral("the table '%1' is missing").arg(name);
        return out;
    }
    const auto actual = schemaOf(db, &why);
    if (!actual)
        return {QStringLiteral("its schema cannot be read (%1)").arg(why)};
    const auto expected = expectedSchema(version, &why);
    if (!expected)
        return {QStringLiteral("the expected schema cannot be made (%1)").arg(why)};
    QStringList out;
    for (const auto &[name, e] : *actual) {
        const auto want = expected->find(name);
        if (want == expected->end()) {
            out << (e.type == QLatin1String("trigger")
                        ? QStringLiteral("it has a trigger '%1' on '%2', which a catalog never has")
                              .arg(name, e.table)
                        : QStringLiteral("it has a %1 '%2' that a catalog does not have")
                              .arg(e.type, name));
        } else if (want->second.type != e.type) {
            out << QStringLiteral("'%1' is a %2, not a %3").arg(name, e.type, want->second.type);
        } else if (want->second.table != e.table || want->second.sql != e.sql) {
            out << QStringLiteral("the %1 '%2' is defined differently").arg(e.type, name);
        }
    }
    for (const auto &[name, e] : *expected)
        if (!actual->contains(name))
            out << QStringLiteral("the %1 '%2' is missing").arg(e.type, name);
    return out;
}

int currentVersion() { return int(steps().size()); }

int versionOf(QSqlDatabase &db, QString *error) {
    QSqlQuery q(db);
    if (server::isServer(db)) {
        if (!db.tables().contains(QStringLiteral("catalog_meta")))
            return 0;
        q.prepare(QStringLiteral("SELECT value FROM catalog_meta WHERE key = ?"));
        q.addBindValue(kVersionKey);
        if (!q.exec()) {
            if (error)
                *error = server::describeError(q.lastError());
            return -1;
        }
        return q.next() ? q.value(0).toInt() : 0;
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        if (error)
            *error = sqlite::describeError(q.lastError());
        return -1;
    }
    return q.value(0).toInt();
}

bool migrate(QSqlDatabase &db, int from, int to, QString *error) {
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    for (int step = from + 1; step <= to; ++step) {
        for (const QString &sql : steps()[std::size_t(step - 1)]) {
            QString why;
            if (!exec(db, sql, &why)) {
                db.rollback();
                *error = QStringLiteral("schema step %1 failed: %2").arg(step).arg(why);
                return false;
            }
        }
    }
    QString why;
    bool recorded = server::isServer(db)
                        ? recordServerVersion(db, to, &why)
                        : exec(db, QStringLiteral("PRAGMA user_version = %1").arg(to), &why);
    if (recorded && !db.commit()) {
        why = db.lastError().text();
        recorded = false;
    }
    if (!recorded) {
        db.rollback();
        *error = QStringLiteral("cannot record schema version %1: %2").arg(to).arg(why);
        return false;
    }
    return true;
}

} // namespace accelplan::data::schema
