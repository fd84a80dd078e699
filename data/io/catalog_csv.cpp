// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/catalog_csv.h"

#include "io/catalog_fields.h"
#include "io/catalog_json.h"
#include "io/csv.h"
#include "support/qt_text.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace accelplan::data {
namespace {

// One column of a section: its name, whether it must be there (and filled), and how a cell is
// read into a record and written from one.
template <class Record> struct Column {
    QString name;
    bool required = false;
    std::function<bool(const QString &cell, Record &record, QString *why)> read;
    std::function<QString(const Record &record)> write;
};

template <class Record>
Column<Record> text(const char *name, std::string Record::*member, bool required = false) {
    return {QLatin1String(name), required,
            [member](const QString &cell, Record &r, QString *) {
                r.*member = cell.toStdString();
                return true;
            },
            [member](const Record &r) { return qs(r.*member); }};
}

// A whole number, or nothing for an empty cell.
std::optional<int> wholeNumber(const QString &cell, QString *why) {
    bool ok = false;
    const double v = cell.trimmed().toDouble(&ok);
    if (!ok || v != std::floor(v) || std::abs(v) > 1e9) {
        *why = QStringLiteral("'%1' is not a whole number").arg(cell.trimmed());
        return std::nullopt;
    }
    return int(v);
}

template <class Record, class E>
Column<Record> choice(const char *name, E Record::*member,
                      std::optional<E> (*fromString)(std::string_view), E fallback, bool required,
                      const QString &allowed) {
    return {QLatin1String(name), required,
            [=](const QString &cell, Record &r, QString *why) {
                const QString t = cell.trimmed();
                if (t.isEmpty()) {
                    r.*member = fallback;
                    return true;
                }
                if (auto e = fromString(t.toStdString())) {
                    r.*member = *e;
                    return true;
                }
                *why = QStringLiteral("'%1' is not one of %2").arg(t, allowed);
                return false;
            },
            [member](const Record &r) { return qs(toString(r.*member)); }};
}

// The shortest decimal that reads back as the same double.
QString number(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

// A plain number (a rate, a price in another currency), or nothing for an empty cell.
template <class Record>
Column<Record> plainNumber(const char *name, std::optional<double> Record::*member) {
    return {QLatin1String(name), false,
            [member](const QString &cell, Record &r, QString *why) {
                r.*member = std::nullopt;
                const QString t = cell.trimmed();
                if (t.isEmpty())
                    return true;
                bool ok = false;
                const double v = t.toDouble(&ok);
                if (!ok || !std::isfinite(v)) {
                    *why = QStringLiteral("'%1' is not a number").arg(t);
                    return false;
                }
                r.*member = v;
                return true;
            },
            [member](const Record &r) { return r.*member ? number(*(r.*member)) : QString(); }};
}

template <class Record> Column<Record> quantity(const QuantityField<Record> &field) {
    return {field.key, false,
            [field](const QString &cell, Record &r, QString *why) {
                if (cell.trimmed().isEmpty()) {
                    field.set(r, std::nullopt);
                    return true;
                }
                const auto v = parseFileQuantity(cell, field.measure, field.fileScale, why);
                if (v)
                    field.set(r, v);
                return v.has_value();
            },
            [field](const Record &r) {
                const auto v = field.get(r);
                return v ? number(toFileNumber(*v, field.fileScale)) : QString();
            }};
}

// An optional enum: an empty cell is nothing.
template <class Record, class E>
Column<Record> optionalChoice(const char *name, std::optional<E> Record::*member,
                              std::optional<E> (*fromString)(std::string_view),
                              const QString &allowed) {
    return {
        QLatin1String(name), false,
        [=](const QString &cell, Record &r, QString *why) {
            const QString t = cell.trimmed();
            r.*member = t.isEmpty() ? std::nullopt : fromString(t.toStdString());
            if (t.isEmpty() || r.*member)
                return true;
            *why = QStringLiteral("'%1' is not one of %2").arg(t, allowed);
            return false;
        },
        [member](const Record &r) { return r.*member ? qs(toString(*(r.*member))) : QString(); }};
}

const std::vector<Column<Chip>> &chipColumns() {
    static const std::vector<Column<Chip>> columns = [] {
        std::vector<Column<Chip>> c{
            text("id", &Chip::id, true),
            text("vendor", &Chip::vendor, true),
            text("family", &Chip::family),
            text("name", &Chip::name, true),
            choice("kind", &Chip::kind, chipKindFromString, ChipKind::other, true,
                   qs(namesOf(allChipKinds()))),
            optionalChoice("class", &Chip::chipClass, chipClassFromString,
                           qs(namesOf(allChipClasses()))),
            {QStringLiteral("roles"), false,
             [](const QString &cell, Chip &chip, QString *why) {
                 chip.roles = Roles{};
                 if (cell.trimmed().isEmpty())
                     return true;
                 if (const auto roles = rolesFromString(cell.trimmed().toStdString())) {
                     chip.roles = *roles;
                     return true;
                 }
                 *why = QStringLiteral("'%1' is not 'training;inference' or 'inference'")
                            .arg(cell.trimmed());
                 return false;
             },
             [](const Chip &chip) { return qs(toString(chip.roles)); }},
            {QStringLiteral("year"), false,
             [](const QString &cell, Chip &chip, QString *why) {
                 chip.launchYear.reset();
                 if (cell.trimmed().isEmpty())
                     return true;
                 chip.launchYear = wholeNumber(cell, why);
                 return chip.launchYear.has_value();
             },
             [](const Chip &chip) {
                 return chip.launchYear ? QString::number(*chip.launchYear) : QString();
             }},
            text("process", &Chip::process),
        };
        const auto &quantities = chipQuantityFields();
        // Quantities in the JSON document's order, with the text fields beside their kin.
        for (const auto &q : quantities) {
            if (q.key == QLatin1String("memory_bytes"))
                c.push_back(text("memory_type", &Chip::memoryType));
            if (q.key == QLatin1String("scale_up.bandwidth_bytes_per_s")) {
                c.push_back({QStringLiteral("scale_up.fabric"), false,
                             [](const QString &cell, Chip &chip, QString *) {
                                 chip.scaleUp.fabric = cell.toStdString();
                                 return true;
                             },
                             [](const Chip &chip) { return qs(chip.scaleUp.fabric); }});
            }
            c.push_back(quantity(q));
            if (q.key == QLatin1String("scale_up.bandwidth_bytes_per_s")) {
                c.push_back(
                    {QStringLiteral("scale_up.domain_size"), false,
                     [](const QString &cell, Chip &chip, QString *why) {
                         chip.scaleUp.domainSize = 1;
                         if (cell.trimmed().isEmpty())
                             return true;
                         const auto n = wholeNumber(cell, why);
                         chip.scaleUp.domainSize = n.value_or(1);
                         return n.has_value();
                     },
                     [](const Chip &chip) { return QString::number(chip.scaleUp.domainSize); }});
                c.push_back({QStringLiteral("scale_up.topology"), false,
                             [](const QString &cell, Chip &chip, QString *why) {
                                 const QString t = cell.trimmed();
                                 chip.scaleUp.topology = Topology::none;
                                 if (t.isEmpty())
                                     return true;
                                 if (auto topology = topologyFromString(t.toStdString())) {
                                     chip.scaleUp.topology = *topology;
                                     return true;
                                 }
                                 *why = QStringLiteral("'%1' is not one of %2")
                                            .arg(t, qs(namesOf(allTopologies())));
                                 return false;
                             },
                             [](const Chip &chip) { return qs(toString(chip.scaleUp.topology)); }});
            }
        }
        c.push_back(text("software", &Chip::software));
        c.push_back(text("efficiency_family", &Chip::efficiencyFamily));
        c.push_back(text("notes", &Chip::notes));
        c.push_back(choice("provenance", &Chip::provenance, provenanceFromString,
                           Provenance::shipped, false, qs(namesOf(allProvenances()))));
        return c;
    }();
    return columns;
}

// A source row: the chip it belongs to, then the source.
struct SourceRow {
    std::string chip;
    Source source;
};

const std::vector<Column<SourceRow>> &sourceColumns() {
    static const std::vector<Column<SourceRow>> columns{
        text("chip", &SourceRow::chip, true),
        {QStringLiteral("field"), false,
         [](const QString &cell, SourceRow &r, QString *) {
             r.source.field = cell.trimmed().isEmpty() ? "*" : cell.toStdString();
             return true;
         },
         [](const SourceRow &r) { return qs(r.source.field); }},
        {QStringLiteral("url"), false,
         [](const QString &cell, SourceRow &r, QString *) {
             r.source.url = cell.toStdString();
             return true;
         },
         [](const SourceRow &r) { return qs(r.source.url); }},
        {QStringLiteral("title"), false,
         [](const QString &cell, SourceRow &r, QString *) {
             r.source.title = cell.toStdString();
             return true;
         },
         [](const SourceRow &r) { return qs(r.source.title); }},
        {QStringLiteral("retrieved"), false,
         [](const QString &cell, SourceRow &r, QString *) {
             r.source.retrieved = cell.toStdString();
             return true;
         },
         [](const SourceRow &r) { return qs(r.source.retrieved); }},
        {QStringLiteral("basis"), false,
         [](const QString &cell, SourceRow &r, QString *why) {
             const QString t = cell.trimmed();
             r.source.basis = t.isEmpty() ? std::nullopt : basisFromString(t.toStdString());
             if (t.isEmpty() || r.source.basis)
                 return true;
             *why = QStringLiteral("'%1' is not one of %2").arg(t, qs(namesOf(allBases())));
             return false;
         },
         [](const SourceRow &r) {
             return r.source.basis ? qs(toString(*r.source.basis)) : QString();
         }},
    };
    return columns;
}

const std::vector<Column<Offering>> &offeringColumns() {
    static const std::vector<Column<Offering>> columns = [] {
        std::vector<Column<Offering>> c{
            text("chip", &Offering::chipId, true),
            text("provider", &Offering::provider, true),
            text("instance", &Offering::instance, true),
            text("region", &Offering::region),
            {QStringLiteral("chips_per_instance"), true,
             [](const QString &cell, Offering &o, QString *why) {
                 const auto n = wholeNumber(cell, why);
                 o.chipsPerInstance = n.value_or(1);
                 return n.has_value();
             },
             [](const Offering &o) { return QString::number(o.chipsPerInstance); }},
        };
        for (const auto &q : offeringQuantityFields())
            c.push_back(quantity(q));
        c.push_back(text("as_of", &Offering::asOf));
        c.push_back(text("source", &Offering::source));
        c.push_back(text("notes", &Offering::notes));
        c.push_back({QStringLiteral("currency"), false,
                     [](const QString &cell, Offering &o, QString *) {
                         const QString t = cell.trimmed();
                         o.currency = t.isEmpty() ? "USD" : t.toStdString();
                         return true;
                     },
                     [](const Offering &o) { return qs(o.currency); }});
        c.push_back(plainNumber("published_per_hour", &Offering::publishedPerHour));
        c.push_back(plainNumber("usd_rate", &Offering::usdRate));
        c.push_back(text("usd_rate_date", &Offering::usdRateDate));
        c.push_back(text("cluster_network", &Offering::clusterNetwork));
        c.push_back({QStringLiteral("max_instances"), false,
                     [](const QString &cell, Offering &o, QString *why) {
                         o.maxInstances.reset();
                         if (cell.trimmed().isEmpty())
                             return true;
                         o.maxInstances = wholeNumber(cell, why);
                         return o.maxInstances.has_value();
                     },
                     [](const Offering &o) {
                         return o.maxInstances ? QString::number(*o.maxInstances) : QString();
                     }});
        // Regions in one cell, separated by ';' as spreadsheets cannot hold a list.
        c.push_back({QStringLiteral("regions"), false,
                     [](const QString &cell, Offering &o, QString *) {
                         o.regions.clear();
                         for (const QString &r : cell.split(u';', Qt::SkipEmptyParts))
                             if (!r.trimmed().isEmpty())
                                 o.regions.push_back(r.trimmed().toStdString());
                         return true;
                     },
                     [](const Offering &o) {
                         QStringList parts;
                         for (const std::string &r : o.regions)
                             parts << qs(r);
                         return parts.join(u';');
                     }});
        c.push_back(choice("provenance", &Offering::provenance, provenanceFromString,
                           Provenance::shipped, false, qs(namesOf(allProvenances()))));
        return c;
    }();
    return columns;
}

const QString kChipsSection = QStringLiteral("[chips]");
const QString kSourcesSection = QStringLiteral("[sources]");
const QString kOfferingsSection = QStringLiteral("[offerings]");

// The section a record starts, if it is a section line: one known name in the first cell.
QString sectionOf(const CsvRecord &record) {
    const QString first = record.fields.first().text.trimmed();
    if (first != kChipsSection && first != kSourcesSection && first != kOfferingsSection)
        return {};
    for (qsizetype i = 1; i < record.fields.size(); ++i)
        if (!record.fields[i].text.trimmed().isEmpty())
            return {};
    return first;
}

// Reads the rows of one section against its header.
template <class Record> class SectionReader {
public:
    SectionReader(const std::vector<Column<Record>> &columns, IoErrorLog &log)
        : columns_(columns), log_(log) {}

    // The header line: which column is where. False when the section cannot be read.
    bool header(const CsvRecord &record) {
        std::map<QString, std::size_t> known;
        for (std::size_t i = 0; i < columns_.size(); ++i)
            known.emplace(columns_[i].name, i);
        bool ok = true;
        for (qsizetype i = 0; i < record.fields.size(); ++i) {
            const CsvField &f = record.fields[i];
            const QString name = f.text.trimmed();
            const auto it = known.find(name);
            if (name.isEmpty() && i == record.fields.size() - 1)
                continue; // a trailing comma
            if (it == known.end()) {
                QStringList names;
                for (const auto &c : columns_)
                    names << c.name;
                log_.append({IoError{log_.file(), name, f.line, f.column,
                                     QStringLiteral("unknown column (known: %1)")
                                         .arg(names.join(QStringLiteral(", ")))}});
                ok = false;
                continue;
            }
            if (std::find(order_.begin(), order_.end(), it->second) != order_.end()) {
                log_.append({IoError{log_.file(), name, f.line, f.column,
                                     QStringLiteral("this column is named twice")}});
                ok = false;
                continue;
            }
            order_.resize(std::size_t(i) + 1, kSkip);
            order_[std::size_t(i)] = it->second;
        }
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            if (columns_[c].required &&
                std::find(order_.begin(), order_.end(), c) == order_.end()) {
                log_.atLine(record.line, 0,
                            QStringLiteral("the column '%1' is required").arg(columns_[c].name));
                ok = false;
            }
        }
        return ok;
    }

    // A data line: the record, and where its cells are.
    Record row(const CsvRecord &record, CatalogCsvLocations::Row *where) {
        Record r{};
        where->line = record.line;
        std::vector<bool> seen(columns_.size(), false);
        for (qsizetype i = 0; i < record.fields.size(); ++i) {
            const CsvField &f = record.fields[i];
            if (std::size_t(i) >= order_.size() || order_[std::size_t(i)] == kSkip) {
                if (!f.text.trimmed().isEmpty())
                    log_.atLine(f.line, f.column,
                                QStringLiteral("a cell beyond the columns the header names"));
                continue;
            }
            const Column<Record> &column = columns_[order_[std::size_t(i)]];
            seen[order_[std::size_t(i)]] = true;
            where->columns.insert(column.name, f.column);
            cell(column, f.text, f.line, f.column, r);
        }
        // Cells missing at the end of a short line, and columns the header leaves out, are
        // empty: the record gets their defaults.
        for (std::size_t c = 0; c < columns_.size(); ++c)
            if (!seen[c])
                cell(columns_[c], QString(), record.line, 0, r);
        return r;
    }

private:
    static constexpr std::size_t kSkip = std::size_t(-1);

    void cell(const Column<Record> &column, const QString &text, int line, int col, Record &r) {
        if (column.required && text.trimmed().isEmpty()) {
            log_.append(
                {IoError{log_.file(), column.name, line, col, QStringLiteral("is required")}});
            return;
        }
        QString why;
        if (!column.read(text, r, &why))
            log_.append({IoError{log_.file(), column.name, line, col, why}});
    }

    const std::vector<Column<Record>> &columns_;
    IoErrorLog &log_;
    std::vector<std::size_t> order_; // file column -> index in columns_
};

template <class Record> QStringList headerOf(const std::vector<Column<Record>> &columns) {
    QStringList names;
    for (const auto &c : columns)
        names << c.name;
    return names;
}

template <class Record>
QByteArray rowOf(const std::vector<Column<Record>> &columns, const Record &record) {
    QStringList cells;
    for (const auto &c : columns)
        cells << c.write(record);
    return csvLine(cells);
}

} // namespace

