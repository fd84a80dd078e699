// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_editor/chip_fields.h"

#include "efficiency/efficiency_data.h"
#include "support/text.h"

#include <QHash>
#include <QObject>

#include <algorithm>

namespace accelplan::ui {

namespace {

QString str(const std::string &s) { return qs(s); }
std::string utf8(const QString &s) { return s.trimmed().toStdString(); }

} // namespace

const std::vector<ChipTextField> &chipTextFields() {
    static const std::vector<ChipTextField> fields{
        {QStringLiteral("vendor"), QObject::tr("Vendor"),
         [](const Chip &c) { return str(c.vendor); },
         [](Chip &c, const QString &v) { c.vendor = utf8(v); }},
        {QStringLiteral("family"), QObject::tr("Family"),
         [](const Chip &c) { return str(c.family); },
         [](Chip &c, const QString &v) { c.family = utf8(v); }},
        {QStringLiteral("name"), QObject::tr("Name"), [](const Chip &c) { return str(c.name); },
         [](Chip &c, const QString &v) { c.name = utf8(v); }},
        {QStringLiteral("process"), QObject::tr("Process"),
         [](const Chip &c) { return str(c.process); },
         [](Chip &c, const QString &v) { c.process = utf8(v); }},
        {QStringLiteral("memory_type"), QObject::tr("Memory type"),
         [](const Chip &c) { return str(c.memoryType); },
         [](Chip &c, const QString &v) { c.memoryType = utf8(v); }},
        {QStringLiteral("scale_up.fabric"), QObject::tr("Scale-up fabric"),
         [](const Chip &c) { return str(c.scaleUp.fabric); },
         [](Chip &c, const QString &v) { c.scaleUp.fabric = utf8(v); }},
        {QStringLiteral("software"), QObject::tr("Software"),
         [](const Chip &c) { return str(c.software); },
         [](Chip &c, const QString &v) { c.software = utf8(v); }},
        {QStringLiteral("notes"), QObject::tr("Notes"), [](const Chip &c) { return str(c.notes); },
         [](Chip &c, const QString &v) { c.notes = utf8(v); }},
    };
    return fields;
}

QString chipFieldLabel(const QString &key) {
    static const QHash<QString, QString> labels{
        {QStringLiteral("onchip_sram_bytes"), QObject::tr("On-chip SRAM")},
        {QStringLiteral("memory_bytes"), QObject::tr("Memory")},
        {QStringLiteral("memory_bandwidth_bytes_per_s"), QObject::tr("Memory bandwidth")},
        {QStringLiteral("scale_up.bandwidth_bytes_per_s"),
         QObject::tr("Scale-up bandwidth (per direction)")},
        {QStringLiteral("scale_out_bandwidth_bytes_per_s"), QObject::tr("Scale-out bandwidth")},
        {QStringLiteral("tdp_watts"), QObject::tr("TDP")},
        {QStringLiteral("tdp_watts_range.low"), QObject::tr("TDP range, low")},
        {QStringLiteral("tdp_watts_range.high"), QObject::tr("TDP range, high")},
        {QStringLiteral("price_usd"), QObject::tr("Purchase price")},
        {QStringLiteral("price_usd_range.low"), QObject::tr("Price range, low")},
        {QStringLiteral("price_usd_range.high"), QObject::tr("Price range, high")},
        {QStringLiteral("kind"), QObject::tr("Kind")},
        {QStringLiteral("class"), QObject::tr("Class")},
        {QStringLiteral("roles"), QObject::tr("Roles")},
        {QStringLiteral("efficiency_family"), QObject::tr("Efficiency family")},
        {QStringLiteral("year"), QObject::tr("Launch year")},
        {QStringLiteral("scale_up.domain_size"), QObject::tr("Scale-up domain")},
        {QStringLiteral("scale_up.topology"), QObject::tr("Scale-up topology")},
        {QStringLiteral("sources"), QObject::tr("Sources")},
    };
    if (const auto it = labels.constFind(key); it != labels.constEnd())
        return *it;
    if (key.startsWith(QStringLiteral("peak_flops.")))
        return QObject::tr("Peak %1").arg(key.mid(11).toUpper());
    for (const ChipTextField &f : chipTextFields())
        if (f.key == key)
            return f.label;
    return key;
}

const data::QuantityField<Chip> *chipQuantityField(const QString &key) {
    for (const auto &f : data::chipQuantityFields())
        if (f.key == key)
            return &f;
    return nullptr;
}

bool copyChipField(const Chip &from, Chip &to, const QString &key) {
    if (const auto *q = chipQuantityField(key)) {
        q->set(to, q->get(from));
        return true;
    }
    for (const ChipTextField &f : chipTextFields())
        if (f.key == key) {
            f.set(to, f.get(from));
            return true;
        }
    if (key == QStringLiteral("kind"))
        to.kind = from.kind;
    else if (key == QStringLiteral("class"))
        to.chipClass = from.chipClass;
    else if (key == QStringLiteral("roles"))
        to.roles = from.roles;
    else if (key == QStringLiteral("efficiency_family"))
        to.efficiencyFamily = from.efficiencyFamily;
    else if (key == QStringLiteral("year"))
        to.launchYear = from.launchYear;
    else if (key == QStringLiteral("scale_up.domain_size"))
        to.scaleUp.domainSize = from.scaleUp.domainSize;
    else if (key == QStringLiteral("scale_up.topology"))
        to.scaleUp.topology = from.scaleUp.topology;
    else if (key == QStringLiteral("sources"))
        to.sources = from.sources;
    else
        return false;
    return true;
}

bool sameChipField(const Chip &a, const Chip &b, const QString &key) {
    Chip copy = b;
    return copyChipField(a, copy, key) && copy == b;
}

QString rolesText(Roles roles) {
    if (roles.training && roles.inference)
        return QObject::tr("training and inference");
    return roles.training ? QObject::tr("training only") : QObject::tr("inference only");
}

QString efficiencyFamilyText(const Chip &chip) {
    if (chip.efficiencyFamily.empty())
        return QObject::tr("none (its software stack's generic rows, %1)").arg(qs(stackKey(chip)));
    const std::vector<std::string> known = efficiencyData().families("training");
    if (std::find(known.begin(), known.end(), chip.efficiencyFamily) == known.end())
        return QObject::tr("%1 (not in the efficiency table: %2 is used)")
            .arg(qs(chip.efficiencyFamily), qs(stackKey(chip)));
    return qs(chip.efficiencyFamily);
}

QString basisText(Basis basis) {
    switch (basis) {
    case Basis::vendor: return QObject::tr("vendor datasheet");
    case Basis::measured: return QObject::tr("measured");
    case Basis::secondary: return QObject::tr("secondary source");
    case Basis::estimate: return QObject::tr("estimate");
    }
    return {};
}

std::vector<Source> sourcesFor(const Chip &chip, const QString &key) {
    std::vector<Source> exact, whole;
    const std::string field = key.toStdString();
    for (const Source &s : chip.sources) {
        if (s.field == "*")
            whole.push_back(s);
        else if (backs(s, field))
            exact.push_back(s);
    }
    return exact.empty() ? whole : exact;
}

} // namespace accelplan::ui
