// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/catalog_json.h"

#include "io/catalog_fields.h"
#include "io/json_fields.h"
#include "io/json_file.h"
#include "io/read_file.h"
#include "support/qt_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>
#include <set>

namespace accelplan::data {
namespace {

std::string ss(const QString &s) { return s.toStdString(); }

// Reads one record's keys and collects the problems with their JSON path.
class ObjectReader {
public:
    ObjectReader(const QJsonObject &object, QString path, const QString &file,
                 QStringList *problems)
        : object_(object), path_(std::move(path)), file_(file), problems_(problems) {}

    void problem(const QString &key, const QString &message) {
        *problems_ << QStringLiteral("%1: %2%3: %4")
                          .arg(file_, path_, key.isEmpty() ? QString() : u'.' + key, message);
    }

    // A value under a dotted key ("scale_up.domain_size"); undefined when absent. Every key
    // asked for is a key the format defines (see refuseUnknownKeys).
    QJsonValue at(const QString &dottedKey) {
        asked_.insert(dottedKey);
        QJsonValue v = object_;
        for (const QString &part : dottedKey.split(u'.')) {
            if (!v.isObject())
                return QJsonValue(QJsonValue::Undefined);
            v = v.toObject().value(part);
        }
        return v;
    }

    std::string text(const QString &key, bool required) {
        const QJsonValue v = at(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(key, QStringLiteral("is required"));
            return {};
        }
        if (!v.isString()) {
            problem(key, QStringLiteral("must be a string"));
            return {};
        }
        if (required && v.toString().trimmed().isEmpty())
            problem(key, QStringLiteral("must not be empty"));
        return ss(v.toString());
    }

    std::optional<int> integer(const QString &key, bool required) {
        const QJsonValue v = at(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(key, QStringLiteral("is required"));
            return std::nullopt;
        }
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || d != std::floor(d) || std::abs(d) > 1e9) {
            problem(key, QStringLiteral("must be a whole number"));
            return std::nullopt;
        }
        return int(d);
    }

    // A plain number (a rate, a price in another currency).
    std::optional<double> number(const QString &key) {
        const QJsonValue v = at(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble()) {
            problem(key, QStringLiteral("must be a number"));
            return std::nullopt;
        }
        return v.toDouble();
    }

    // A list of strings; empty when absent.
    std::vector<std::string> strings(const QString &key) {
        const QJsonValue v = at(key);
        std::vector<std::string> out;
        if (v.isUndefined() || v.isNull())
            return out;
        const QJsonArray list = v.toArray();
        for (const QJsonValue &item : list) {
            if (!item.isString()) {
                problem(key, QStringLiteral("must be an array of strings"));
                return {};
            }
            out.push_back(ss(item.toString()));
        }
        if (!v.isArray())
            problem(key, QStringLiteral("must be an array of strings"));
        return out;
    }

    template <class Record> void quantity(const QuantityField<Record> &field, Record &record) {
        QString key = field.key;
        QJsonValue v;
        if (const auto end = rangeEndOf(field.key)) {
            // One array holds both ends: [low, high].
            const QJsonValue range = at(end->rangeKey);
            if (range.isUndefined() || range.isNull())
                return;
            if (!range.isArray() || range.toArray().size() != 2) {
                if (end->index == 0)
                    problem(end->rangeKey, QStringLiteral("must be [low, high]"));
                return;
            }
            key = QStringLiteral("%1[%2]").arg(end->rangeKey).arg(end->index);
            v = range.toArray()[end->index];
        } else {
            v = at(field.key);
        }
        if (v.isUndefined() || v.isNull())
            return;
        if (v.isDouble()) {
            field.set(record, fromFileNumber(v.toDouble(), field.fileScale));
            return;
        }
        if (v.isString()) {
            QString error;
            if (auto parsed =
                    parseFileQuantity(v.toString(), field.measure, field.fileScale, &error))
                field.set(record, parsed);
            else
                problem(key, error);
            return;
        }
        problem(key, QStringLiteral("must be a number or a string with a unit"));
    }

