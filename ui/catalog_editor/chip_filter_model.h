// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which chips the editor's table shows: by kind, vendor and software ecosystem (empty means
// any) and a search over name, vendor, family and id; sorted by the numbers, not the text.

#include <QSortFilterProxyModel>

namespace accelplan::ui {

class ChipFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ChipFilterModel(QObject *parent = nullptr);

    void setKind(const QString &kind);
    void setVendor(const QString &vendor);
    void setSoftware(const QString &software);
    void setSearch(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString kind_, vendor_, software_, search_;
};

} // namespace accelplan::ui
