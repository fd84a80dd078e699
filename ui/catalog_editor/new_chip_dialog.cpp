// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_editor/new_chip_dialog.h"

#include "efficiency/efficiency_data.h"
#include "hardware/validation.h"
#include "support/text.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace accelplan::ui {

NewChipDialog::NewChipDialog(const Catalog &catalog, const QString &suggestedId, QWidget *parent)
    : QDialog(parent), catalog_(catalog) {
    setObjectName(QStringLiteral("newChipDialog"));
    setWindowTitle(tr("Add Chip"));
    auto *form = new QFormLayout(this);
    id_ = new QLineEdit(suggestedId, this);
    id_->setObjectName(QStringLiteral("newChipId"));
    id_->setToolTip(tr("Lower-case letters, digits, '-', '.', '+'; e.g. acme-x1-96gb"));
    vendor_ = new QLineEdit(this);
    vendor_->setObjectName(QStringLiteral("newChipVendor"));
    vendor_->setPlaceholderText(tr("e.g. Acme"));
    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("newChipName"));
    name_->setPlaceholderText(tr("e.g. X1 96GB"));
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("newChipKind"));
    for (ChipKind k : {ChipKind::gpu, ChipKind::tpu, ChipKind::npu, ChipKind::cpu, ChipKind::other})
        kind_->addItem(qs(toString(k)), static_cast<int>(k));
    class_ = new QComboBox(this);
    class_->setObjectName(QStringLiteral("newChipClass"));
    for (ChipClass c : {ChipClass::datacenter, ChipClass::workstation, ChipClass::edge})
        class_->addItem(qs(toString(c)), static_cast<int>(c));
    family_ = new QComboBox(this);
    family_->setObjectName(QStringLiteral("newChipFamily"));
    family_->addItem(tr("none (its software stack's generic rows)"), QString());
    for (const std::string &family : efficiencyData().families("training"))
        family_->addItem(qs(family), qs(family));
    family_->setToolTip(tr("The rows of the efficiency table that predict the chip: a new part "
                           "of a known architecture picks that architecture"));
    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("newChipProblem"));
    problem_->setStyleSheet(QStringLiteral("color: #d32f2f"));
    problem_->setWordWrap(true);
    problem_->hide();

    form->addRow(tr("Id"), id_);
    form->addRow(tr("Vendor"), vendor_);
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Kind"), kind_);
    form->addRow(tr("Class"), class_);
    form->addRow(tr("Efficiency family"), family_);
    form->addRow(problem_);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewChipDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QString NewChipDialog::problem() const {
    const std::string id = id_->text().trimmed().toStdString();
    if (!isValidChipId(id))
        return tr("'%1' is not a chip id: use lower-case letters, digits, '-', '.' or '+', at "
                  "most 128 characters")
            .arg(id_->text().trimmed());
    if (catalog_.findChip(id))
        return tr("the catalog has a chip '%1' already").arg(qs(id));
    if (vendor_->text().trimmed().isEmpty())
        return tr("a chip needs its vendor");
    return {};
}

Chip NewChipDialog::chip() const {
    Chip chip;
    chip.id = id_->text().trimmed().toStdString();
    chip.vendor = vendor_->text().trimmed().toStdString();
    const QString name = name_->text().trimmed();
    chip.name = (name.isEmpty() ? id_->text().trimmed() : name).toStdString();
    chip.kind = static_cast<ChipKind>(kind_->currentData().toInt());
    chip.chipClass = static_cast<ChipClass>(class_->currentData().toInt());
    chip.efficiencyFamily = family_->currentData().toString().toStdString();
    chip.provenance = Provenance::userAdded;
    return chip;
}

void NewChipDialog::accept() {
    const QString why = problem();
    problem_->setText(why);
    problem_->setVisible(!why.isEmpty());
    if (why.isEmpty())
        QDialog::accept();
}

} // namespace accelplan::ui
