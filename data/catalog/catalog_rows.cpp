// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog_rows.h"

#include "catalog/row_reader.h"
#include "io/catalog_fields.h"
#include "support/qt_text.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <unordered_map>

namespace accelplan::data::rows {
namespace {

QVariant nullable(const std::optional<double> &v) {
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<double>());
}

QString describe(const QSqlQuery &q) { return q.lastError().text(); }

// Chip columns after the fixed ones follow chipQuantityFields(): one column per quantity.
const QStringList &chipQuantityColumns() {
    static const QStringList columns{
        QStringLiteral("peak_fp64"),         QStringLiteral("peak_fp32"),
        QStringLiteral("peak_tf32"),         QStringLiteral("peak_bf16"),
        QStringLiteral("peak_fp16"),         QStringLiteral("peak_fp8"),
        QStringLiteral("peak_int8"),         QStringLiteral("peak_fp4"),
        QStringLiteral("peak_int4"),         QStringLiteral("onchip_sram_bytes"),
        QStringLiteral("memory_bytes"),      QStringLiteral("memory_bandwidth"),
        QStringLiteral("scaleup_bandwidth"), QStringLiteral("scaleout_bandwidth"),
        QStringLiteral("tdp_watts"),         QStringLiteral("tdp_watts_low"),
        QStringLiteral("tdp_watts_high"),    QStringLiteral("price_usd"),
        QStringLiteral("price_usd_low"),     QStringLiteral("price_usd_high"),
    };
    Q_ASSERT(std::size_t(columns.size()) == chipQuantityFields().size());
    return columns;
}

// Offering columns after the fixed ones follow offeringQuantityFields().
const QStringList &offeringQuantityColumns() {
    static const QStringList columns{
        QStringLiteral("usd_per_hour_on_demand"), QStringLiteral("usd_per_hour_spot"),
        QStringLiteral("usd_per_hour_reserved_1y"), QStringLiteral("usd_per_hour_reserved_3y"),
        QStringLiteral("scaleout_bandwidth")};
    Q_ASSERT(std::size_t(columns.size()) == offeringQuantityFields().size());
    return columns;
}

QVariant nullableInt(const std::optional<int> &v) {
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<int>());
}

// A list of names in one column: "us-east-1;us;eu".
QString joined(const std::vector<std::string> &names) {
    std::string out; // never a null QString: the column is NOT NULL
    for (const std::string &n : names)
        out.append(out.empty() ? "" : ";").append(n);
    return qs(out);
}
std::vector<std::string> split(const std::string &text) {
    std::vector<std::string> names;
    for (const QString &part : qs(text).split(u';', Qt::SkipEmptyParts))
        names.push_back(part.trimmed().toStdString());
    return names;
}

constexpr int kChipLeadingColumns = 7; // id .. process

QString chipsTable(Table t) {
    return t == Table::user ? QStringLiteral("chips") : QStringLiteral("shipped_chips");
}
QString sourcesTable(Table t) {
    return t == Table::user ? QStringLiteral("chip_sources")
                            : QStringLiteral("shipped_chip_sources");
}
QString offeringsTable(Table t) {
    return t == Table::user ? QStringLiteral("offerings") : QStringLiteral("shipped_offerings");
}

