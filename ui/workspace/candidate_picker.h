// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Choosing what to compare: the catalog's chips, filtered by kind, vendor, provider and
// software ecosystem, ticked in or out of the scenario; below, the scenario's candidates with
// their chip counts, offerings, a "best count" search and removal. Every change is an undo
// step on the document.

#include "document/scenario_document.h"
#include "hardware/catalog.h"
#include "plan/best_count.h"

#include <QWidget>

#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace accelplan::ui {

class CandidatePicker : public QWidget {
    Q_OBJECT
public:
    CandidatePicker(ScenarioDocument *document, std::shared_ptr<const Catalog> catalog,
                    QWidget *parent = nullptr);

    // Reloads the ticks and the candidate list from the document.
    void refresh();
    // Searches the best count for the candidate at `index` under `goal`, in the background,
    // and sets it as one undo step when found.
    void findBestCount(std::size_t index, const Goal &goal);
    QTreeWidget *catalogTree() const { return tree_; }
    QTableWidget *candidateTable() const { return table_; }

signals:
    void statusMessage(const QString &message);
    // A best-count search has ended (found or not); for tests.
    void bestCountFinished(bool found);

private:
    void buildCatalogTree();
    void applyFilters();
    void chipTicked(QTreeWidgetItem *item);
    void rebuildTable();
    void setOffering(std::size_t index, const QString &offeringId);
    void setRole(std::size_t index, Role role);
    void applyBestCount(std::size_t index, const std::string &chipId,
                        const std::optional<BestCount> &best, const QString &label);

    ScenarioDocument *document_;
    std::shared_ptr<const Catalog> catalog_;
    bool loading_ = false;
    QLineEdit *search_;
    QComboBox *kind_, *vendor_, *provider_, *ecosystem_;
    QTreeWidget *tree_;
    QSpinBox *defaultCount_;
    QTableWidget *table_;
    std::vector<Candidate> shown_; // the candidates the table was built for
    // The providers renting each chip, by position in catalog_->chips.
    std::vector<std::vector<std::string>> providers_;
};

} // namespace accelplan::ui
