// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/candidate_picker.h"

#include "plan/best_count.h"
#include "plan/ecosystem.h"
#include "plan/providers.h"
#include "support/filter_choices.h"
#include "support/text.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QSpinBox>
#include <QTableWidget>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <set>

namespace accelplan::ui {

namespace {

constexpr int kChipIdRole = Qt::UserRole;
constexpr int kChipIndexRole = Qt::UserRole + 1; // position in Catalog::chips
constexpr int kDefaultCount = 64;
constexpr double kDay = 86400;

enum TableColumn { colChip, colCount, colRole, colOffering, colActions, colCountOfColumns };

} // namespace

CandidatePicker::CandidatePicker(ScenarioDocument *document, std::shared_ptr<const Catalog> catalog,
                                 QWidget *parent)
    : QWidget(parent), document_(document), catalog_(std::move(catalog)) {
    setObjectName(QStringLiteral("candidatePicker"));
    auto *layout = new QVBoxLayout(this);

    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("chipSearch"));
    search_->setPlaceholderText(tr("Search chips…"));
    search_->setClearButtonEnabled(true);
    layout->addWidget(search_);

    kind_ = filterCombo(this, QStringLiteral("kindFilter"), tr("All kinds"));
    setChoices(kind_, kindChoices());
    vendor_ = filterCombo(this, QStringLiteral("vendorFilter"), tr("All vendors"));
    setChoices(vendor_, vendorChoices(*catalog_));
    provider_ = filterCombo(this, QStringLiteral("providerFilter"), tr("All providers"));
    setChoices(provider_, providerChoices(*catalog_));
    ecosystem_ = filterCombo(this, QStringLiteral("ecosystemFilter"), tr("All ecosystems"));
    setChoices(ecosystem_, ecosystemChoices());
    auto *filters = new QGridLayout;
    filters->addWidget(kind_, 0, 0);
    filters->addWidget(vendor_, 0, 1);
    filters->addWidget(provider_, 1, 0);
    filters->addWidget(ecosystem_, 1, 1);
    layout->addLayout(filters);
    for (QComboBox *combo : {kind_, vendor_, provider_, ecosystem_})
        connect(combo, &QComboBox::currentIndexChanged, this, &CandidatePicker::applyFilters);
    connect(search_, &QLineEdit::textChanged, this, &CandidatePicker::applyFilters);

    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("catalogTree"));
    tree_->setHeaderLabels({tr("Chip"), tr("Memory"), tr("bf16 peak")});
    tree_->setRootIsDecorated(false);
    tree_->setUniformRowHeights(true);
    tree_->setAlternatingRowColors(true);
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    buildCatalogTree();
    connect(tree_, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item) {
        if (!loading_)
            chipTicked(item);
    });
    layout->addWidget(tree_, 3);

    auto *countRow = new QHBoxLayout;
    countRow->addWidget(new QLabel(tr("A ticked chip joins with"), this));
    defaultCount_ = new QSpinBox(this);
    defaultCount_->setObjectName(QStringLiteral("defaultCountSpin"));
    defaultCount_->setRange(1, 1 << 20);
    defaultCount_->setValue(kDefaultCount);
    defaultCount_->setSuffix(tr(" chips"));
    countRow->addWidget(defaultCount_);
    countRow->addStretch(1);
    layout->addLayout(countRow);

    table_ = new QTableWidget(0, colCountOfColumns, this);
    table_->setObjectName(QStringLiteral("candidateTable"));
    table_->setHorizontalHeaderLabels(
        {tr("Candidate"), tr("Chips"), tr("Role"), tr("Offering"), QString()});
    table_->verticalHeader()->setVisible(false);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setSectionResizeMode(colChip, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(colCount, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(colRole, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(colOffering, QHeaderView::Interactive);
    table_->horizontalHeader()->setSectionResizeMode(colActions, QHeaderView::ResizeToContents);
    table_->setColumnWidth(colOffering, 82);
    layout->addWidget(table_, 2);

    connect(document_, &ScenarioDocument::scenarioChanged, this, &CandidatePicker::refresh);
    refresh();
}

// Each chip and offering is read a fixed number of times (here and in applyFilters): looking
// chips up by id, and offerings by chip, made a catalog of 100,000 chips take the window over
// 20 s to build.
void CandidatePicker::buildCatalogTree() {
    const auto byChip = providersByChip(*catalog_);
    providers_.assign(catalog_->chips.size(), {});
    QList<QTreeWidgetItem *> items;
    items.reserve(qsizetype(catalog_->chips.size()));
    for (std::size_t index = 0; index < catalog_->chips.size(); ++index) {
        const Chip &chip = catalog_->chips[index];
        if (const auto found = byChip.find(chip.id); found != byChip.end())
            providers_[index] = found->second;
        auto *item = new QTreeWidgetItem;
        item->setText(0, chipLabel(chip));
        item->setData(0, kChipIdRole, qs(chip.id));
        item->setData(0, kChipIndexRole, qulonglong(index));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Unchecked);
        item->setText(1, chip.memory ? formatted(*chip.memory) : QStringLiteral("—"));
        const auto peak = chip.peakAt(Precision::bf16);
        item->setText(2, peak ? formatted(*peak) : QStringLiteral("—"));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, tr("%1\n%2\nSoftware: %3")
                                .arg(qs(chip.vendor) + QLatin1Char(' ') + qs(chip.name),
                                     qs(availability(providers_[index])), qs(chip.software)));
        items.append(item);
    }
    tree_->addTopLevelItems(items);
}

