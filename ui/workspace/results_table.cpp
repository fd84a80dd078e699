// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/results_table.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QTabBar>

#include <algorithm>

namespace accelplan::ui {

ResultsTable::ResultsTable(QWidget *parent) : QTableView(parent), focus_(lastFocus()) {
    setObjectName(QStringLiteral("resultsTable"));
    proxy_.setSourceModel(&model_);
    proxy_.setSortRole(ResultsModel::SortRole);
    setModel(&proxy_);
    setSortingEnabled(true);
    sortByColumn(0, Qt::AscendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    // The stretched last column (Problems) shrinks no further than this: the default 100 pixels
    // would push the overview past a 1280-pixel window's width.
    horizontalHeader()->setDefaultSectionSize(60);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &ResultsTable::showHeaderMenu);
    connect(horizontalHeader(), &QHeaderView::sectionMoved, this, [this] {
        if (!applying_)
            rememberOrder();
    });
    // A reset model (other columns) starts its header afresh: the focus's columns again.
    connect(&proxy_, &QAbstractItemModel::modelReset, this, &ResultsTable::applyColumns);

    auto *copy = new QAction(tr("Copy as CSV"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &ResultsTable::copyAsCsv);
    addAction(copy);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

void ResultsTable::setAnalysis(std::shared_ptr<const Analysis> analysis) {
    const int columnsBefore = model_.columnCount();
    model_.setAnalysis(std::move(analysis));
    if (model_.columnCount() != columnsBefore) {
        resizeColumnsToContents();
        // The problems column can hold long sentences; the tooltip shows them whole.
        for (int c = 0; c + 1 < model_.columnCount(); ++c)
            setColumnWidth(c, std::min(columnWidth(c), 260));
        // It stretches into what is left: sized to its header, it would push the overview past
        // a 1280-pixel window's width.
        setColumnWidth(model_.columnCount() - 1, horizontalHeader()->defaultSectionSize());
    } else {
        // New numbers in the same columns: a column widens for a value that no longer fits
        // ("2 s" became "76.89 ms") and never narrows, so that the table does not jitter.
        for (int c = 0; c + 1 < model_.columnCount(); ++c)
            if (!isColumnHidden(c))
                setColumnWidth(c, std::max(columnWidth(c), std::min(sizeHintForColumn(c), 260)));
    }
    fitChipColumn();
}

void ResultsTable::resizeEvent(QResizeEvent *event) {
    QTableView::resizeEvent(event);
    fitChipColumn();
}

void ResultsTable::fitChipColumn() {
    constexpr int kNarrowest = 160;
    const int chip = model_.columnOf(ResultsModel::Column::chip);
    const QHeaderView *header = horizontalHeader();
    if (chip < 0 || header->isSectionHidden(chip))
        return;
    int lastShown = -1, others = 0;
    for (int visual = header->count() - 1; visual >= 0 && lastShown < 0; --visual)
        if (!header->isSectionHidden(header->logicalIndex(visual)))
            lastShown = header->logicalIndex(visual);
    for (int logical = 0; logical < header->count(); ++logical)
        if (logical != chip && logical != lastShown && !header->isSectionHidden(logical))
            others += header->sectionSize(logical);
    const int room = viewport()->width() - others - header->defaultSectionSize();
    const int whole = sizeHintForColumn(chip);
    setColumnWidth(chip, std::min(whole, std::max(kNarrowest, room)));
}

std::vector<int> ResultsTable::selectedSourceRows() const {
    std::vector<int> rows;
    if (selectionModel())
        for (const QModelIndex &index : selectionModel()->selectedRows())
            rows.push_back(proxy_.mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void ResultsTable::setColumnFocus(ResultsFocus focus) {
    focus_ = focus;
    saveLastFocus(focus);
    applyColumns();
    emit columnFocusChanged(focus);
}

void ResultsTable::applyColumns() {
    QHeaderView *header = horizontalHeader();
    std::vector<ResultsModel::Column> wanted = chosenColumns(focus_);
    if (wanted.empty())
        wanted = model_.columns(); // All: every column, in the model's order
    applying_ = true;
    for (int logical = 0; logical < model_.columnCount(); ++logical)
        header->setSectionHidden(logical, true);
    int visual = 0;
    for (ResultsModel::Column c : wanted) {
        const int logical = model_.columnOf(c);
        if (logical < 0)
            continue; // a column this scenario does not have
        header->setSectionHidden(logical, false);
        header->moveSection(header->visualIndex(logical), visual++);
    }
    applying_ = false;
    fitChipColumn();
}

std::vector<ResultsModel::Column> ResultsTable::shownColumns() const {
    std::vector<ResultsModel::Column> out;
    const QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical) && logical < int(model_.columns().size()))
            out.push_back(model_.columns()[std::size_t(logical)]);
    }
    return out;
}

// Keeps what the user sees and, where they were, the focus's columns this scenario lacks (a
// serving scenario hides the training columns, which must come back with a training one).
void ResultsTable::rememberOrder() {
    std::vector<ResultsModel::Column> out = shownColumns();
    const std::vector<ResultsModel::Column> before = chosenColumns(focus_);
    for (std::size_t i = 0; i < before.size(); ++i)
        if (model_.columnOf(before[i]) < 0)
            out.insert(out.begin() + std::ptrdiff_t(std::min(i, out.size())), before[i]);
    saveChosenColumns(focus_, out);
}

void ResultsTable::setColumnShown(ResultsModel::Column column, bool shown) {
    const int logical = model_.columnOf(column);
    if (logical < 0)
        return;
    horizontalHeader()->setSectionHidden(logical, !shown);
    if (shown) {
        // A column shown again goes where the model has it among those shown, not at the end.
        QHeaderView *header = horizontalHeader();
        int target = 0;
        for (int visual = 0; visual < header->count(); ++visual) {
            const int other = header->logicalIndex(visual);
            if (other != logical && !header->isSectionHidden(other) && other < logical)
                target = visual + 1;
        }
        applying_ = true;
        header->moveSection(header->visualIndex(logical), std::min(target, header->count() - 1));
        applying_ = false;
        resizeColumnToContents(logical);
        setColumnWidth(logical, std::min(columnWidth(logical), 260));
    }
    rememberOrder();
}

void ResultsTable::resetColumns() {
    resetChosenColumns(focus_);
    applyColumns();
}

void ResultsTable::showHeaderMenu(const QPoint &pos) {
    QMenu menu(this);
    const std::size_t shown = shownColumns().size();
    for (ResultsModel::Column c : model_.columns()) {
        const int logical = model_.columnOf(c);
        QAction *a =
            menu.addAction(model_.headerData(logical, Qt::Horizontal, Qt::DisplayRole).toString());
        a->setCheckable(true);
        a->setChecked(!horizontalHeader()->isSectionHidden(logical));
        // The last column shown stays: a table without columns helps nobody.
        a->setEnabled(!(a->isChecked() && shown == 1));
        connect(a, &QAction::toggled, this, [this, c](bool on) { setColumnShown(c, on); });
    }
    menu.addSeparator();
    menu.addAction(tr("Reset Columns"), this, &ResultsTable::resetColumns);
    menu.exec(horizontalHeader()->mapToGlobal(pos));
}

QTabBar *ResultsTable::createFocusBar(QWidget *parent) {
    auto *bar = new QTabBar(parent);
    bar->setObjectName(QStringLiteral("resultsFocusBar"));
    bar->setDocumentMode(true);
    bar->setDrawBase(false);
    bar->setExpanding(false);
    for (ResultsFocus f : kResultsFoci) {
        const int i = bar->addTab(focusTitle(f));
        bar->setTabToolTip(i, focusToolTip(f));
        if (f == focus_)
            bar->setCurrentIndex(i);
    }
    connect(bar, &QTabBar::currentChanged, this, [this](int i) {
        if (i >= 0 && i < int(std::size(kResultsFoci)) && kResultsFoci[i] != focus_)
            setColumnFocus(kResultsFoci[i]);
    });
    connect(this, &ResultsTable::columnFocusChanged, bar, [bar](ResultsFocus f) {
        const auto *at = std::find(std::begin(kResultsFoci), std::end(kResultsFoci), f);
        bar->setCurrentIndex(int(at - std::begin(kResultsFoci)));
    });
    return bar;
}

QString ResultsTable::selectionAsCsv() const { return model_.toCsv(selectedSourceRows()); }

void ResultsTable::copyAsCsv() { QApplication::clipboard()->setText(selectionAsCsv()); }

} // namespace accelplan::ui