    template <class E>
    E enumValue(const QString &key, std::optional<E> (*fromString)(std::string_view), E fallback,
                bool required, const QString &allowed) {
        const std::string name = text(key, required);
        if (name.empty())
            return fallback;
        if (auto e = fromString(name))
            return *e;
        problem(key, QStringLiteral("'%1' is not one of %2").arg(qs(name), allowed));
        return fallback;
    }

    // A key whose value the caller reads and checks whole (a map of precisions, a list).
    QJsonValue claim(const QString &key) {
        whole_.insert(key);
        return at(key);
    }

    // Refuses every key of the object that was never asked for, with the key it probably meant
    // ("chips[3].memroy_bytes: unknown key; did you mean memory_bytes?"); keys starting with
    // "x-" are the users' own notes. Call after reading every field.
    void refuseUnknownKeys() { refuseUnknownIn(object_, QString()); }

    void noUnknownObjectShape(const QString &key) {
        const QJsonValue v = object_.value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isObject())
            problem(key, QStringLiteral("must be an object"));
    }

private:
    void refuseUnknownIn(const QJsonObject &object, const QString &prefix) {
        QStringList siblings; // the known keys at this level, for suggestions
        for (const QString &asked : asked_)
            if (asked.startsWith(prefix))
                siblings << asked.mid(prefix.size()).section(u'.', 0, 0);
        siblings.removeDuplicates();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = prefix + it.key();
            if (it.key().startsWith(QLatin1String("x-")) || whole_.count(key))
                continue;
            if (asked_.count(key) && !it.value().isObject())
                continue;
            // The keys asked for under this one sort right after "key.".
            const QString below = key + u'.';
            const auto next = asked_.lower_bound(below);
            const bool parent = next != asked_.end() && next->startsWith(below);
            if (parent && it.value().isObject()) {
                refuseUnknownIn(it.value().toObject(), key + u'.');
                continue;
            }
            if (asked_.count(key) || parent)
                continue; // a known key of the wrong type: its reader said so
            const QString closest = closestKey(it.key(), siblings);
            problem(key,
                    closest.isEmpty()
                        ? QStringLiteral("unknown key (keep notes under \"x-%1\")").arg(it.key())
                        : QStringLiteral("unknown key; did you mean %1?").arg(prefix + closest));
        }
    }

    QJsonObject object_;
    QString path_;
    QString file_;
    QStringList *problems_;
    std::set<QString> asked_;
    std::set<QString> whole_;
};

// An optional enum: empty when absent.
template <class E>
std::optional<E> optionalEnum(ObjectReader &r, const QString &key,
                              std::optional<E> (*fromString)(std::string_view),
                              const QString &allowed) {
    const std::string name = r.text(key, false);
    if (name.empty())
        return std::nullopt;
    const auto e = fromString(name);
    if (!e)
        r.problem(key, QStringLiteral("'%1' is not one of %2").arg(qs(name), allowed));
    return e;
}