void CandidatePicker::applyFilters() {
    const QString text = search_->text().trimmed();
    const QString kind = kind_->currentData().toString();
    const QString vendor = vendor_->currentData().toString();
    const QString provider = provider_->currentData().toString();
    const QString ecosystem = ecosystem_->currentData().toString();
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = tree_->topLevelItem(i);
        const auto index = std::size_t(item->data(0, kChipIndexRole).toULongLong());
        const Chip *chip = &catalog_->chips[index];
        bool show = true;
        if (!text.isEmpty())
            show = item->text(0).contains(text, Qt::CaseInsensitive) ||
                   qs(chip->id).contains(text, Qt::CaseInsensitive);
        if (show && !kind.isEmpty())
            show = qs(toString(chip->kind)) == kind;
        if (show && !vendor.isEmpty())
            show = shortVendor(*chip) == vendor;
        if (show && !provider.isEmpty()) {
            const auto &providers = providers_[index];
            show = std::find(providers.begin(), providers.end(), provider.toStdString()) !=
                   providers.end();
        }
        if (show && !ecosystem.isEmpty()) {
            const auto e = ecosystemOf(*chip);
            show = e && qs(toString(*e)) == ecosystem;
        }
        item->setHidden(!show);
    }
}

void CandidatePicker::chipTicked(QTreeWidgetItem *item) {
    const std::string id = item->data(0, kChipIdRole).toString().toStdString();
    const auto &candidates = document_->scenario().candidates;
    if (item->checkState(0) == Qt::Checked) {
        document_->addCandidate(Candidate{id, defaultCount_->value(), std::nullopt, {}});
        return;
    }
    std::vector<Candidate> kept;
    std::copy_if(candidates.begin(), candidates.end(), std::back_inserter(kept),
                 [&](const Candidate &c) { return c.chipId != id; });
    document_->setCandidates(kept, tr("Remove %1").arg(chipLabel(*catalog_, id)));
}

void CandidatePicker::refresh() {
    loading_ = true;
    std::set<std::string> ticked;
    for (const Candidate &c : document_->scenario().candidates)
        ticked.insert(c.chipId);
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = tree_->topLevelItem(i);
        const bool on = ticked.count(item->data(0, kChipIdRole).toString().toStdString()) > 0;
        item->setCheckState(0, on ? Qt::Checked : Qt::Unchecked);
    }
    loading_ = false;
    rebuildTable();
}

