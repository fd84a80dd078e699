// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/results_table.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>

#include <algorithm>

namespace accelplan::ui {

ResultsTable::ResultsTable(QWidget *parent) : QTableView(parent) {
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
    }
}

QString ResultsTable::selectionAsCsv() const {
    std::vector<int> rows;
    if (selectionModel())
        for (const QModelIndex &index : selectionModel()->selectedRows())
            rows.push_back(proxy_.mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return model_.toCsv(rows);
}

void ResultsTable::copyAsCsv() { QApplication::clipboard()->setText(selectionAsCsv()); }

} // namespace accelplan::ui