CatalogCsvRead readCatalogCsv(const QByteArray &bytes, const QString &fileName) {
    CatalogCsvRead result;
    const CsvParseResult parsed = parseCsv(bytes, fileName);
    if (!parsed.errors.isEmpty()) {
        result.errors = parsed.errors;
        return result;
    }
    IoErrorLog log(fileName);
    Catalog catalog;
    std::optional<QString> format;
    QString section; // empty: before the first section
    bool expectHeader = false;
    bool sectionReadable = true;
    QStringList seenSections;
    SectionReader<Chip> chips(chipColumns(), log);
    SectionReader<SourceRow> sources(sourceColumns(), log);
    SectionReader<Offering> offerings(offeringColumns(), log);
    std::vector<std::pair<SourceRow, CatalogCsvLocations::Row>> sourceRows;

    for (const CsvRecord &record : parsed.records) {
        if (log.errors().size() >= 100)
            break; // enough to fix first
        if (record.isBlank())
            continue;
        if (const QString name = sectionOf(record); !name.isEmpty()) {
            if (seenSections.contains(name))
                log.atLine(record.line, 1,
                           QStringLiteral("a second %1 section (each may appear "
                                          "once)")
                               .arg(name));
            seenSections << name;
            section = name;
            expectHeader = true;
            continue;
        }
        if (section.isEmpty()) {
            const QString key = record.fields.first().text.trimmed();
            const QString value =
                record.fields.size() > 1 ? record.fields[1].text.trimmed() : QString();
            if (key == QLatin1String("format"))
                format = value;
            else if (key == QLatin1String("catalog_version"))
                catalog.dataVersion = value.toStdString();
            else
                log.atLine(record.line, 1,
                           QStringLiteral("'%1' before the first section: expected format, "
                                          "catalog_version, or a section line such as [chips]")
                               .arg(key));
            continue;
        }
        if (expectHeader) {
            expectHeader = false;
            sectionReadable = section == kChipsSection     ? chips.header(record)
                              : section == kSourcesSection ? sources.header(record)
                                                           : offerings.header(record);
            continue;
        }
        if (!sectionReadable)
            continue; // its header is already reported
        CatalogCsvLocations::Row where;
        if (section == kChipsSection) {
            catalog.chips.push_back(chips.row(record, &where));
            result.locations.chips.push_back(std::move(where));
        } else if (section == kSourcesSection) {
            SourceRow row = sources.row(record, &where);
            sourceRows.emplace_back(std::move(row), std::move(where));
        } else {
            catalog.offerings.push_back(offerings.row(record, &where));
            result.locations.offerings.push_back(std::move(where));
        }
    }

    if (!format)
        log.atLine(1, 1,
                   QStringLiteral("format: is required: the file must start with the line "
                                  "'format,%1'")
                       .arg(QLatin1String(kCatalogFormat)));
    else if (*format != QLatin1String(kCatalogFormat))
        log.atLine(1, 0,
                   QStringLiteral("format: is '%1', expected '%2'")
                       .arg(*format, QLatin1String(kCatalogFormat)));
    if (!seenSections.contains(kChipsSection))
        log.atLine(0, 0, QStringLiteral("has no [chips] section"));

    // Sources join their chips (the first chip of that id: a duplicate id is reported later).
    std::map<std::string, std::size_t> chipIndex;
    for (std::size_t i = 0; i < catalog.chips.size(); ++i)
        chipIndex.emplace(catalog.chips[i].id, i);
    result.locations.sources.resize(catalog.chips.size());
    for (auto &[row, where] : sourceRows) {
        const auto it = chipIndex.find(row.chip);
        if (it == chipIndex.end()) {
            if (!row.chip.empty())
                log.append({IoError{fileName, QStringLiteral("chip"), where.line,
                                    where.columns.value(QStringLiteral("chip")),
                                    QStringLiteral("'%1' is not a chip of the [chips] section")
                                        .arg(qs(row.chip))}});
            continue;
        }
        catalog.chips[it->second].sources.push_back(std::move(row.source));
        result.locations.sources[it->second].push_back(std::move(where));
    }

    result.errors = log.errors();
    if (result.errors.isEmpty())
        result.catalog = std::move(catalog);
    return result;
}