// Binds every column of chipColumns(), in order.
void bindChip(QSqlQuery &q, const Chip &chip) {
    q.addBindValue(qs(chip.id));
    q.addBindValue(qs(chip.vendor));
    q.addBindValue(qs(chip.family));
    q.addBindValue(qs(chip.name));
    q.addBindValue(qs(toString(chip.kind)));
    q.addBindValue(chip.launchYear ? QVariant(*chip.launchYear)
                                   : QVariant(QMetaType::fromType<int>()));
    q.addBindValue(qs(chip.process));
    for (const auto &field : chipQuantityFields())
        q.addBindValue(nullable(field.get(chip)));
    q.addBindValue(qs(chip.memoryType));
    q.addBindValue(qs(chip.scaleUp.fabric));
    q.addBindValue(chip.scaleUp.domainSize);
    q.addBindValue(qs(toString(chip.scaleUp.topology)));
    q.addBindValue(qs(chip.software));
    q.addBindValue(qs(chip.notes));
    q.addBindValue(qs(toString(chip.provenance)));
    q.addBindValue(chip.chipClass ? QVariant(qs(toString(*chip.chipClass)))
                                  : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(qs(toString(chip.roles)));
    q.addBindValue(qs(chip.efficiencyFamily));
}

// Binds every column of offeringColumns(), in order.
void bindOffering(QSqlQuery &q, const Offering &o) {
    q.addBindValue(qs(o.provider));
    q.addBindValue(qs(o.instance));
    q.addBindValue(qs(o.chipId));
    q.addBindValue(qs(o.region));
    q.addBindValue(o.chipsPerInstance);
    // Prices are stored per instance-hour, the unit people read in the table, as in the files.
    for (const auto &field : offeringQuantityFields()) {
        const auto v = field.get(o);
        q.addBindValue(
            nullable(v ? std::optional<double>(toFileNumber(*v, field.fileScale)) : std::nullopt));
    }
    q.addBindValue(qs(o.asOf));
    q.addBindValue(qs(o.source));
    q.addBindValue(qs(o.notes));
    q.addBindValue(qs(toString(o.provenance)));
    q.addBindValue(qs(o.currency));
    q.addBindValue(nullable(o.publishedPerHour));
    q.addBindValue(nullable(o.usdRate));
    q.addBindValue(qs(o.usdRateDate));
    q.addBindValue(qs(o.clusterNetwork));
    q.addBindValue(nullableInt(o.maxInstances));
    q.addBindValue(joined(o.regions));
}

int columnCount(const QString &columns) { return int(columns.count(u',')) + 1; }

// A user record written now gets the number of the current write transaction as its revision
// (write_transaction.cpp counts them): revisions never repeat, even after a delete.
QString revisionNow() {
    return QStringLiteral("COALESCE((SELECT CAST(value AS INTEGER) FROM catalog_meta WHERE key = "
                          "'%1'), 0)")
        .arg(QLatin1String(kWriteCountKey));
}

bool insertSources(QSqlDatabase &db, const Chip &chip, QString *error, Table table) {
    QSqlQuery s(db);
    s.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (?, ?, ?, ?, ?, ?, ?)")
                  .arg(sourcesTable(table), sourceColumns()));
    for (std::size_t i = 0; i < chip.sources.size(); ++i) {
        const Source &source = chip.sources[i];
        s.addBindValue(qs(chip.id));
        s.addBindValue(int(i));
        s.addBindValue(qs(source.field));
        s.addBindValue(qs(source.url));
        s.addBindValue(qs(source.title));
        s.addBindValue(qs(source.retrieved));
        s.addBindValue(source.basis ? QVariant(qs(toString(*source.basis)))
                                    : QVariant(QMetaType::fromType<QString>()));
        if (!s.exec()) {
            *error = QStringLiteral("cannot store a source of chip %1: %2")
                         .arg(qs(chip.id), describe(s));
            return false;
        }
    }
    return true;
}

bool run(QSqlQuery &q, const QString &what, QString *error) {
    if (q.exec())
        return true;
    *error = QStringLiteral("%1: %2").arg(what, describe(q));
    return false;
}
constexpr int kOfferingLeadingColumns = 5;