Chip readChip(const QJsonObject &o, const QString &path, const QString &file,
              QStringList *problems) {
    ObjectReader r(o, path, file, problems);
    Chip chip;
    chip.id = r.text(QStringLiteral("id"), true);
    chip.vendor = r.text(QStringLiteral("vendor"), true);
    chip.family = r.text(QStringLiteral("family"), false);
    chip.name = r.text(QStringLiteral("name"), true);
    chip.kind = r.enumValue(QStringLiteral("kind"), chipKindFromString, ChipKind::other, true,
                            qs(namesOf(allChipKinds())));
    chip.chipClass = optionalEnum(r, QStringLiteral("class"), chipClassFromString,
                                  qs(namesOf(allChipClasses())));
    if (const QJsonValue roles = r.claim(QStringLiteral("roles"));
        !roles.isUndefined() && !roles.isNull()) {
        const QJsonArray names = roles.toArray();
        const bool allText =
            roles.isArray() && std::all_of(names.begin(), names.end(),
                                           [](const QJsonValue &v) { return v.isString(); });
        std::vector<std::string> list;
        for (const QJsonValue &name : names)
            list.push_back(ss(name.toString()));
        const auto parsed = allText ? rolesFromNames(list) : std::nullopt;
        if (parsed)
            chip.roles = *parsed;
        else
            r.problem(QStringLiteral("roles"),
                      QStringLiteral("must be [\"training\", \"inference\"] or [\"inference\"]"));
    }
    chip.launchYear = r.integer(QStringLiteral("year"), false);
    chip.process = r.text(QStringLiteral("process"), false);
    r.noUnknownObjectShape(QStringLiteral("peak_flops"));
    r.noUnknownObjectShape(QStringLiteral("scale_up"));
    if (const QJsonValue peak = r.claim(QStringLiteral("peak_flops")); peak.isObject()) {
        for (const QString &key : peak.toObject().keys()) {
            if (!precisionFromString(ss(key)))
                r.problem(QStringLiteral("peak_flops.") + key,
                          QStringLiteral("unknown precision (known: fp64, fp32, tf32, bf16, fp16, "
                                         "fp8, int8, fp4, int4)"));
        }
    }
    for (const auto &field : chipQuantityFields())
        r.quantity(field, chip);
    chip.memoryType = r.text(QStringLiteral("memory_type"), false);
    chip.scaleUp.fabric = r.text(QStringLiteral("scale_up.fabric"), false);
    chip.scaleUp.domainSize = r.integer(QStringLiteral("scale_up.domain_size"), false).value_or(1);
    chip.scaleUp.topology = r.enumValue(QStringLiteral("scale_up.topology"), topologyFromString,
                                        Topology::none, false, qs(namesOf(allTopologies())));
    chip.software = r.text(QStringLiteral("software"), false);
    chip.efficiencyFamily = r.text(QStringLiteral("efficiency_family"), false);
    chip.notes = r.text(QStringLiteral("notes"), false);
    chip.provenance = r.enumValue(QStringLiteral("provenance"), provenanceFromString,
                                  Provenance::shipped, false, qs(namesOf(allProvenances())));

    const QJsonValue sources = r.claim(QStringLiteral("sources"));
    if (!sources.isUndefined() && !sources.isNull() && !sources.isArray()) {
        r.problem(QStringLiteral("sources"), QStringLiteral("must be an array"));
    } else {
        const QJsonArray list = sources.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString sourcePath = QStringLiteral("%1.sources[%2]").arg(path).arg(i);
            if (!list[i].isObject()) {
                *problems << QStringLiteral("%1: %2: must be an object").arg(file, sourcePath);
                continue;
            }
            ObjectReader s(list[i].toObject(), sourcePath, file, problems);
            Source source;
            source.field = s.text(QStringLiteral("field"), false);
            if (source.field.empty())
                source.field = "*";
            source.url = s.text(QStringLiteral("url"), false);
            source.title = s.text(QStringLiteral("title"), false);
            source.retrieved = s.text(QStringLiteral("retrieved"), false);
            source.basis =
                optionalEnum(s, QStringLiteral("basis"), basisFromString, qs(namesOf(allBases())));
            s.refuseUnknownKeys();
            chip.sources.push_back(std::move(source));
        }
    }
    r.refuseUnknownKeys();
    return chip;
}

