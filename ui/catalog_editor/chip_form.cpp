// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_editor/chip_form.h"

#include "catalog_editor/chip_fields.h"
#include "catalog_editor/chip_list_model.h"
#include "catalog_editor/shown_quantity.h"
#include "catalog_editor/unit_field.h"
#include "efficiency/efficiency_data.h"
#include "hardware/validation.h"
#include "support/text.h"
#include "support/wheel_scrolls_form.h"
#include "units/format.h"

#include <QComboBox>
#include <QDate>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>

namespace accelplan::ui {

namespace {

// What the roles combo offers: the contract's two sets of roles.
constexpr std::array kRoles{Roles{true, true}, Roles{false, true}};

// The value under `key` as people read it, for "shipped: …".
QString shownValue(const Chip &chip, const QString &key) {
    if (const auto *q = chipQuantityField(key)) {
        const auto v = q->get(chip);
        return v ? shownQuantity(*v, q->measure) : ChipForm::tr("unknown");
    }
    for (const ChipTextField &f : chipTextFields())
        if (f.key == key)
            return f.get(chip).isEmpty() ? ChipForm::tr("empty") : f.get(chip);
    if (key == QStringLiteral("kind"))
        return qs(toString(chip.kind));
    if (key == QStringLiteral("class"))
        return chip.chipClass ? qs(toString(*chip.chipClass)) : ChipForm::tr("unknown");
    if (key == QStringLiteral("roles"))
        return rolesText(chip.roles);
    if (key == QStringLiteral("efficiency_family"))
        return efficiencyFamilyText(chip);
    if (key == QStringLiteral("year"))
        return chip.launchYear ? QString::number(*chip.launchYear) : ChipForm::tr("unknown");
    if (key == QStringLiteral("scale_up.domain_size"))
        return QString::number(chip.scaleUp.domainSize);
    if (key == QStringLiteral("scale_up.topology"))
        return qs(toString(chip.scaleUp.topology));
    return {};
}

QString sourceLine(const Source &s) {
    const QString title = s.title.empty() ? qs(s.url) : qs(s.title);
    QString line = s.url.empty() ? title.toHtmlEscaped()
                                 : QStringLiteral("<a href=\"%1\">%2</a>")
                                       .arg(qs(s.url).toHtmlEscaped(), title.toHtmlEscaped());
    if (!s.retrieved.empty())
        line = ChipForm::tr("%1, retrieved %2").arg(line, qs(s.retrieved));
    // How the value is known: a vendor's datasheet reads differently from an estimate.
    return s.basis ? ChipForm::tr("%1 (%2)").arg(line, basisText(*s.basis)) : line;
}

} // namespace

ChipForm::ChipForm(QWidget *parent) : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("chipTitle"));
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = title_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title_->setFont(big);
    layout->addWidget(title_);
    auto *statusRow = new QHBoxLayout;
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("chipStatus"));
    status_->setWordWrap(true);
    resetChip_ = new QPushButton(tr("Reset Chip to Shipped"), this);
    resetChip_->setObjectName(QStringLiteral("resetChipButton"));
    connect(resetChip_, &QPushButton::clicked, this, &ChipForm::resetChipRequested);
    statusRow->addWidget(status_, 1);
    statusRow->addWidget(resetChip_);
    layout->addLayout(statusRow);
    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("valueProblem"));
    problem_->setStyleSheet(QStringLiteral("color: #d32f2f"));
    problem_->setWordWrap(true);
    problem_->setTextFormat(Qt::RichText);
    problem_->hide();
    layout->addWidget(problem_);

    QFormLayout *identity = addSection(tr("Identity"));
    for (const char *key : {"vendor", "family", "name"})
        addTextRow(identity, QLatin1String(key));
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("kindCombo"));
    for (ChipKind k : allChipKinds())
        kind_->addItem(qs(toString(k)), static_cast<int>(k));
    connect(kind_, &QComboBox::activated, this, [this](int i) {
        edit(QStringLiteral("kind"),
             [k = allChipKinds()[static_cast<std::size_t>(i)]](Chip &c) { c.kind = k; });
    });
    addRow(identity, QStringLiteral("kind"), kind_);
    class_ = new QComboBox(this);
    class_->setObjectName(QStringLiteral("classCombo"));
    class_->addItem(tr("unknown"));
    for (ChipClass c : allChipClasses())
        class_->addItem(qs(toString(c)));
    connect(class_, &QComboBox::activated, this, [this](int i) {
        const std::optional<ChipClass> c =
            i == 0 ? std::nullopt
                   : std::optional(allChipClasses()[static_cast<std::size_t>(i - 1)]);
        edit(QStringLiteral("class"), [c](Chip &chip) { chip.chipClass = c; });
    });
    addRow(identity, QStringLiteral("class"), class_);
    roles_ = new QComboBox(this);
    roles_->setObjectName(QStringLiteral("rolesCombo"));
    for (Roles r : kRoles)
        roles_->addItem(rolesText(r));
    connect(roles_, &QComboBox::activated, this, [this](int i) {
        edit(QStringLiteral("roles"),
             [r = kRoles[static_cast<std::size_t>(i)]](Chip &chip) { chip.roles = r; });
    });
    addRow(identity, QStringLiteral("roles"), roles_);
    year_ = new QSpinBox(this);
    year_->setObjectName(QStringLiteral("yearSpin"));
    year_->setRange(1999, 2100);
    year_->setSpecialValueText(tr("unknown"));
    connect(year_, &QSpinBox::editingFinished, this, [this] {
        const std::optional<int> year =
            year_->value() == year_->minimum() ? std::nullopt : std::optional<int>(year_->value());
        if (chip_ && year != chip_->launchYear)
            edit(QStringLiteral("year"), [year](Chip &c) { c.launchYear = year; });
    });
    addRow(identity, QStringLiteral("year"), year_);
    for (const char *key : {"process", "software"})
        addTextRow(identity, QLatin1String(key));
    // Which rows of the efficiency table predict the chip: a chip added for hardware the
    // table knows (a new part of a shipped architecture) picks that architecture.
    family_ = new QComboBox(this);
    family_->setObjectName(QStringLiteral("efficiencyFamilyCombo"));
    family_->addItem(tr("none (its software stack's generic rows)"), QString());
    for (const std::string &family : efficiencyData().families("training"))
        family_->addItem(qs(family), qs(family));
    connect(family_, &QComboBox::activated, this, [this](int i) {
        const std::string family = family_->itemData(i).toString().toStdString();
        edit(QStringLiteral("efficiency_family"),
             [family](Chip &c) { c.efficiencyFamily = family; });
    });
    addRow(identity, QStringLiteral("efficiency_family"), family_);

    QFormLayout *compute = addSection(tr("Compute (dense peak)"));
    QFormLayout *memory = addSection(tr("Memory"));
    QFormLayout *fabric = addSection(tr("Interconnect"));
    QFormLayout *other = addSection(tr("Power and price"));
    for (const auto &q : data::chipQuantityFields()) {
        if (q.key.startsWith(QStringLiteral("peak_flops.")))
            addUnitRow(compute, q.key);
        else if (q.key.contains(QStringLiteral("bandwidth")) && !q.key.startsWith(u"memory"))
            continue; // with the fabric below
        else if (q.key.startsWith(QStringLiteral("tdp_watts")) ||
                 q.key.startsWith(QStringLiteral("price_usd")))
            addUnitRow(other, q.key); // with their ranges
        else
            addUnitRow(memory, q.key);
    }
    addTextRow(memory, QStringLiteral("memory_type"));
    addTextRow(fabric, QStringLiteral("scale_up.fabric"));
    addUnitRow(fabric, QStringLiteral("scale_up.bandwidth_bytes_per_s"));
    domain_ = new QSpinBox(this);
    domain_->setObjectName(QStringLiteral("domainSpin"));
    domain_->setRange(1, 1 << 20);
    connect(domain_, &QSpinBox::editingFinished, this, [this] {
        if (chip_ && domain_->value() != chip_->scaleUp.domainSize)
            edit(QStringLiteral("scale_up.domain_size"),
                 [n = domain_->value()](Chip &c) { c.scaleUp.domainSize = n; });
    });
    addRow(fabric, QStringLiteral("scale_up.domain_size"), domain_);
    topology_ = new QComboBox(this);
    topology_->setObjectName(QStringLiteral("topologyCombo"));
    for (Topology t : allTopologies())
        topology_->addItem(qs(toString(t)));
    connect(topology_, &QComboBox::activated, this, [this](int i) {
        edit(QStringLiteral("scale_up.topology"),
             [t = allTopologies()[static_cast<std::size_t>(i)]](Chip &c) {
                 c.scaleUp.topology = t;
             });
    });
    addRow(fabric, QStringLiteral("scale_up.topology"), topology_);
    addUnitRow(fabric, QStringLiteral("scale_out_bandwidth_bytes_per_s"));
    addTextRow(other, QStringLiteral("notes"));

    auto *sourcesBox = new QGroupBox(tr("Sources"), this);
    auto *sourcesLayout = new QVBoxLayout(sourcesBox);
    sources_ = new QLabel(sourcesBox);
    sources_->setObjectName(QStringLiteral("sourcesLabel"));
    sources_->setWordWrap(true);
    sources_->setOpenExternalLinks(true);
    sources_->setTextFormat(Qt::RichText);
    sourcesLayout->addWidget(sources_);
    auto *sourceButtons = new QHBoxLayout;
    auto *addSource = new QPushButton(tr("Add Source…"), sourcesBox);
    addSource->setObjectName(QStringLiteral("addSourceButton"));
    connect(addSource, &QPushButton::clicked, this, &ChipForm::askNewSource);
    removeSource_ = new QPushButton(tr("Remove Source…"), sourcesBox);
    removeSource_->setObjectName(QStringLiteral("removeSourceButton"));
    connect(removeSource_, &QPushButton::clicked, this, &ChipForm::askRemoveSource);
    sourceButtons->addWidget(addSource);
    sourceButtons->addWidget(removeSource_);
    sourceButtons->addStretch(1);
    sourcesLayout->addLayout(sourceButtons);
    layout->addWidget(sourcesBox);
    layout->addStretch(1);
    // The pane is half an editor window wide: a choice as long as "none (its software stack's
    // generic rows)" must not widen the form past it, nor a long name and id the title.
    for (QComboBox *combo : findChildren<QComboBox *>()) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
    }
    title_->setWordWrap(true);
    wheelScrollsForm(this);
    setChip(nullptr, std::nullopt);
}