QString placeholders(int n) {
    QStringList marks;
    for (int i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

} // namespace

const QString &chipColumns() {
    static const QString columns =
        QStringLiteral("id, vendor, family, name, kind, launch_year, process, ") +
        chipQuantityColumns().join(QStringLiteral(", ")) +
        QStringLiteral(", memory_type, scaleup_fabric, scaleup_domain, scaleup_topology, software,"
                       " notes, provenance, class, roles, efficiency_family");
    return columns;
}

const QString &offeringColumns() {
    static const QString columns =
        QStringLiteral("provider, instance, chip_id, region, chips_per_instance, ") +
        offeringQuantityColumns().join(QStringLiteral(", ")) +
        QStringLiteral(", as_of, source, notes, provenance, currency, published_per_hour,"
                       " usd_rate, usd_rate_date, cluster_network, max_instances, regions");
    return columns;
}

const QString &sourceColumns() {
    static const QString columns =
        QStringLiteral("chip_id, position, field, url, title, retrieved, basis");
    return columns;
}

bool insertChip(QSqlDatabase &db, const Chip &chip, QString *error, Table table) {
    QSqlQuery q(db);
    const bool user = table == Table::user;
    q.prepare(QStringLiteral("INSERT INTO %1 (%2%3) VALUES (%4%5)")
                  .arg(chipsTable(table), chipColumns(),
                       user ? QStringLiteral(", revision") : QString(),
                       placeholders(columnCount(chipColumns())),
                       user ? QStringLiteral(", ") + revisionNow() : QString()));
    bindChip(q, chip);
    return run(q, QStringLiteral("cannot store chip %1").arg(qs(chip.id)), error) &&
           insertSources(db, chip, error, table);
}

bool insertOffering(QSqlDatabase &db, const Offering &o, QString *error, Table table) {
    QSqlQuery q(db);
    const bool user = table == Table::user;
    q.prepare(QStringLiteral("INSERT INTO %1 (%2%3) VALUES (%4%5)")
                  .arg(offeringsTable(table), offeringColumns(),
                       user ? QStringLiteral(", revision") : QString(),
                       placeholders(columnCount(offeringColumns())),
                       user ? QStringLiteral(", ") + revisionNow() : QString()));
    bindOffering(q, o);
    return run(q, QStringLiteral("cannot store offering %1").arg(qs(o.id())), error);
}

bool updateChip(QSqlDatabase &db, const Chip &chip, QString *error, Table table) {
    QSqlQuery q(db);
    // Row-value assignment (SQLite 3.15, PostgreSQL): one column list for insert and update.
    q.prepare(QStringLiteral("UPDATE %1 SET (%2) = (%3)%4 WHERE id = ?")
                  .arg(chipsTable(table), chipColumns(), placeholders(columnCount(chipColumns())),
                       table == Table::user ? QStringLiteral(", revision = ") + revisionNow()
                                            : QString()));
    bindChip(q, chip);
    q.addBindValue(qs(chip.id));
    QSqlQuery s(db);
    s.prepare(QStringLiteral("DELETE FROM %1 WHERE chip_id = ?").arg(sourcesTable(table)));
    s.addBindValue(qs(chip.id));
    const QString what = QStringLiteral("cannot store chip %1").arg(qs(chip.id));
    return run(q, what, error) && run(s, what, error) && insertSources(db, chip, error, table);
}

bool updateOffering(QSqlDatabase &db, const Offering &o, QString *error, Table table) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE %1 SET (%2) = (%3)%4 WHERE provider = ? AND instance = ?")
                  .arg(offeringsTable(table), offeringColumns(),
                       placeholders(columnCount(offeringColumns())),
                       table == Table::user ? QStringLiteral(", revision = ") + revisionNow()
                                            : QString()));
    bindOffering(q, o);
    q.addBindValue(qs(o.provider));
    q.addBindValue(qs(o.instance));
    return run(q, QStringLiteral("cannot store offering %1").arg(qs(o.id())), error);
}

bool deleteChip(QSqlDatabase &db, const std::string &id, QString *error, Table table) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(chipsTable(table)));
    q.addBindValue(qs(id));
    return run(q, QStringLiteral("cannot delete chip %1").arg(qs(id)), error);
}

bool deleteOffering(QSqlDatabase &db, const std::string &provider, const std::string &instance,
                    QString *error, Table table) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE provider = ? AND instance = ?")
                  .arg(offeringsTable(table)));
    q.addBindValue(qs(provider));
    q.addBindValue(qs(instance));
    return run(q, QStringLiteral("cannot delete offering %1/%2").arg(qs(provider), qs(instance)),
               error);
}