Offering readOffering(const QJsonObject &o, const QString &path, const QString &file,
                      QStringList *problems) {
    ObjectReader r(o, path, file, problems);
    Offering offering;
    offering.chipId = r.text(QStringLiteral("chip"), true);
    offering.provider = r.text(QStringLiteral("provider"), true);
    offering.instance = r.text(QStringLiteral("instance"), true);
    offering.region = r.text(QStringLiteral("region"), false);
    offering.chipsPerInstance = r.integer(QStringLiteral("chips_per_instance"), true).value_or(1);
    const QJsonValue prices = r.claim(QStringLiteral("usd_per_hour"));
    if (!prices.isObject()) {
        r.problem(QStringLiteral("usd_per_hour"), prices.isUndefined()
                                                      ? QStringLiteral("is required")
                                                      : QStringLiteral("must be an object"));
    } else {
        for (const QString &key : prices.toObject().keys()) {
            const auto pricing = pricingFromString(ss(key));
            if (!pricing || *pricing == Pricing::owned)
                r.problem(QStringLiteral("usd_per_hour.") + key,
                          QStringLiteral("unknown pricing (known: on-demand, spot, reserved-1y, "
                                         "reserved-3y)"));
        }
    }
    for (const auto &field : offeringQuantityFields())
        r.quantity(field, offering);
    offering.asOf = r.text(QStringLiteral("as_of"), false);
    offering.source = r.text(QStringLiteral("source"), false);
    offering.notes = r.text(QStringLiteral("notes"), false);
    if (const std::string currency = r.text(QStringLiteral("currency"), false); !currency.empty())
        offering.currency = currency;
    offering.publishedPerHour = r.number(QStringLiteral("published_per_hour"));
    offering.usdRate = r.number(QStringLiteral("usd_rate"));
    offering.usdRateDate = r.text(QStringLiteral("usd_rate_date"), false);
    offering.clusterNetwork = r.text(QStringLiteral("cluster_network"), false);
    offering.maxInstances = r.integer(QStringLiteral("max_instances"), false);
    offering.regions = r.strings(QStringLiteral("regions"));
    offering.provenance = r.enumValue(QStringLiteral("provenance"), provenanceFromString,
                                      Provenance::shipped, false, qs(namesOf(allProvenances())));
    r.refuseUnknownKeys();
    return offering;
}

void putText(QJsonObject &o, const char *key, const std::string &value) {
    if (!value.empty())
        o.insert(QLatin1String(key), qs(value));
}

// Puts a value under a dotted key, creating the inner objects.
void putDotted(QJsonObject &o, const QString &dottedKey, const QJsonValue &value) {
    const qsizetype dot = dottedKey.indexOf(u'.');
    if (dot < 0) {
        o.insert(dottedKey, value);
        return;
    }
    const QString head = dottedKey.left(dot);
    QJsonObject inner = o.value(head).toObject();
    putDotted(inner, dottedKey.mid(dot + 1), value);
    o.insert(head, inner);
}

// Puts a quantity under its key; an end of a range goes into the range's [low, high] array.
template <class Record>
void putQuantity(QJsonObject &o, const QuantityField<Record> &field, double value) {
    const QJsonValue v = toFileNumber(value, field.fileScale);
    if (const auto end = rangeEndOf(field.key)) {
        QJsonArray range = o.value(end->rangeKey).toArray();
        if (range.isEmpty())
            range = QJsonArray{QJsonValue(QJsonValue::Null), QJsonValue(QJsonValue::Null)};
        range[end->index] = v;
        putDotted(o, end->rangeKey, range);
        return;
    }
    putDotted(o, field.key, v);
}

QJsonArray stringArray(const std::vector<std::string> &items) {
    QJsonArray out;
    for (const std::string &item : items)
        out.append(qs(item));
    return out;
}

