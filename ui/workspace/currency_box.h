// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Preferences → Amounts shown in: a currency and the rate it is converted at, with the rate's
// date. The rate is the user's to give (their bank's, their finance team's); where the catalog
// already converts a price from that currency, its rate and date are offered as a start.

#include "units/currency.h"

#include <QGroupBox>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;

namespace accelplan {
struct Catalog;
}

namespace accelplan::ui {

class CurrencyBox : public QGroupBox {
    Q_OBJECT
public:
    // `catalog` may be null: then no rate is offered.
    CurrencyBox(const Catalog *catalog, QWidget *parent = nullptr);

    // The currency as set; nothing while the rate is missing.
    std::optional<units::Currency> currency() const;

signals:
    // Whether currency() has something, after each change.
    void completeChanged(bool complete);

private:
    void chooseCode();

    const Catalog *catalog_;
    QComboBox *code_;
    QDoubleSpinBox *rate_;
    QDateEdit *date_;
    QLabel *origin_;
};

} // namespace accelplan::ui