void CandidatePicker::rebuildTable() {
    const auto &candidates = document_->scenario().candidates;
    // Only counts changed: update the spin boxes in place, so that the one being stepped keeps
    // its focus.
    const bool sameRows =
        candidates.size() == shown_.size() &&
        std::equal(candidates.begin(), candidates.end(), shown_.begin(),
                   [](const Candidate &a, const Candidate &b) {
                       return a.chipId == b.chipId && a.offering == b.offering && a.role == b.role;
                   });
    shown_ = candidates;
    if (sameRows) {
        for (std::size_t row = 0; row < candidates.size(); ++row) {
            auto *spin =
                qobject_cast<QSpinBox *>(table_->cellWidget(static_cast<int>(row), colCount));
            if (spin && spin->value() != candidates[row].count) {
                const QSignalBlocker block(spin);
                spin->setValue(candidates[row].count);
            }
        }
        return;
    }
    table_->setRowCount(0);
    table_->setRowCount(static_cast<int>(candidates.size()));
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const int row = static_cast<int>(i);
        const Candidate &c = candidates[i];
        auto *name = new QTableWidgetItem(chipLabel(*catalog_, c.chipId));
        name->setToolTip(qs(availability(*catalog_, c.chipId)));
        table_->setItem(row, colChip, name);

        auto *count = new QSpinBox(table_);
        count->setObjectName(QStringLiteral("countSpin%1").arg(row));
        // Below 1: "best", the count the goal prefers, found with each recomputation.
        count->setRange(kBestCount, 1 << 20);
        count->setSpecialValueText(tr("best"));
        count->setToolTip(tr("Chips of this candidate; \"best\" (below 1) lets AccelPlan find "
                             "the count the goal prefers"));
        count->setKeyboardTracking(false);
        count->setFrame(false);
        count->setValue(c.count);
        // Room for the candidate's name in a dock a third of a laptop screen wide.
        count->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 28);
        connect(count, &QSpinBox::valueChanged, this,
                [this, i](int value) { document_->setCandidateCount(i, value); });
        table_->setCellWidget(row, colCount, count);

        // Train here, serve there: each candidate may do one half only. A chip the catalog says
        // cannot train is offered serving alone.
        auto *role = new QComboBox(table_);
        role->setObjectName(QStringLiteral("roleCombo%1").arg(row));
        role->setFrame(false);
        role->setToolTip(tr("What this candidate is judged for: training and serving, or one of "
                            "them (the recommendation is then a plan of two candidates)"));
        const Chip *chip = catalog_->findChip(c.chipId);
        const bool trains = !chip || chip->roles.training;
        if (trains) {
            role->addItem(tr("both"), static_cast<int>(Role::both));
            role->addItem(tr("trains"), static_cast<int>(Role::training));
        }
        role->addItem(tr("serves"), static_cast<int>(Role::serving));
        role->setCurrentIndex(std::max(0, role->findData(static_cast<int>(c.role))));
        role->setMaximumWidth(fontMetrics().horizontalAdvance(tr("serves")) + 32);
        connect(role, &QComboBox::currentIndexChanged, this,
                [this, i, role] { setRole(i, static_cast<Role>(role->currentData().toInt())); });
        table_->setCellWidget(row, colRole, role);

        auto *offering = new QComboBox(table_);
        offering->setObjectName(QStringLiteral("offeringCombo%1").arg(row));
        offering->setFrame(false);
        offering->addItem(tr("cheapest"), QString());
        for (const Offering *o : catalog_->offeringsFor(c.chipId))
            offering->addItem(qs(o->id()), qs(o->id()));
        offering->setCurrentIndex(
            std::max(0, offering->findData(c.offering ? qs(*c.offering) : QString())));
        connect(offering, &QComboBox::currentIndexChanged, this,
                [this, i, offering] { setOffering(i, offering->currentData().toString()); });
        table_->setCellWidget(row, colOffering, offering);

        auto *actions = new QWidget(table_);
        auto *buttons = new QHBoxLayout(actions);
        buttons->setContentsMargins(0, 0, 0, 0);
        buttons->setSpacing(0);
        auto *best = new QToolButton(actions);
        best->setObjectName(QStringLiteral("bestCountButton%1").arg(row));
        best->setText(tr("Best"));
        best->setToolTip(tr("Find the best chip count (1 to 4,096) for this candidate"));
        best->setPopupMode(QToolButton::InstantPopup);
        auto *menu = new QMenu(best);
        const auto addGoal = [&](const QString &text, Goal goal) {
            connect(menu->addAction(text), &QAction::triggered, this,
                    [this, i, goal] { findBestCount(i, goal); });
        };
        addGoal(tr("Cheapest"),
                Goal{Objective::cheapest, std::nullopt, std::nullopt, std::nullopt});
        addGoal(tr("Cheapest finishing within a day"),
                Goal{Objective::cheapestWithinDeadline, std::nullopt, units::seconds(kDay),
                     std::nullopt});
        addGoal(tr("Cheapest finishing within a week"),
                Goal{Objective::cheapestWithinDeadline, std::nullopt, units::seconds(7 * kDay),
                     std::nullopt});
        addGoal(tr("Fastest"), Goal{Objective::fastest, std::nullopt, std::nullopt, std::nullopt});
        best->setMenu(menu);
        auto *remove = new QToolButton(actions);
        remove->setObjectName(QStringLiteral("removeButton%1").arg(row));
        remove->setText(QStringLiteral("✕"));
        remove->setToolTip(tr("Remove this candidate"));
        connect(remove, &QToolButton::clicked, this, [this, i] { document_->removeCandidate(i); });
        buttons->addWidget(best);
        buttons->addWidget(remove);
        table_->setCellWidget(row, colActions, actions);
    }
}