QJsonObject chipToJson(const Chip &chip) {
    QJsonObject o;
    putText(o, "id", chip.id);
    putText(o, "vendor", chip.vendor);
    putText(o, "family", chip.family);
    putText(o, "name", chip.name);
    o.insert(QStringLiteral("kind"), qs(toString(chip.kind)));
    if (chip.chipClass)
        o.insert(QStringLiteral("class"), qs(toString(*chip.chipClass)));
    QJsonArray roles;
    for (std::string_view role : roleNames(chip.roles))
        roles.append(QLatin1String(role.data(), qsizetype(role.size())));
    o.insert(QStringLiteral("roles"), roles);
    if (chip.launchYear)
        o.insert(QStringLiteral("year"), *chip.launchYear);
    putText(o, "process", chip.process);
    o.insert(QStringLiteral("peak_flops"), QJsonObject());
    for (const auto &field : chipQuantityFields()) {
        if (auto v = field.get(chip))
            putQuantity(o, field, *v);
    }
    putText(o, "memory_type", chip.memoryType);
    QJsonObject scaleUp = o.value(QStringLiteral("scale_up")).toObject();
    if (!chip.scaleUp.fabric.empty())
        scaleUp.insert(QStringLiteral("fabric"), qs(chip.scaleUp.fabric));
    scaleUp.insert(QStringLiteral("domain_size"), chip.scaleUp.domainSize);
    scaleUp.insert(QStringLiteral("topology"), qs(toString(chip.scaleUp.topology)));
    o.insert(QStringLiteral("scale_up"), scaleUp);
    putText(o, "software", chip.software);
    putText(o, "efficiency_family", chip.efficiencyFamily);
    putText(o, "notes", chip.notes);
    o.insert(QStringLiteral("provenance"), qs(toString(chip.provenance)));
    QJsonArray sources;
    for (const Source &s : chip.sources) {
        QJsonObject so;
        so.insert(QStringLiteral("field"), qs(s.field));
        so.insert(QStringLiteral("url"), qs(s.url));
        so.insert(QStringLiteral("title"), qs(s.title));
        so.insert(QStringLiteral("retrieved"), qs(s.retrieved));
        if (s.basis)
            so.insert(QStringLiteral("basis"), qs(toString(*s.basis)));
        sources.append(so);
    }
    o.insert(QStringLiteral("sources"), sources);
    return o;
}

QJsonObject offeringToJson(const Offering &offering) {
    QJsonObject o;
    putText(o, "chip", offering.chipId);
    putText(o, "provider", offering.provider);
    putText(o, "instance", offering.instance);
    putText(o, "region", offering.region);
    o.insert(QStringLiteral("chips_per_instance"), offering.chipsPerInstance);
    o.insert(QStringLiteral("usd_per_hour"), QJsonObject());
    for (const auto &field : offeringQuantityFields()) {
        if (auto v = field.get(offering))
            putQuantity(o, field, *v);
    }
    putText(o, "as_of", offering.asOf);
    putText(o, "source", offering.source);
    putText(o, "notes", offering.notes);
    putText(o, "currency", offering.currency);
    if (offering.publishedPerHour)
        o.insert(QStringLiteral("published_per_hour"), *offering.publishedPerHour);
    if (offering.usdRate)
        o.insert(QStringLiteral("usd_rate"), *offering.usdRate);
    putText(o, "usd_rate_date", offering.usdRateDate);
    putText(o, "cluster_network", offering.clusterNetwork);
    if (offering.maxInstances)
        o.insert(QStringLiteral("max_instances"), *offering.maxInstances);
    if (!offering.regions.empty())
        o.insert(QStringLiteral("regions"), stringArray(offering.regions));
    o.insert(QStringLiteral("provenance"), qs(toString(offering.provenance)));
    return o;
}

} // namespace