bool deleteAll(QSqlDatabase &db, QString *error, Table table) {
    // Offerings first: in the user's tables they refer to the chips.
    for (const QString &t : {offeringsTable(table), sourcesTable(table), chipsTable(table)}) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM %1").arg(t));
        if (!run(q, QStringLiteral("cannot empty %1").arg(t), error))
            return false;
    }
    return true;
}

bool loadChips(QSqlDatabase &db, const std::optional<std::string> &onlyId, std::vector<Chip> *chips,
               QString *error, Table table) {
    RowReader q(db, QStringLiteral("SELECT %1 FROM %2%3 ORDER BY id")
                        .arg(chipColumns(), chipsTable(table),
                             onlyId ? QStringLiteral(" WHERE id = ?") : QString()));
    if (onlyId)
        q.bind(1, *onlyId);
    const auto &fields = chipQuantityFields();
    const int tail = kChipLeadingColumns + int(fields.size());
    std::unordered_map<std::string, std::size_t> byId;
    while (q.step()) {
        Chip chip;
        chip.id = q.text(0);
        chip.vendor = q.text(1);
        chip.family = q.text(2);
        chip.name = q.text(3);
        chip.kind = chipKindFromString(q.text(4)).value_or(ChipKind::other);
        if (!q.isNull(5))
            chip.launchYear = int(q.integer(5));
        chip.process = q.text(6);
        for (std::size_t i = 0; i < fields.size(); ++i)
            fields[i].set(chip, q.real(kChipLeadingColumns + int(i)));
        chip.memoryType = q.text(tail);
        chip.scaleUp.fabric = q.text(tail + 1);
        chip.scaleUp.domainSize = int(q.integer(tail + 2));
        chip.scaleUp.topology = topologyFromString(q.text(tail + 3)).value_or(Topology::none);
        chip.software = q.text(tail + 4);
        chip.notes = q.text(tail + 5);
        chip.provenance = provenanceFromString(q.text(tail + 6)).value_or(Provenance::userAdded);
        chip.chipClass = chipClassFromString(q.text(tail + 7));
        chip.roles = rolesFromString(q.text(tail + 8)).value_or(Roles{});
        chip.efficiencyFamily = q.text(tail + 9);
        byId.emplace(chip.id, chips->size());
        chips->push_back(std::move(chip));
    }
    if (!q.error().isEmpty()) {
        *error = QStringLiteral("cannot read chips: %1").arg(q.error());
        return false;
    }

    RowReader s(db, QStringLiteral("SELECT chip_id, field, url, title, retrieved, basis"
                                   " FROM %1%2"
                                   " ORDER BY chip_id, position")
                        .arg(sourcesTable(table),
                             onlyId ? QStringLiteral(" WHERE chip_id = ?") : QString()));
    if (onlyId)
        s.bind(1, *onlyId);
    while (s.step()) {
        auto it = byId.find(s.text(0));
        if (it == byId.end())
            continue; // the foreign key makes this impossible; stay safe anyway
        (*chips)[it->second].sources.push_back(
            {s.text(1), s.text(2), s.text(3), s.text(4), basisFromString(s.text(5))});
    }
    if (!s.error().isEmpty()) {
        *error = QStringLiteral("cannot read sources: %1").arg(s.error());
        return false;
    }
    return true;
}

namespace {

bool readOfferings(RowReader &q, std::vector<Offering> *offerings, QString *error) {
    const auto &fields = offeringQuantityFields();
    const int tail = kOfferingLeadingColumns + int(fields.size());
    while (q.step()) {
        Offering o;
        o.provider = q.text(0);
        o.instance = q.text(1);
        o.chipId = q.text(2);
        o.region = q.text(3);
        o.chipsPerInstance = int(q.integer(4));
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const auto stored = q.real(kOfferingLeadingColumns + int(i));
            fields[i].set(
                o, stored ? std::optional<double>(fromFileNumber(*stored, fields[i].fileScale))
                          : std::nullopt);
        }
        o.asOf = q.text(tail);
        o.source = q.text(tail + 1);
        o.notes = q.text(tail + 2);
        o.provenance = provenanceFromString(q.text(tail + 3)).value_or(Provenance::userAdded);
        o.currency = q.text(tail + 4);
        o.publishedPerHour = q.real(tail + 5);
        o.usdRate = q.real(tail + 6);
        o.usdRateDate = q.text(tail + 7);
        o.clusterNetwork = q.text(tail + 8);
        if (!q.isNull(tail + 9))
            o.maxInstances = int(q.integer(tail + 9));
        o.regions = split(q.text(tail + 10));
        offerings->push_back(std::move(o));
    }
    if (!q.error().isEmpty()) {
        *error = QStringLiteral("cannot read offerings: %1").arg(q.error());
        return false;
    }
    return true;
}

} // namespace

