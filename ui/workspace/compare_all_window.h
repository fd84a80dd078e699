// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Tools → Compare Every Chip: what `accelplan-cli compare --all-chips` does, in the app. The
// catalog's chips (all, or those the filters pick), each at its best count for the workspace's
// scenario, searched in the background with progress and Cancel, then ranked by the scenario's
// goal in the results table. Rows chosen there join the scenario's candidates as one undo step.

#include "document/compare_all_run.h"
#include "document/scenario_document.h"
#include "hardware/catalog.h"
#include "plan/chip_filter.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace accelplan::ui {

class ResultsTable;

class CompareAllWindow : public QDialog {
    Q_OBJECT
public:
    CompareAllWindow(ScenarioDocument *document, std::shared_ptr<const Catalog> catalog,
                     QWidget *parent = nullptr);

    // The catalog editor saved a change: the filters and the next comparison use `catalog`.
    void setCatalog(std::shared_ptr<const Catalog> catalog);
    ChipFilter filter() const;
    // The searches the filters give for the scenario now: one per chip, two for a chip that
    // trains and serves.
    int comparisonCount() const;
    ResultsTable *results() const { return results_; }
    CompareAllRun *run() { return &run_; }

public slots:
    void compare();
    void cancel();
    // The selected rows (each chip at its count, offering and role) become candidates; chips
    // already there with the same role take the compared count instead. One undo step.
    void addSelectedToCandidates();

signals:
    // The table shows a finished comparison; for tests.
    void compared();

private:
    void fillFilters();
    void updateCount();
    void setRunning(bool running);
    void showProgress(int done, int total, const QString &current);
    void showResult(std::shared_ptr<const Analysis> analysis);

    ScenarioDocument *document_;
    std::shared_ptr<const Catalog> catalog_;
    std::shared_ptr<const Analysis> shown_;
    CompareAllRun run_;
    QComboBox *kind_, *vendor_, *chipClass_, *ecosystem_, *provider_;
    QSpinBox *maxChips_;
    QPushButton *compare_, *cancel_, *add_;
    QProgressBar *progress_;
    QLabel *status_;
    ResultsTable *results_;
};

} // namespace accelplan::ui
