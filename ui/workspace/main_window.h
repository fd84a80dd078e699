// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The application's main window: the scenario panel and candidate picker in docks, the results
// table, the recommendation card and the charts in the middle; File (New, Open, Save, recent
// files, drag and drop), undo and redo, and the About box. Every edit recomputes off the UI
// thread (Recompute) and redraws when the result arrives.

#include "catalog/catalog_store.h"
#include "document/recompute.h"
#include "document/scenario_document.h"
#include "plan/analysis.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <vector>

class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;

namespace accelplan::ui {

class CandidatePicker;
class CompareAllWindow;
class ChartView;
class GrowthChart;
class LatencyChart;
class MemoryChart;
class ParetoChart;
class RooflineChart;
class ScalingChart;
class TimeCostChart;
class TornadoChart;
class CrossoverChart;
class RecentFiles;
class RecommendationCard;
class ResultsTable;
class ScenarioPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Without a catalog, the window opens the user's catalog (copied from the shipped seed on
    // first start) and says so when it cannot.
    explicit MainWindow(std::shared_ptr<const Catalog> catalog = nullptr,
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    ScenarioDocument *document() { return &document_; }
    Recompute *recompute() { return recompute_; }
    ResultsTable *resultsTable() { return results_; }
    RecommendationCard *recommendationCard() { return card_; }
    ScenarioPanel *scenarioPanel() { return panel_; }
    CandidatePicker *candidatePicker() { return picker_; }
    QTabWidget *chartTabs() { return charts_; }
    // Every chart, in tab order.
    const std::vector<ChartView *> &charts() const { return chartViews_; }
    TimeCostChart *timeCostChart() const { return timeCost_; }
    MemoryChart *memoryChart() const { return memory_; }
    ParetoChart *paretoChart() const { return pareto_; }
    LatencyChart *latencyChart() const { return latency_; }
    ScalingChart *scalingChart() const { return scaling_; }
    RooflineChart *rooflineChart() const { return roofline_; }
    GrowthChart *growthChart() const { return growth_; }
    TornadoChart *tornadoChart() const { return tornado_; }
    CrossoverChart *crossoverChart() const { return crossover_; }
    // What the window shows now (null before the first result).
    const std::shared_ptr<const Analysis> &shownAnalysis() const { return shown_; }

    // Opens a scenario file. A file with problems is not opened: a dialog lists each problem
    // with its place, and the current scenario stays as it was. No unsaved-changes prompt
    // (callers ask maybeSave() first).
    bool openFile(const QString &path);
    // Writes the scenario atomically; on failure says why and keeps the document modified.
    bool saveTo(const QString &path);
    // Asks what to do with unsaved changes; false when the user cancels.
    bool maybeSave();

public slots:
    void newScenario();
    void open();
    bool save();
    bool saveAs();
    void showAbout();
    // Tools → Compare Every Chip: the window, opened once and raised after.
    CompareAllWindow *showCompareAll();
    // Uses `catalog` from now on and recomputes: the catalog editor saved a change.
    void setCatalog(std::shared_ptr<const accelplan::Catalog> catalog);

signals:
    // The table, card and charts show `analysis` now; for tests and the benchmark.
    void analysisShown(std::shared_ptr<const accelplan::Analysis> analysis);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void createDocks();
    void createCentre();
    void restoreLayout();
    void saveLayout() const;
    void updateTitle();
    // The status bar's catalog version and chip count, for the catalog in use.
    // After the shown currency changed: every amount written again in it.
    void showInShownCurrency();
    void showCatalogStatus();
    // On a team catalog: listens for other members' changes and recomputes with them.
    void watchTeamCatalog();
    void showPreferences();
    // Opens and uses the catalog at `location` (empty: this computer's), kept for next time;
    // false, with a message, when it cannot be used (the one in use stays).
    bool useCatalog(const QString &location);
    // View → Reset Layout: the docks, bars and splitters as a first start has them.
    void resetLayout();
    void showAnalysis(std::shared_ptr<const Analysis> analysis);
    void openExample(const QString &path);
    void openRequested(const QString &path);

    // Declared first: catalog_'s initializer writes the reason the user's catalog did not open.
    QString catalogError_;
    std::shared_ptr<const Catalog> catalog_;
    std::unique_ptr<data::CatalogStore> teamCatalog_; // listening, on a team catalog
    QByteArray defaultLayout_, defaultCentralSplitter_, defaultResultsSplitter_;
    ScenarioDocument document_;
    Recompute *recompute_;
    std::shared_ptr<const Analysis> shown_;
    QLabel *catalogStatus_ = nullptr;
    QPointer<CompareAllWindow> compareAll_;

    ScenarioPanel *panel_ = nullptr;
    CandidatePicker *picker_ = nullptr;
    ResultsTable *results_ = nullptr;
    RecommendationCard *card_ = nullptr;
    QTabWidget *charts_ = nullptr;
    std::vector<ChartView *> chartViews_;
    TimeCostChart *timeCost_ = nullptr;
    MemoryChart *memory_ = nullptr;
    ParetoChart *pareto_ = nullptr;
    LatencyChart *latency_ = nullptr;
    ScalingChart *scaling_ = nullptr;
    RooflineChart *roofline_ = nullptr;
    GrowthChart *growth_ = nullptr;
    TornadoChart *tornado_ = nullptr;
    CrossoverChart *crossover_ = nullptr;
    QSplitter *vertical_ = nullptr;
    QSplitter *top_ = nullptr;
    QDockWidget *scenarioDock_ = nullptr;
    QDockWidget *candidatesDock_ = nullptr;
    QMenu *viewMenu_ = nullptr;
    RecentFiles *recent_ = nullptr;
    QLabel *status_ = nullptr;
};

} // namespace accelplan::ui
