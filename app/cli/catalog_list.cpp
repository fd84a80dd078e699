// SPDX-License-Identifier: GPL-3.0-or-later
// `catalog list` and `catalog show`: the chips, and one chip with its offerings and sources.

#include "catalog_command.h"
#include "catalog_table.h"
#include "cli.h"

#include "efficiency/efficiency_data.h"
#include "io/catalog_json.h"
#include "io/text_table.h"
#include "support/qt_text.h"

#include <QTextStream>

namespace accelplan::cli::catalog {
namespace {

using data::qs;
using data::TextTable;

QString year(const Chip &chip) {
    return chip.launchYear ? QString::number(*chip.launchYear) : kUnknown;
}

void printChipTable(const Catalog &catalog, QTextStream &out) {
    TextTable table({QStringLiteral("ID"), QStringLiteral("KIND"), QStringLiteral("VENDOR"),
                     QStringLiteral("NAME"), QStringLiteral("YEAR"), QStringLiteral("MEMORY"),
                     QStringLiteral("BANDWIDTH"), QStringLiteral("BF16"), QStringLiteral("FP8"),
                     QStringLiteral("TDP"), QStringLiteral("OFFERINGS")});
    for (const Chip &chip : catalog.chips) {
        table.add({qs(chip.id), qs(toString(chip.kind)), qs(chip.vendor), qs(chip.name), year(chip),
                   shown(chip.memory), shown(chip.memoryBandwidth),
                   shown(chip.peakAt(Precision::bf16)), shown(chip.peakAt(Precision::fp8)),
                   shown(chip.tdp), QString::number(catalog.offeringsFor(chip.id).size())});
    }
    out << table.text();
}

// "700 W", "450 W (300 W to 600 W, estimate)": a value with its range and how it is known.
template <class Q>
QString shownWithRange(const Chip &chip, const char *field, const std::optional<Q> &value,
                       const Bounds<Q> &range) {
    QString text = shown(value);
    QStringList more;
    if (range.low && range.high)
        more << shown(range.low) + QStringLiteral(" to ") + shown(range.high);
    if (const auto basis = basisOf(chip, field))
        more << qs(toString(*basis));
    if (!more.isEmpty())
        text += QStringLiteral(" (%1)").arg(more.join(QStringLiteral(", ")));
    return text;
}

void printChipDetails(const Chip &chip, const std::vector<Offering> &offerings, QTextStream &out) {
    out << qs(chip.id) << ": " << qs(chip.vendor) << " " << qs(chip.name) << "\n";
    TextTable facts({QStringLiteral("kind"), qs(toString(chip.kind))}, TextTable::FirstRow::data);
    facts.add({QStringLiteral("class"), chip.chipClass ? qs(toString(*chip.chipClass)) : kUnknown});
    facts.add(
        {QStringLiteral("roles"), qs(toString(chip.roles)).replace(u';', QStringLiteral(", "))});
    facts.add({QStringLiteral("family"), shownText(chip.family)});
    facts.add({QStringLiteral("launched"), year(chip)});
    facts.add({QStringLiteral("process"), shownText(chip.process)});
    for (Precision p : kAllPrecisions)
        if (chip.peakAt(p))
            facts.add(
                {QStringLiteral("peak %1 (dense)").arg(qs(toString(p))), shown(chip.peakAt(p))});
    facts.add({QStringLiteral("on-chip SRAM"), shown(chip.onChipSram)});
    facts.add({QStringLiteral("memory"), shown(chip.memory) + u' ' + shownText(chip.memoryType)});
    facts.add({QStringLiteral("memory bandwidth"), shown(chip.memoryBandwidth)});
    facts.add({QStringLiteral("scale-up fabric"), shownText(chip.scaleUp.fabric)});
    facts.add({QStringLiteral("scale-up bandwidth"),
               shown(chip.scaleUp.bandwidthPerDirection) + QStringLiteral(" per direction")});
    facts.add({QStringLiteral("scale-up domain"), QStringLiteral("%1 chips, %2")
                                                      .arg(chip.scaleUp.domainSize)
                                                      .arg(qs(toString(chip.scaleUp.topology)))});
    facts.add({QStringLiteral("scale-out bandwidth"), shown(chip.scaleOutBandwidth)});
    facts.add({QStringLiteral("TDP"), shownWithRange(chip, "tdp_watts", chip.tdp, chip.tdpRange)});
    facts.add(
        {QStringLiteral("price"), shownWithRange(chip, "price_usd", chip.price, chip.priceRange)});
    facts.add({QStringLiteral("software"), shownText(chip.software)});
    facts.add({QStringLiteral("efficiency family"),
               chip.efficiencyFamily.empty()
                   ? QStringLiteral("none (its software stack's, %1)").arg(qs(stackKey(chip)))
                   : qs(chip.efficiencyFamily)});
    facts.add({QStringLiteral("provenance"), qs(toString(chip.provenance))});
    if (!chip.notes.empty())
        facts.add({QStringLiteral("notes"), qs(chip.notes)});
    out << facts.text(QStringLiteral("  "));

    out << "\nofferings (" << offerings.size() << "), US dollars per instance-hour:\n";
    if (!offerings.empty()) {
        TextTable table(
            {QStringLiteral("OFFERING"), QStringLiteral("REGION"), QStringLiteral("CHIPS"),
             QStringLiteral("ON-DEMAND"), QStringLiteral("SPOT"), QStringLiteral("RESERVED-1Y"),
             QStringLiteral("RESERVED-3Y"), QStringLiteral("AS OF"), QStringLiteral("PUBLISHED"),
             QStringLiteral("NETWORK"), QStringLiteral("MAX INSTANCES")});
        for (const Offering &o : offerings) {
            QStringList row{qs(o.id()), shownText(o.region), QString::number(o.chipsPerInstance)};
            for (Pricing p : kRentalPricings)
                row << shown(o.price(p));
            row << shownText(o.asOf);
            // A price published in another currency, with the rate it was converted at.
            if (o.publishedPerHour && o.currency != "USD")
                row << QStringLiteral("%1 %2/h at %3 USD (%4)")
                           .arg(qs(o.currency))
                           .arg(*o.publishedPerHour, 0, 'f', 2)
                           .arg(o.usdRate.value_or(0), 0, 'g', 6)
                           .arg(shownText(o.usdRateDate));
            else
                row << qs(o.currency);
            QString network = shownText(o.clusterNetwork);
            if (o.scaleOutBandwidth)
                network += QStringLiteral(", %1 per chip").arg(shown(o.scaleOutBandwidth));
            row << network << (o.maxInstances ? QString::number(*o.maxInstances) : kUnknown);
            table.add(row);
        }
        out << table.text(QStringLiteral("  "));
    }

    out << "\nsources (" << chip.sources.size() << "):\n";
    for (const Source &s : chip.sources) {
        out << "  [" << qs(s.field) << "] " << (s.title.empty() ? qs(s.url) : qs(s.title));
        if (!s.title.empty() && !s.url.empty())
            out << " <" << qs(s.url) << ">";
        if (!s.retrieved.empty())
            out << " (retrieved " << qs(s.retrieved) << ")";
        if (s.basis)
            out << " [" << qs(toString(*s.basis)) << "]";
        out << "\n";
    }
}

} // namespace

int list(const Options &options) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto store = openStore(options.catalogPath, err);
    if (!store)
        return BadInput;
    QString error;
    std::optional<Catalog> catalog = store->load(&error);
    if (!catalog) {
        err << "accelplan-cli: " << error << "\n";
        return BadInput;
    }
    if (!options.kind.isEmpty()) {
        std::erase_if(catalog->chips,
                      [&](const Chip &c) { return qs(toString(c.kind)) != options.kind; });
    }
    if (options.format == QLatin1String("json"))
        out << data::writeCatalogJson(*catalog, data::JsonContent::chipsOnly);
    else
        printChipTable(*catalog, out);
    return Success;
}

int show(const Options &options) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto store = openStore(options.catalogPath, err);
    if (!store)
        return BadInput;
    const std::string id = options.operands.first().toStdString();
    QString error;
    std::optional<Chip> chip = store->chip(id, &error);
    std::vector<Offering> offerings;
    if (chip)
        offerings = store->offeringsOf(id, &error);
    if (!error.isEmpty()) {
        err << "accelplan-cli: " << error << "\n";
        return BadInput;
    }
    if (!chip) {
        err << "accelplan-cli: " << store->path() << ": no chip '" << options.operands.first()
            << "' in the catalog (catalog list shows the ids)\n";
        return BadInput;
    }
    if (options.format == QLatin1String("json")) {
        Catalog one;
        one.dataVersion = store->dataVersion().toStdString();
        one.chips.push_back(std::move(*chip));
        one.offerings = std::move(offerings);
        out << data::writeCatalogJson(one);
    } else {
        // Names, notes and sources come from files: no control sequence reaches the terminal.
        QString text;
        QTextStream details(&text);
        printChipDetails(*chip, offerings, details);
        details.flush();
        out << data::terminalSafe(text, true);
    }
    return Success;
}

} // namespace accelplan::cli::catalog
