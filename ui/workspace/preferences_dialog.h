// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Edit → Preferences…: where the catalog lives (this computer, or a team catalog on a server),
// what a new scenario starts from (pricing, electricity price, PUE), and how the catalog editor
// writes bytes.

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

namespace accelplan::ui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // The catalog location typed: empty for the catalog on this computer.
    QString catalogLocation() const;
    // Stores the new-scenario defaults and the byte units (the catalog location is the
    // caller's to apply: it has to be opened first).
    void applyDefaults() const;

private:
    QLineEdit *catalog_;
    QComboBox *pricing_, *bytes_;
    QDoubleSpinBox *electricity_, *pue_;
};

} // namespace accelplan::ui
