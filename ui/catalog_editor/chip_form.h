// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The selected chip's values, each editable, each with where it comes from: whether it is as
// shipped, changed or added by the user, its sources (link, title, date) and a button that
// puts back the shipped value; sources can be added (a user's own measurement or quote) and
// removed. Quantities are typed with their units (UnitField) and checked
// against the catalog's rules as they are typed. The form writes nothing itself: it says what
// the chip would become (chipEdited) and the editor window makes that an undo step.

#include "hardware/chip.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace accelplan::ui {

class UnitField;

class ChipForm : public QWidget {
    Q_OBJECT
public:
    explicit ChipForm(QWidget *parent = nullptr);

    // Shows `chip` with its shipped version (nothing for a chip the user added); a null chip
    // empties and disables the form.
    void setChip(const Chip *chip, const std::optional<Chip> &shipped);
    const std::optional<Chip> &chip() const { return chip_; }

    // The field for a value by its catalog key ("memory_bandwidth_bytes_per_s"), or null.
    UnitField *unitField(const QString &key) const { return units_.value(key); }
    QLineEdit *textField(const QString &key) const { return texts_.value(key); }
    // Adds a source to the chip, or removes its source at `index`: an edit like any other (one
    // undo step, checked by the catalog's rules when saved). False when there is nothing to do.
    bool addSource(const Source &source);
    bool removeSource(int index);

    // The line under the title saying why typed values are refused; hidden when none is.
    QLabel *problemLabel() const { return problem_; }
    // The line under a value's field saying why what was typed there is refused; hidden when
    // nothing is.
    QLabel *reasonLabel(const QString &key) const { return reasons_.value(key); }
    // The line saying where a value comes from.
    QLabel *provenanceLabel(const QString &key) const { return marks_.value(key); }

signals:
    void chipEdited(const accelplan::Chip &after, const QString &description);
    void resetFieldRequested(const QString &key);
    void resetChipRequested();

private:
    QFormLayout *addSection(const QString &title);
    void addRow(QFormLayout *form, const QString &key, QWidget *field);
    void addUnitRow(QFormLayout *form, const QString &key);
    void addTextRow(QFormLayout *form, const QString &key);
    void edit(const QString &key, const std::function<void(Chip &)> &change);
    void showProvenance();
    void showProblems();
    void askNewSource();
    void askRemoveSource();
    QString checkValue(const QString &key, std::optional<double> value) const;

    std::optional<Chip> chip_;
    std::optional<Chip> shipped_;
    QLabel *title_;
    QLabel *status_;
    QLabel *problem_; // why values being typed cannot be saved, in words under the title
    QPushButton *resetChip_;
    QComboBox *kind_;
    QComboBox *class_;
    QComboBox *roles_;
    QComboBox *family_; // the efficiency family
    QSpinBox *year_;
    QSpinBox *domain_;
    QComboBox *topology_;
    QLabel *sources_;
    QPushButton *removeSource_;
    QHash<QString, UnitField *> units_;
    QStringList unitOrder_; // the unit fields' keys as the form shows them
    QHash<QString, QLineEdit *> texts_;
    QHash<QString, QLabel *> marks_;
    QHash<QString, QLabel *> reasons_; // under each quantity's field
    QHash<QString, QToolButton *> resets_;
};

} // namespace accelplan::ui
