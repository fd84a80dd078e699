// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The results table: sortable by any column (by the number, not the text), with the winner in
// bold and ruled-out candidates greyed; Copy (Ctrl+C or the context menu) puts the selected
// rows, or all of them, on the clipboard as CSV. Which columns show follows a focus (a tab bar
// above the table, results_columns.h); headers are dragged to reorder, and a header's context
// menu shows, hides or resets columns.

#include "workspace/results_columns.h"
#include "workspace/results_model.h"

#include <QSortFilterProxyModel>
#include <QTableView>

#include <vector>

class QTabBar;

namespace accelplan::ui {

class ResultsTable : public QTableView {
    Q_OBJECT
public:
    explicit ResultsTable(QWidget *parent = nullptr);

    ResultsModel *resultsModel() { return &model_; }
    void setAnalysis(std::shared_ptr<const Analysis> analysis);
    ResultsFocus columnFocus() const { return focus_; }
    void setColumnFocus(ResultsFocus focus);
    // The columns shown, left to right.
    std::vector<ResultsModel::Column> shownColumns() const;
    // Shows or hides one column in the current focus, remembered.
    void setColumnShown(ResultsModel::Column column, bool shown);
    // The current focus's own columns again.
    void resetColumns();
    // The tabs that choose the focus, for the caller to place above the table.
    QTabBar *createFocusBar(QWidget *parent);

    // The model's rows the user selected, ascending.
    std::vector<int> selectedSourceRows() const;
    // The selected rows (all when none is selected) as CSV.
    QString selectionAsCsv() const;

public slots:
    void copyAsCsv();

signals:
    void columnFocusChanged(accelplan::ui::ResultsFocus focus);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // The chip's name whole where the table has room, elided past 160 pixels where it has not
    // (the overview beside the card at 1280 pixels).
    void fitChipColumn();
    // Shows the focus's columns in its order (after a new focus or a model reset).
    void applyColumns();
    // The user dragged a header: the new order is remembered for the focus.
    void rememberOrder();
    void showHeaderMenu(const QPoint &pos);

    ResultsModel model_;
    QSortFilterProxyModel proxy_;
    ResultsFocus focus_;
    bool applying_ = false; // moving sections ourselves, not the user
};

} // namespace accelplan::ui
