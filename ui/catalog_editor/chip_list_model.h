// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The catalog's chips as table rows for the editor: name, vendor, kind, memory, bandwidth,
// peak BF16, TDP and provenance. Display text carries units; the sort role holds the number,
// so that 80 GiB sorts below 141 GB.

#include "hardware/catalog.h"

#include <QAbstractTableModel>

#include <memory>

namespace accelplan::ui {

class ChipListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { name, vendor, kind, memory, bandwidth, peakBf16, tdp, provenance, kColumns };
    static constexpr int kSortRole = Qt::UserRole;
    static constexpr int kIdRole = Qt::UserRole + 1;

    explicit ChipListModel(QObject *parent = nullptr);

    void setCatalog(std::shared_ptr<const Catalog> catalog);
    // The row of the chip with `id`, -1 when absent.
    int rowOf(const std::string &id) const;
    const Chip *chipAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const Catalog> catalog_;
};

// "shipped", "changed", "added" for people.
QString provenanceText(Provenance provenance);

} // namespace accelplan::ui
