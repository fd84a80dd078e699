// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog_diff.h"

#include "io/catalog_fields.h"

#include <functional>
#include <vector>

namespace accelplan::data {
namespace {

// One field of a record: its key, whether two records agree on it, and copying it across.
template <class Record> struct Field {
    QString key;
    std::function<bool(const Record &, const Record &)> same;
    std::function<void(const Record &from, Record &to)> copy;
};

template <class Record, class Member> Field<Record> member(const char *key, Member Record::*m) {
    return {QLatin1String(key), [m](const Record &a, const Record &b) { return a.*m == b.*m; },
            [m](const Record &from, Record &to) { to.*m = from.*m; }};
}

template <class Record> Field<Record> quantity(const QuantityField<Record> &q) {
    return {q.key, [get = q.get](const Record &a, const Record &b) { return get(a) == get(b); },
            [get = q.get, set = q.set](const Record &from, Record &to) { set(to, get(from)); }};
}

const std::vector<Field<Chip>> &chipFields() {
    static const std::vector<Field<Chip>> fields = [] {
        std::vector<Field<Chip>> f{
            member("id", &Chip::id),
            member("vendor", &Chip::vendor),
            member("family", &Chip::family),
            member("name", &Chip::name),
            member("kind", &Chip::kind),
            member("class", &Chip::chipClass),
            member("roles", &Chip::roles),
            member("year", &Chip::launchYear),
            member("process", &Chip::process),
            member("memory_type", &Chip::memoryType),
            {QStringLiteral("scale_up.fabric"),
             [](const Chip &a, const Chip &b) { return a.scaleUp.fabric == b.scaleUp.fabric; },
             [](const Chip &from, Chip &to) { to.scaleUp.fabric = from.scaleUp.fabric; }},
            {QStringLiteral("scale_up.domain_size"),
             [](const Chip &a, const Chip &b) {
                 return a.scaleUp.domainSize == b.scaleUp.domainSize;
             },
             [](const Chip &from, Chip &to) { to.scaleUp.domainSize = from.scaleUp.domainSize; }},
            {QStringLiteral("scale_up.topology"),
             [](const Chip &a, const Chip &b) { return a.scaleUp.topology == b.scaleUp.topology; },
             [](const Chip &from, Chip &to) { to.scaleUp.topology = from.scaleUp.topology; }},
            member("software", &Chip::software),
            member("efficiency_family", &Chip::efficiencyFamily),
            member("notes", &Chip::notes),
            member("sources", &Chip::sources),
        };
        for (const auto &q : chipQuantityFields())
            f.push_back(quantity(q));
        return f;
    }();
    return fields;
}

const std::vector<Field<Offering>> &offeringFields() {
    static const std::vector<Field<Offering>> fields = [] {
        std::vector<Field<Offering>> f{
            member("chip", &Offering::chipId),
            member("provider", &Offering::provider),
            member("instance", &Offering::instance),
            member("region", &Offering::region),
            member("chips_per_instance", &Offering::chipsPerInstance),
            member("as_of", &Offering::asOf),
            member("source", &Offering::source),
            member("notes", &Offering::notes),
            member("currency", &Offering::currency),
            member("published_per_hour", &Offering::publishedPerHour),
            member("usd_rate", &Offering::usdRate),
            member("usd_rate_date", &Offering::usdRateDate),
            member("cluster_network", &Offering::clusterNetwork),
            member("max_instances", &Offering::maxInstances),
            member("regions", &Offering::regions),
        };
        for (const auto &q : offeringQuantityFields())
            f.push_back(quantity(q));
        return f;
    }();
    return fields;
}

template <class Record>
QStringList changed(const std::vector<Field<Record>> &fields, const Record &mine,
                    const Record &shipped) {
    QStringList keys;
    for (const auto &field : fields)
        if (!field.same(mine, shipped))
            keys << field.key;
    return keys;
}

template <class Record>
Provenance provenance(const std::vector<Field<Record>> &fields, const Record &record,
                      const std::optional<Record> &shipped) {
    if (!shipped)
        return Provenance::userAdded;
    return changed(fields, record, *shipped).isEmpty() ? Provenance::shipped
                                                       : Provenance::userModified;
}

template <class Record>
Record merged(const std::vector<Field<Record>> &fields, const Record &mine,
              const Record &oldShipped, const Record &newShipped) {
    Record result = mine;
    for (const auto &field : fields)
        if (field.same(mine, oldShipped))
            field.copy(newShipped, result);
    result.provenance = provenance(fields, result, std::optional<Record>(newShipped));
    return result;
}

} // namespace

QStringList changedFields(const Chip &mine, const Chip &shipped) {
    return changed(chipFields(), mine, shipped);
}
QStringList changedFields(const Offering &mine, const Offering &shipped) {
    return changed(offeringFields(), mine, shipped);
}

Provenance provenanceOf(const Chip &record, const std::optional<Chip> &shipped) {
    return provenance(chipFields(), record, shipped);
}
Provenance provenanceOf(const Offering &record, const std::optional<Offering> &shipped) {
    return provenance(offeringFields(), record, shipped);
}

Chip mergeShipped(const Chip &mine, const Chip &oldShipped, const Chip &newShipped) {
    return merged(chipFields(), mine, oldShipped, newShipped);
}
Offering mergeShipped(const Offering &mine, const Offering &oldShipped,
                      const Offering &newShipped) {
    return merged(offeringFields(), mine, oldShipped, newShipped);
}

} // namespace accelplan::data
