// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Catalog → Add Chip…: the essentials a new chip needs before its values are typed (id,
// vendor, name, kind, class and the efficiency rows that predict it). A bad or taken id is
// said in the dialog, which stays open to fix it.

#include "hardware/catalog.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace accelplan::ui {

class NewChipDialog : public QDialog {
    Q_OBJECT
public:
    // `catalog` is where the id must be new; `suggestedId` fills the id to start from.
    NewChipDialog(const Catalog &catalog, const QString &suggestedId, QWidget *parent = nullptr);

    // The chip as typed, marked as added by the user.
    Chip chip() const;
    // Why the chip cannot be added as typed: a bad or taken id, no vendor; empty when it can.
    QString problem() const;

    void accept() override;

private:
    const Catalog &catalog_;
    QLineEdit *id_, *vendor_, *name_;
    QComboBox *kind_, *class_, *family_;
    QLabel *problem_;
};

} // namespace accelplan::ui