QByteArray writeCatalogCsv(const Catalog &catalog) {
    QByteArray out;
    out += csvLine({QStringLiteral("format"), QLatin1String(kCatalogFormat)});
    out += csvLine({QStringLiteral("catalog_version"), qs(catalog.dataVersion)});
    out += "\n" + csvLine({kChipsSection}) + csvLine(headerOf(chipColumns()));
    for (const Chip &chip : catalog.chips)
        out += rowOf(chipColumns(), chip);
    out += "\n" + csvLine({kSourcesSection}) + csvLine(headerOf(sourceColumns()));
    for (const Chip &chip : catalog.chips)
        for (const Source &source : chip.sources)
            out += rowOf(sourceColumns(), SourceRow{chip.id, source});
    out += "\n" + csvLine({kOfferingsSection}) + csvLine(headerOf(offeringColumns()));
    for (const Offering &offering : catalog.offerings)
        out += rowOf(offeringColumns(), offering);
    return out;
}

QString describeAtCsvLocation(const QString &fileName, const CatalogCsvLocations &locations,
                              const ValidationProblem &problem) {
    const bool chip = problem.record == ValidationProblem::Record::chip;
    const auto &rows = chip ? locations.chips : locations.offerings;
    CatalogCsvLocations::Row row;
    if (problem.index < rows.size())
        row = rows[problem.index];
    QString field = qs(problem.field);
    // "sources[2].url": the chip's third [sources] row.
    static const QRegularExpression sourceField(
        QStringLiteral("^sources\\[(\\d+)\\](?:\\.(.+))?$"));
    if (const auto m = sourceField.match(field); chip && m.hasMatch()) {
        const std::size_t n = m.captured(1).toULongLong();
        if (problem.index < locations.sources.size() && n < locations.sources[problem.index].size())
            row = locations.sources[problem.index][n];
        field = m.captured(2);
    }
    QString reason = qs(problem.message);
    if (!problem.subject.empty())
        reason += QStringLiteral(" (%1 %2)")
                      .arg(chip ? QStringLiteral("chip") : QStringLiteral("offering"),
                           qs(problem.subject));
    return IoError{fileName, field, row.line, row.columns.value(field), reason}.toString();
}

} // namespace accelplan::data
