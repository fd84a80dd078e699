// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_editor/catalog_diff_view.h"

#include "catalog/catalog_diff.h"
#include "catalog/catalog_store.h"
#include "catalog_editor/chip_fields.h"
#include "catalog_editor/shown_quantity.h"
#include "io/catalog_file.h"
#include "support/text.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace accelplan::ui {

namespace {

QString chipValue(const Chip &chip, const QString &key) {
    if (const auto *q = chipQuantityField(key)) {
        const auto v = q->get(chip);
        return v ? shownQuantity(*v, q->measure) : CatalogDiffView::tr("unknown");
    }
    for (const ChipTextField &f : chipTextFields())
        if (f.key == key)
            return f.get(chip);
    if (key == QStringLiteral("sources"))
        return CatalogDiffView::tr("%n source(s)", nullptr, static_cast<int>(chip.sources.size()));
    if (key == QStringLiteral("kind"))
        return qs(toString(chip.kind));
    if (key == QStringLiteral("class"))
        return chip.chipClass ? qs(toString(*chip.chipClass)) : CatalogDiffView::tr("unknown");
    if (key == QStringLiteral("roles"))
        return rolesText(chip.roles);
    if (key == QStringLiteral("efficiency_family"))
        return efficiencyFamilyText(chip);
    if (key == QStringLiteral("year"))
        return chip.launchYear ? QString::number(*chip.launchYear) : QString();
    if (key == QStringLiteral("scale_up.domain_size"))
        return QString::number(chip.scaleUp.domainSize);
    if (key == QStringLiteral("scale_up.topology"))
        return qs(toString(chip.scaleUp.topology));
    return {};
}

QString offeringValue(const Offering &o, const QString &key) {
    for (const auto &q : data::offeringQuantityFields())
        if (q.key == key) {
            const auto v = q.get(o);
            return v ? shownQuantity(*v, q.measure) : QString();
        }
    if (key == QStringLiteral("region"))
        return qs(o.region);
    if (key == QStringLiteral("chips_per_instance"))
        return QString::number(o.chipsPerInstance);
    if (key == QStringLiteral("as_of"))
        return qs(o.asOf);
    if (key == QStringLiteral("source"))
        return qs(o.source);
    if (key == QStringLiteral("notes"))
        return qs(o.notes);
    if (key == QStringLiteral("currency"))
        return qs(o.currency);
    if (key == QStringLiteral("published_per_hour") && o.publishedPerHour)
        return QString::number(*o.publishedPerHour);
    if (key == QStringLiteral("usd_rate") && o.usdRate)
        return QString::number(*o.usdRate);
    if (key == QStringLiteral("usd_rate_date"))
        return qs(o.usdRateDate);
    if (key == QStringLiteral("cluster_network"))
        return qs(o.clusterNetwork);
    if (key == QStringLiteral("max_instances") && o.maxInstances)
        return QString::number(*o.maxInstances);
    if (key == QStringLiteral("regions")) {
        QStringList names;
        for (const std::string &r : o.regions)
            names << qs(r);
        return names.join(QStringLiteral(", "));
    }
    return {};
}

} // namespace

CatalogDiffView::CatalogDiffView(const Catalog &mine, QWidget *parent) : QDialog(parent) {
    setObjectName(QStringLiteral("catalogDiff"));
    setWindowTitle(tr("Changes against the shipped catalog"));
    auto *layout = new QVBoxLayout(this);
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("diffTree"));
    tree_->setHeaderLabels({tr("Record"), tr("Shipped"), tr("Yours")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto *summary = new QLabel(this);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    layout->addWidget(tree_, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 520);

    const data::CatalogFileRead seed = data::readCatalogFile(data::shippedSeedPath());
    if (!seed.catalog) {
        summary->setText(tr("The shipped catalog cannot be read, so nothing can be compared:\n%1")
                             .arg(seed.problems.join(QLatin1Char('\n'))));
        return;
    }
    const Catalog &shipped = *seed.catalog;
    int changed = 0, added = 0, deleted = 0;
    auto record = [this](const QString &name, const QString &what) {
        auto *item = new QTreeWidgetItem(tree_, {name, QString(), what});
        item->setFirstColumnSpanned(false);
        return item;
    };
    for (const Chip &chip : mine.chips) {
        const Chip *original = shipped.findChip(chip.id);
        if (!original) {
            record(tr("chip %1").arg(qs(chip.id)), tr("added by you"));
            ++added;
            continue;
        }
        const QStringList fields = data::changedFields(chip, *original);
        if (fields.isEmpty())
            continue;
        ++changed;
        QTreeWidgetItem *item = record(tr("chip %1").arg(qs(chip.id)),
                                       tr("%n value(s) changed", nullptr, int(fields.size())));
        for (const QString &key : fields)
            new QTreeWidgetItem(
                item, {chipFieldLabel(key), chipValue(*original, key), chipValue(chip, key)});
    }
    for (const Chip &chip : shipped.chips)
        if (!mine.findChip(chip.id)) {
            record(tr("chip %1").arg(qs(chip.id)), tr("deleted by you"));
            ++deleted;
        }
    for (const Offering &o : mine.offerings) {
        const Offering *original = shipped.findOffering(o.id());
        if (!original) {
            record(tr("offering %1").arg(qs(o.id())), tr("added by you"));
            ++added;
            continue;
        }
        const QStringList fields = data::changedFields(o, *original);
        if (fields.isEmpty())
            continue;
        ++changed;
        QTreeWidgetItem *item = record(tr("offering %1").arg(qs(o.id())),
                                       tr("%n value(s) changed", nullptr, int(fields.size())));
        for (const QString &key : fields)
            new QTreeWidgetItem(item, {key, offeringValue(*original, key), offeringValue(o, key)});
    }
    for (const Offering &o : shipped.offerings)
        if (!mine.findOffering(o.id())) {
            record(tr("offering %1").arg(qs(o.id())), tr("deleted by you"));
            ++deleted;
        }
    tree_->expandAll();
    summary->setText(changed + added + deleted == 0
                         ? tr("Your catalog is as shipped (%1).").arg(qs(shipped.dataVersion))
                         : tr("Against the shipped catalog %1: %2 changed, %3 added, %4 deleted.")
                               .arg(qs(shipped.dataVersion))
                               .arg(changed)
                               .arg(added)
                               .arg(deleted));
}

} // namespace accelplan::ui