QFormLayout *ChipForm::addSection(const QString &title) {
    auto *box = new QGroupBox(title, this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    static_cast<QVBoxLayout *>(layout())->addWidget(box);
    return form;
}

void ChipForm::addRow(QFormLayout *form, const QString &key, QWidget *field) {
    auto *row = new QHBoxLayout;
    row->addWidget(field, 1);
    auto *mark = new QLabel(this);
    mark->setObjectName(QStringLiteral("provenance:") + key);
    mark->setOpenExternalLinks(true);
    mark->setMinimumWidth(64);
    row->addWidget(mark);
    auto *reset = new QToolButton(this);
    reset->setObjectName(QStringLiteral("reset:") + key);
    reset->setText(QStringLiteral("↺"));
    reset->setAutoRaise(true);
    connect(reset, &QToolButton::clicked, this, [this, key] { emit resetFieldRequested(key); });
    row->addWidget(reset);
    marks_.insert(key, mark);
    resets_.insert(key, reset);
    form->addRow(chipFieldLabel(key), row);
}

void ChipForm::addUnitRow(QFormLayout *form, const QString &key) {
    const data::QuantityField<Chip> *q = chipQuantityField(key);
    auto *field = new UnitField(q->measure, this);
    field->setObjectName(key);
    field->setCheck([this, key](std::optional<double> v) { return checkValue(key, v); });
    connect(field, &UnitField::valueEdited, this, [this, key, q](std::optional<double> v) {
        edit(key, [q, v](Chip &c) { q->set(c, v); });
    });
    connect(field, &UnitField::problemChanged, this, &ChipForm::showProblems);
    units_.insert(key, field);
    unitOrder_ << key;
    addRow(form, key, field);
    // The reason right under the value, where the eye is; the title's summary may be scrolled
    // out of sight in a long form.
    auto *reason = new QLabel(this);
    reason->setObjectName(QStringLiteral("reason:") + key);
    reason->setStyleSheet(QStringLiteral("color: #d32f2f"));
    reason->setWordWrap(true);
    reason->hide();
    form->addRow(QString(), reason);
    reasons_.insert(key, reason);
    connect(field, &UnitField::problemChanged, reason, [reason](const QString &problem) {
        reason->setText(QObject::tr("Not saved: %1").arg(problem));
        reason->setVisible(!problem.isEmpty());
    });
}

void ChipForm::addTextRow(QFormLayout *form, const QString &key) {
    const ChipTextField *text = nullptr;
    for (const ChipTextField &f : chipTextFields())
        if (f.key == key)
            text = &f;
    auto *field = new QLineEdit(this);
    field->setObjectName(key);
    connect(field, &QLineEdit::editingFinished, this, [this, key, text, field] {
        if (chip_ && field->text().trimmed() != text->get(*chip_))
            edit(key, [text, value = field->text()](Chip &c) { text->set(c, value); });
    });
    texts_.insert(key, field);
    addRow(form, key, field);
}

QString ChipForm::checkValue(const QString &key, std::optional<double> value) const {
    if (!chip_)
        return {};
    Chip candidate = *chip_;
    chipQuantityField(key)->set(candidate, value);
    // Only this value's own problems: another value's belong to that value's field.
    for (const ValidationProblem &p : validateChip(candidate))
        if (qs(p.field) == key)
            return qs(p.message);
    return {};
}

void ChipForm::edit(const QString &key, const std::function<void(Chip &)> &change) {
    if (!chip_)
        return;
    Chip after = *chip_;
    change(after);
    if (after == *chip_)
        return;
    emit chipEdited(after, tr("Change %1 of %2").arg(chipFieldLabel(key), qs(chip_->id)));
}

bool ChipForm::addSource(const Source &source) {
    if (!chip_)
        return false;
    edit(QStringLiteral("sources"), [source](Chip &c) { c.sources.push_back(source); });
    return true;
}

bool ChipForm::removeSource(int index) {
    if (!chip_ || index < 0 || index >= static_cast<int>(chip_->sources.size()))
        return false;
    edit(QStringLiteral("sources"),
         [index](Chip &c) { c.sources.erase(c.sources.begin() + index); });
    return true;
}

void ChipForm::askNewSource() {
    if (!chip_)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add source"));
    auto *form = new QFormLayout(&dialog);
    auto *backs = new QComboBox(&dialog);
    backs->addItem(tr("The whole chip"), QStringLiteral("*"));
    for (const QString &key : unitOrder_)
        backs->addItem(chipFieldLabel(key), key);
    auto *title = new QLineEdit(&dialog);
    title->setPlaceholderText(tr("e.g. My measurement with nvbandwidth"));
    auto *url = new QLineEdit(&dialog);
    url->setPlaceholderText(QStringLiteral("https://…"));
    auto *retrieved = new QLineEdit(QDate::currentDate().toString(Qt::ISODate), &dialog);
    auto *basis = new QComboBox(&dialog);
    basis->addItem(tr("not said"));
    for (Basis b : {Basis::vendor, Basis::measured, Basis::secondary, Basis::estimate})
        basis->addItem(basisText(b), static_cast<int>(b));
    form->addRow(tr("Backs"), backs);
    form->addRow(tr("Title"), title);
    form->addRow(tr("Link"), url);
    form->addRow(tr("Retrieved (YYYY-MM-DD)"), retrieved);
    form->addRow(tr("Known from"), basis);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    dialog.resize(560, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The catalog's rules judge it when it is saved (a url or a title, an ISO date).
    const QVariant known = basis->currentData();
    addSource({backs->currentData().toString().toStdString(), url->text().trimmed().toStdString(),
               title->text().trimmed().toStdString(), retrieved->text().trimmed().toStdString(),
               known.isValid() ? std::optional(static_cast<Basis>(known.toInt())) : std::nullopt});
}

void ChipForm::askRemoveSource() {
    if (!chip_ || chip_->sources.empty())
        return;
    QStringList lines;
    for (const Source &s : chip_->sources)
        lines << (s.title.empty() ? qs(s.url) : qs(s.title));
    bool ok = false;
    const QString line =
        QInputDialog::getItem(this, tr("Remove source"),
                              tr("Source to remove (Undo brings it back):"), lines, 0, false, &ok);
    if (ok)
        removeSource(static_cast<int>(lines.indexOf(line)));
}

void ChipForm::showProblems() {
    // Every refused value, in the form's order: fixing one must not hide another's reason.
    QStringList lines;
    for (const QString &key : unitOrder_) {
        const UnitField *field = units_.value(key);
        if (field && !field->problem().isEmpty())
            lines << tr("%1 is not saved: %2")
                         .arg(chipFieldLabel(key), field->problem().toHtmlEscaped());
    }
    problem_->setText(lines.join(QStringLiteral("<br>")));
    problem_->setVisible(!lines.isEmpty());
}

void ChipForm::setChip(const Chip *chip, const std::optional<Chip> &shipped) {
    const std::optional<Chip> before = chip_;
    chip_ = chip ? std::optional<Chip>(*chip) : std::nullopt;
    shipped_ = shipped;
    setEnabled(chip != nullptr);
    const Chip shown = chip ? *chip : Chip{};
    title_->setText(chip ? tr("%1 %2  (%3)").arg(qs(shown.vendor), qs(shown.name), qs(shown.id))
                         : tr("No chip selected"));
    for (auto it = units_.begin(); it != units_.end(); ++it) {
        const auto *q = chipQuantityField(it.key());
        // A refused value the user is still fixing stays as typed when another value of the
        // same chip is saved; it goes when its own stored value changes (undo, reset).
        const bool fixing = !it.value()->problem().isEmpty() && chip && before &&
                            before->id == chip->id && q->get(*before) == q->get(*chip);
        if (!fixing)
            it.value()->setValue(q->get(shown));
    }
    for (const ChipTextField &f : chipTextFields())
        if (QLineEdit *field = texts_.value(f.key))
            field->setText(f.get(shown));
    kind_->setCurrentIndex(kind_->findData(static_cast<int>(shown.kind)));
    class_->setCurrentText(shown.chipClass ? qs(toString(*shown.chipClass)) : tr("unknown"));
    roles_->setCurrentText(rolesText(shown.roles));
    int family = family_->findData(qs(shown.efficiencyFamily));
    if (family < 0) { // a family the table does not have (from an import): shown as such
        family_->addItem(efficiencyFamilyText(shown), qs(shown.efficiencyFamily));
        family = family_->count() - 1;
    }
    family_->setCurrentIndex(family);
    year_->setValue(shown.launchYear.value_or(year_->minimum()));
    domain_->setValue(shown.scaleUp.domainSize);
    topology_->setCurrentText(qs(toString(shown.scaleUp.topology)));
    QStringList lines;
    for (const Source &s : shown.sources)
        lines << (s.field == "*" ? sourceLine(s)
                                 : tr("%1: %2").arg(chipFieldLabel(qs(s.field)), sourceLine(s)));
    removeSource_->setEnabled(!shown.sources.empty());
    sources_->setText(lines.isEmpty() ? tr("No source is given for this chip.")
                                      : lines.join(QStringLiteral("<br>")));
    showProvenance();
}

void ChipForm::showProvenance() {
    QStringList changed;
    for (auto it = marks_.begin(); it != marks_.end(); ++it) {
        const QString &key = it.key();
        QLabel *mark = it.value();
        QToolButton *reset = resets_.value(key);
        if (!chip_) {
            mark->clear();
            reset->setEnabled(false);
            continue;
        }
        const bool added = !shipped_;
        const bool same = shipped_ && sameChipField(*chip_, *shipped_, key);
        if (!same && !added)
            changed << chipFieldLabel(key);
        const QString word = added  ? provenanceText(Provenance::userAdded)
                             : same ? provenanceText(Provenance::shipped)
                                    : provenanceText(Provenance::userModified);
        const QString colour = added  ? QStringLiteral("#1565c0")
                               : same ? QStringLiteral("#757575")
                                      : QStringLiteral("#b35c00");
        mark->setText(QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, word));
        QStringList tip;
        if (!same && !added)
            tip << tr("Shipped value: %1").arg(shownValue(*shipped_, key).toHtmlEscaped());
        for (const Source &s : sourcesFor(*chip_, key))
            tip << tr("Source: %1").arg(sourceLine(s));
        if (tip.isEmpty())
            tip << tr("No source is given for this value.");
        mark->setToolTip(tip.join(QStringLiteral("<br>")));
        reset->setEnabled(!same && !added);
        reset->setToolTip(reset->isEnabled()
                              ? tr("Reset to the shipped value, %1").arg(shownValue(*shipped_, key))
                              : QString());
    }
    if (!chip_)
        status_->clear();
    else if (!shipped_)
        status_->setText(tr("Added by you: every value is yours."));
    else if (changed.isEmpty())
        status_->setText(tr("As shipped."));
    else
        status_->setText(tr("Changed by you: %1.").arg(changed.join(QStringLiteral(", "))));
    bool asShipped = false;
    if (chip_ && shipped_) {
        Chip mine = *chip_;
        mine.provenance = shipped_->provenance; // the values count, not the label
        asShipped = mine == *shipped_;
    }
    resetChip_->setEnabled(chip_ && shipped_ && !asShipped);
}

} // namespace accelplan::ui