bool loadOfferings(QSqlDatabase &db, const std::optional<std::string> &onlyChip,
                   std::vector<Offering> *offerings, QString *error, Table table) {
    RowReader q(db, QStringLiteral("SELECT %1 FROM %2%3 ORDER BY provider, instance")
                        .arg(offeringColumns(), offeringsTable(table),
                             onlyChip ? QStringLiteral(" WHERE chip_id = ?") : QString()));
    if (onlyChip)
        q.bind(1, *onlyChip);
    return readOfferings(q, offerings, error);
}

bool loadOffering(QSqlDatabase &db, const std::string &provider, const std::string &instance,
                  std::optional<Offering> *offering, QString *error, Table table) {
    RowReader q(db, QStringLiteral("SELECT %1 FROM %2 WHERE provider = ? AND instance = ?")
                        .arg(offeringColumns(), offeringsTable(table)));
    q.bind(1, provider);
    q.bind(2, instance);
    std::vector<Offering> found;
    if (!readOfferings(q, &found, error))
        return false;
    *offering = found.empty() ? std::nullopt : std::optional<Offering>(std::move(found.front()));
    return true;
}

namespace {

std::optional<qint64> revision(QSqlQuery &q, QString *error) {
    if (!q.exec()) {
        *error = QStringLiteral("cannot read a revision: %1").arg(describe(q));
        return std::nullopt;
    }
    return q.next() ? std::optional<qint64>(q.value(0).toLongLong()) : std::nullopt;
}

} // namespace

std::optional<qint64> chipRevision(QSqlDatabase &db, const std::string &id, QString *error) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT revision FROM chips WHERE id = ?"));
    q.addBindValue(qs(id));
    return revision(q, error);
}

std::optional<qint64> offeringRevision(QSqlDatabase &db, const std::string &provider,
                                       const std::string &instance, QString *error) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT revision FROM offerings WHERE provider = ? AND instance = ?"));
    q.addBindValue(qs(provider));
    q.addBindValue(qs(instance));
    return revision(q, error);
}

bool loadRevisions(QSqlDatabase &db, std::map<std::string, qint64> *chips,
                   std::map<std::string, qint64> *offerings, QString *error) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, revision FROM chips"))) {
        *error = QStringLiteral("cannot read the revisions: %1").arg(describe(q));
        return false;
    }
    while (q.next())
        (*chips)[q.value(0).toString().toStdString()] = q.value(1).toLongLong();
    if (!q.exec(QStringLiteral("SELECT provider, instance, revision FROM offerings"))) {
        *error = QStringLiteral("cannot read the revisions: %1").arg(describe(q));
        return false;
    }
    while (q.next())
        (*offerings)[q.value(0).toString().toStdString() + '/' +
                     q.value(1).toString().toStdString()] = q.value(2).toLongLong();
    return true;
}

QString meta(QSqlDatabase &db, const QString &key) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM catalog_meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

bool setMeta(QSqlDatabase &db, const QString &key, const QString &value, QString *error) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM catalog_meta WHERE key = ?"));
    q.addBindValue(key);
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO catalog_meta (key, value) VALUES (?, ?)"));
    insert.addBindValue(key);
    insert.addBindValue(value);
    if (!q.exec() || !insert.exec()) {
        *error = QStringLiteral("cannot record %1: %2").arg(key, insert.lastError().text());
        return false;
    }
    return true;
}

} // namespace accelplan::data::rows