void CandidatePicker::setRole(std::size_t index, Role role) {
    std::vector<Candidate> candidates = document_->scenario().candidates;
    if (index >= candidates.size() || candidates[index].role == role)
        return;
    candidates[index].role = role;
    document_->setCandidates(candidates, tr("Set %1 to %2")
                                             .arg(chipLabel(*catalog_, candidates[index].chipId),
                                                  role == Role::both       ? tr("train and serve")
                                                  : role == Role::training ? tr("train only")
                                                                           : tr("serve only")));
}

void CandidatePicker::setOffering(std::size_t index, const QString &offeringId) {
    std::vector<Candidate> candidates = document_->scenario().candidates;
    if (index >= candidates.size())
        return;
    candidates[index].offering =
        offeringId.isEmpty() ? std::nullopt : std::optional(offeringId.toStdString());
    document_->setCandidates(
        candidates,
        tr("Choose offering for %1").arg(chipLabel(*catalog_, candidates[index].chipId)));
}

void CandidatePicker::findBestCount(std::size_t index, const Goal &goal) {
    const Scenario scenario = document_->scenario();
    if (index >= scenario.candidates.size())
        return;
    const Candidate candidate = scenario.candidates[index];
    const QString label = chipLabel(*catalog_, candidate.chipId);
    emit statusMessage(tr("Searching the best count of %1…").arg(label));
    QPointer<CandidatePicker> self(this);
    auto catalog = catalog_;
    QThreadPool::globalInstance()->start([self, scenario, index, goal, catalog, candidate, label] {
        const auto best = bestCount(scenario, index, goal, *catalog);
        if (CandidatePicker *picker = self.data())
            // Queued to the picker: it runs only while the picker is alive, on its thread.
            QMetaObject::invokeMethod(
                picker,
                [picker, best, index, chipId = candidate.chipId, label] {
                    picker->applyBestCount(index, chipId, best, label);
                },
                Qt::QueuedConnection);
    });
}

void CandidatePicker::applyBestCount(std::size_t index, const std::string &chipId,
                                     const std::optional<BestCount> &best, const QString &label) {
    const auto &now = document_->scenario().candidates;
    // The candidate may have gone or moved while the search ran.
    if (index >= now.size() || now[index].chipId != chipId) {
        emit bestCountFinished(false);
        return;
    }
    if (!best) {
        emit statusMessage(tr("No chip count up to 4,096 can run %1").arg(label));
        emit bestCountFinished(false);
        return;
    }
    document_->setCandidateCount(index, best->count);
    emit statusMessage(tr("Best count of %1: %2").arg(label).arg(best->count));
    emit bestCountFinished(true);
}

} // namespace accelplan::ui
