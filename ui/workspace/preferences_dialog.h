// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edit → Preferences…: where the catalog lives (this computer, or a team catalog on a server),
// the currency amounts are shown in, what a new scenario starts from (pricing, electricity
// price, PUE), and how the catalog editor writes bytes.

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

namespace accelplan {
struct Catalog;
}

namespace accelplan::ui {

class CurrencyBox;

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    // `catalog` (may be null) offers the rates it converts prices at.
    explicit PreferencesDialog(const Catalog *catalog, QWidget *parent = nullptr);

    // The catalog location typed: empty for the catalog on this computer.
    QString catalogLocation() const;
    // Stores the new-scenario defaults, the byte units and the shown currency, and makes the
    // process show that currency (the catalog location is the caller's to apply: it has to be
    // opened first). True when the shown currency changed.
    bool applyDefaults() const;

private:
    QLineEdit *catalog_;
    CurrencyBox *currency_;
    QComboBox *pricing_, *bytes_;
    QDoubleSpinBox *electricity_, *pue_;
};

} // namespace accelplan::ui