CatalogReadResult readCatalogJson(const QByteArray &bytes, const QString &fileName) {
    CatalogReadResult result;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        // Qt reports a byte offset; people look for a line.
        const int line = int(bytes.left(error.offset).count('\n')) + 1;
        result.problems << QStringLiteral("%1: line %2: not valid JSON: %3")
                               .arg(fileName)
                               .arg(line)
                               .arg(error.errorString());
        return result;
    }
    if (!doc.isObject()) {
        result.problems << QStringLiteral("%1: the document must be a JSON object").arg(fileName);
        return result;
    }
    const QJsonObject root = doc.object();
    const QString format = root.value(QStringLiteral("format")).toString();
    if (format != QLatin1String(kCatalogFormat)) {
        result.problems << QStringLiteral("%1: format: is '%2', expected '%3'")
                               .arg(fileName, format, QLatin1String(kCatalogFormat));
        return result;
    }
    Catalog catalog;
    catalog.dataVersion = ss(root.value(QStringLiteral("catalog_version")).toString());
    QStringList &problems = result.problems;
    const QStringList rootKeys{QStringLiteral("format"), QStringLiteral("catalog_version"),
                               QStringLiteral("chips"), QStringLiteral("offerings")};
    for (const QString &key : root.keys()) {
        if (rootKeys.contains(key) || key.startsWith(QLatin1String("x-")))
            continue;
        const QString closest = closestKey(key, rootKeys);
        problems << QStringLiteral("%1: %2: unknown key%3")
                        .arg(fileName, key,
                             closest.isEmpty()
                                 ? QStringLiteral(" (keep notes under \"x-%1\")").arg(key)
                                 : QStringLiteral("; did you mean %1?").arg(closest));
    }
    if (!root.value(QStringLiteral("chips")).isArray())
        problems << QStringLiteral("%1: chips: is required and must be an array").arg(fileName);
    const QJsonArray chips = root.value(QStringLiteral("chips")).toArray();
    catalog.chips.reserve(std::size_t(chips.size()));
    for (qsizetype i = 0; i < chips.size(); ++i) {
        const QString path = QStringLiteral("chips[%1]").arg(i);
        if (!chips[i].isObject()) {
            problems << QStringLiteral("%1: %2: must be an object").arg(fileName, path);
            continue;
        }
        catalog.chips.push_back(readChip(chips[i].toObject(), path, fileName, &problems));
    }
    const QJsonValue offeringsValue = root.value(QStringLiteral("offerings"));
    if (!offeringsValue.isUndefined() && !offeringsValue.isArray())
        problems << QStringLiteral("%1: offerings: must be an array").arg(fileName);
    const QJsonArray offerings = offeringsValue.toArray();
    catalog.offerings.reserve(std::size_t(offerings.size()));
    for (qsizetype i = 0; i < offerings.size(); ++i) {
        const QString path = QStringLiteral("offerings[%1]").arg(i);
        if (!offerings[i].isObject()) {
            problems << QStringLiteral("%1: %2: must be an object").arg(fileName, path);
            continue;
        }
        catalog.offerings.push_back(
            readOffering(offerings[i].toObject(), path, fileName, &problems));
    }
    if (problems.isEmpty())
        result.catalog = std::move(catalog);
    return result;
}

CatalogReadResult readCatalogJsonFile(const QString &path) {
    QString problem;
    const std::optional<QByteArray> bytes = readRegularFile(path, kMaxJsonFileBytes, &problem);
    if (!bytes || bytes->size() > kMaxJsonFileBytes) {
        CatalogReadResult result;
        result.problems << QStringLiteral("%1: %2").arg(
            path, bytes ? QStringLiteral("the file is larger than %1 MiB, larger than any catalog")
                              .arg(kMaxJsonFileBytes / (1024 * 1024))
                        : problem);
        return result;
    }
    return readCatalogJson(*bytes, path);
}

QByteArray writeCatalogJson(const Catalog &catalog, JsonContent content) {
    QJsonObject root;
    root.insert(QStringLiteral("format"), QLatin1String(kCatalogFormat));
    root.insert(QStringLiteral("catalog_version"), qs(catalog.dataVersion));
    QJsonArray chips;
    for (const Chip &chip : catalog.chips)
        chips.append(chipToJson(chip));
    root.insert(QStringLiteral("chips"), chips);
    if (content == JsonContent::everything) {
        QJsonArray offerings;
        for (const Offering &offering : catalog.offerings)
            offerings.append(offeringToJson(offering));
        root.insert(QStringLiteral("offerings"), offerings);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString jsonPathOf(bool chip, std::size_t index, const std::string &field) {
    QString path = QStringLiteral("%1[%2]")
                       .arg(chip ? QStringLiteral("chips") : QStringLiteral("offerings"))
                       .arg(index);
    if (field.empty())
        return path;
    // The ends of a range are the elements of its array: "price_usd_range[0]".
    if (const auto end = rangeEndOf(qs(field)))
        return path + QStringLiteral(".%1[%2]").arg(end->rangeKey).arg(end->index);
    return path + u'.' + qs(field);
}

} // namespace accelplan::data
