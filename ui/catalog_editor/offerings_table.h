// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The selected chip's cloud offerings, edited in place: provider, instance, region, chips per
// instance, the price per instance-hour for each rental pricing (typed with units, "$98.32/h"),
// the price's date and source. A cell that cannot be read is refused with its reason and the
// offering stays as it was. Like the chip form, the table writes nothing itself.

#include "hardware/catalog.h"

#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace accelplan::ui {

class OfferingsTable : public QWidget {
    Q_OBJECT
public:
    explicit OfferingsTable(QWidget *parent = nullptr);

    // Shows the offerings of `chipId` in `catalog` (none when `chipId` is empty).
    void setOfferings(const Catalog &catalog, const std::string &chipId);
    QTableWidget *table() const { return table_; }
    // Why the last edit was refused; empty when it was not.
    QString problem() const;
    // Adds an offering of the shown chip priced on demand at `onDemandPrice` ("$98.32/h");
    // false, with problem() saying why, when the price cannot be read.
    bool addOffering(const QString &provider, const QString &instance, int chips,
                     const QString &onDemandPrice);

signals:
    void offeringEdited(const std::optional<accelplan::Offering> &before,
                        const accelplan::Offering &after);
    void deleteRequested(const std::string &offeringId);

private:
    void cellEdited(QTableWidgetItem *item);
    void askNewOffering();
    void showProblem(const QString &problem);

    std::string chipId_;
    std::vector<Offering> shown_;
    QTableWidget *table_;
    QLabel *problem_;
    QPushButton *add_;
    QPushButton *remove_;
    bool loading_ = false;
};

} // namespace accelplan::ui
