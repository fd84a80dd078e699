// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_editor/chip_filter_model.h"

#include "catalog_editor/chip_list_model.h"
#include "support/text.h"

namespace accelplan::ui {

ChipFilterModel::ChipFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {
    setSortRole(ChipListModel::kSortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ChipFilterModel::setKind(const QString &kind) {
    kind_ = kind;
    invalidateFilter();
}

void ChipFilterModel::setVendor(const QString &vendor) {
    vendor_ = vendor;
    invalidateFilter();
}

void ChipFilterModel::setSoftware(const QString &software) {
    software_ = software;
    invalidateFilter();
}

void ChipFilterModel::setSearch(const QString &text) {
    search_ = text.trimmed();
    invalidateFilter();
}

bool ChipFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const {
    const auto *model = qobject_cast<const ChipListModel *>(sourceModel());
    const Chip *chip = model ? model->chipAt(sourceRow) : nullptr;
    if (!chip)
        return false;
    if (!kind_.isEmpty() && qs(toString(chip->kind)) != kind_)
        return false;
    if (!vendor_.isEmpty() && qs(chip->vendor) != vendor_)
        return false;
    if (!software_.isEmpty() && qs(chip->software) != software_)
        return false;
    if (search_.isEmpty())
        return true;
    for (const std::string *s : {&chip->name, &chip->vendor, &chip->family, &chip->id})
        if (qs(*s).contains(search_, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace accelplan::ui
