// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The results table: sortable by any column (by the number, not the text), with the winner in
// bold and ruled-out candidates greyed; Copy (Ctrl+C or the context menu) puts the selected
// rows, or all of them, on the clipboard as CSV.

#include "workspace/results_model.h"

#include <QSortFilterProxyModel>
#include <QTableView>

namespace accelplan::ui {

class ResultsTable : public QTableView {
    Q_OBJECT
public:
    explicit ResultsTable(QWidget *parent = nullptr);

    ResultsModel *resultsModel() { return &model_; }
    void setAnalysis(std::shared_ptr<const Analysis> analysis);
    // The selected rows (all when none is selected) as CSV.
    QString selectionAsCsv() const;

public slots:
    void copyAsCsv();

private:
    ResultsModel model_;
    QSortFilterProxyModel proxy_;
};

} // namespace accelplan::ui
