// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_editor/chip_list_model.h"

#include "catalog_editor/shown_quantity.h"
#include "support/text.h"
#include "units/format.h"

#include <QBrush>
#include <QColor>

#include <utility>

namespace accelplan::ui {

QString provenanceText(Provenance provenance) {
    switch (provenance) {
    case Provenance::shipped: return ChipListModel::tr("shipped");
    case Provenance::userModified: return ChipListModel::tr("changed");
    case Provenance::userAdded: return ChipListModel::tr("added");
    }
    return {};
}

namespace {

template <class Q> QVariant display(const std::optional<Q> &q) {
    return q ? QVariant(shownQuantity(q->value(), units::MeasureOf<Q>::value))
             : QVariant(QStringLiteral("—"));
}
QString thenByName(const QString &key, const Chip &chip) {
    return key + QChar(0x1f) + qs(chip.name); // the unit separator sorts before any letter
}
template <class Q> QVariant number(const std::optional<Q> &q) {
    return q ? QVariant(q->value()) : QVariant(-1.0);
}

} // namespace

ChipListModel::ChipListModel(QObject *parent)
    : QAbstractTableModel(parent), catalog_(std::make_shared<const Catalog>()) {}

void ChipListModel::setCatalog(std::shared_ptr<const Catalog> catalog) {
    beginResetModel();
    catalog_ = std::move(catalog);
    endResetModel();
}

int ChipListModel::rowOf(const std::string &id) const {
    for (std::size_t i = 0; i < catalog_->chips.size(); ++i)
        if (catalog_->chips[i].id == id)
            return static_cast<int>(i);
    return -1;
}

const Chip *ChipListModel::chipAt(int row) const {
    return row >= 0 && row < rowCount() ? &catalog_->chips[static_cast<std::size_t>(row)] : nullptr;
}

int ChipListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(catalog_->chips.size());
}

int ChipListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : Column::kColumns;
}

QVariant ChipListModel::data(const QModelIndex &index, int role) const {
    const Chip *chip = chipAt(index.row());
    if (!chip)
        return {};
    if (role == kIdRole)
        return qs(chip->id);
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole || role == kSortRole) {
        const bool sort = role == kSortRole;
        switch (column) {
        case name: return qs(chip->name);
        // "Intel" for "Intel (Habana)": the chip's name needs the room; the form has it whole.
        // Sorted by vendor or kind, the chips of one are in name order.
        case vendor: return sort ? thenByName(qs(chip->vendor), *chip) : shortVendor(*chip);
        case kind:
            return sort ? thenByName(qs(toString(chip->kind)), *chip) : qs(toString(chip->kind));
        case memory: return sort ? number(chip->memory) : display(chip->memory);
        case bandwidth:
            return sort ? number(chip->memoryBandwidth) : display(chip->memoryBandwidth);
        case peakBf16: {
            const auto peak = chip->peakAt(Precision::bf16);
            return sort ? number(peak) : display(peak);
        }
        case tdp: return sort ? number(chip->tdp) : display(chip->tdp);
        case provenance: return provenanceText(chip->provenance);
        case kColumns: break;
        }
    }
    if (role == Qt::ToolTipRole) // the whole name, when the column is too narrow for it
        return tr("%1 %2 (%3)").arg(qs(chip->vendor), qs(chip->name), qs(chip->id));
    if (role == Qt::ForegroundRole && column == provenance &&
        chip->provenance != Provenance::shipped)
        return QBrush(QColor(0x1565c0));
    if (role == Qt::TextAlignmentRole && column >= memory && column <= tdp)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ChipListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case name: return tr("Chip");
    case vendor: return tr("Vendor");
    case kind: return tr("Kind");
    case memory: return tr("Memory");
    case bandwidth: return tr("Bandwidth");
    case peakBf16: return tr("Peak BF16");
    case tdp: return tr("TDP");
    case provenance: return tr("Values");
    case kColumns: break;
    }
    return {};
}

} // namespace accelplan::ui
