// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/main_window.h"

#include "catalog/catalog_store.h"
#include "catalog/server_catalog.h"
#include "catalog_editor/catalog_editor_window.h"
#include "charts/crossover_chart.h"
#include "charts/growth_chart.h"
#include "charts/latency_chart.h"
#include "charts/memory_chart.h"
#include "charts/pareto_chart.h"
#include "charts/roofline_chart.h"
#include "charts/scaling_chart.h"
#include "charts/time_cost_chart.h"
#include "charts/tornado_chart.h"
#include "document/default_scenario.h"
#include "hardware/validation.h"
#include "io/scenario_json.h"
#include "report/export_report_dialog.h"
#include "support/paths.h"
#include "support/shown_currency.h"
#include "support/text.h"
#include "version.h"
#include "workspace/candidate_picker.h"
#include "workspace/catalog_location.h"
#include "workspace/compare_all_window.h"
#include "workspace/damaged_catalog_dialog.h"
#include "workspace/handbook_window.h"
#include "workspace/plan_panel.h"
#include "workspace/preferences_dialog.h"
#include "workspace/recent_files.h"
#include "workspace/recommendation_card.h"
#include "workspace/results_table.h"
#include "workspace/scenario_panel.h"
#include "workspace/shared_scenarios.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <set>

namespace accelplan::ui {

namespace {

const QString kScenarioFilter =
    QObject::tr("AccelPlan scenarios (*.accelplan.json *.json);;All files (*)");
constexpr int kMaxErrorLinesShown = 12;

std::shared_ptr<const Catalog> loadUserCatalog(QString *error) {
    auto catalog = data::loadCatalog(catalogLocation(), error);
    if (!catalog)
        return std::make_shared<const Catalog>();
    return std::make_shared<const Catalog>(std::move(*catalog));
}

QString localScenarioFile(const QMimeData *mime) {
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1)
        return {};
    const QUrl url = mime->urls().front();
    if (!url.isLocalFile())
        return {};
    const QString path = url.toLocalFile();
    return path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) ? path : QString();
}

} // namespace

MainWindow::MainWindow(std::shared_ptr<const Catalog> catalog, QWidget *parent)
    : QMainWindow(parent),
      catalog_(catalog ? std::move(catalog) : loadUserCatalog(&catalogError_)) {
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    // Before anything writes an amount.
    units::setShownCurrency(savedShownCurrency());
    recompute_ = new Recompute(catalog_, this);
    document_.reset(defaultScenario(), QString());

    createCentre();
    createDocks();
    createMenus();

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("computeStatus"));
    statusBar()->addWidget(status_, 1);
    catalogStatus_ = new QLabel(this);
    catalogStatus_->setObjectName(QStringLiteral("catalogStatus"));
    statusBar()->addPermanentWidget(catalogStatus_);
    showCatalogStatus();

    connect(&document_, &ScenarioDocument::scenarioChanged, this,
            [this] { recompute_->request(document_.scenario()); });
    connect(&document_, &ScenarioDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(&document_, &ScenarioDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(recompute_, &Recompute::progress, status_, &QLabel::setText);
    connect(recompute_, &Recompute::evaluated, this, &MainWindow::showAnalysis);
    connect(recompute_, &Recompute::completed, this, &MainWindow::showAnalysis);
    connect(picker_, &CandidatePicker::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });

    resize(1280, 800);
    defaultLayout_ = saveState();
    defaultCentralSplitter_ = vertical_->saveState();
    defaultResultsSplitter_ = top_->saveState();
    restoreLayout();
    updateTitle();
    recompute_->request(document_.scenario());
    if (!catalog)
        watchTeamCatalog();

    if (!catalogError_.isEmpty())
        QTimer::singleShot(0, this, [this] {
            // A file that is there but cannot be opened can be set aside for the shipped one.
            if (catalogLocation().isEmpty() && QFileInfo::exists(data::userCatalogPath())) {
                if (auto shipped =
                        offerShippedCatalog(this, data::userCatalogPath(), catalogError_))
                    setCatalog(std::move(shipped));
                return;
            }
            QMessageBox::warning(this, tr("Catalog"),
                                 tr("The hardware catalog could not be opened, so no chip can "
                                    "be evaluated:\n%1")
                                     .arg(catalogError_));
        });
}

MainWindow::~MainWindow() = default;

void MainWindow::createCentre() {
    results_ = new ResultsTable(this);
    card_ = new RecommendationCard(this);
    auto *cardScroll = new QScrollArea(this);
    cardScroll->setWidget(card_);
    cardScroll->setWidgetResizable(true);
    cardScroll->setFrameShape(QFrame::NoFrame);
    charts_ = new QTabWidget(this);
    charts_->setObjectName(QStringLiteral("chartTabs"));
    charts_->setDocumentMode(true);
    timeCost_ = new TimeCostChart(charts_);
    memory_ = new MemoryChart(charts_);
    pareto_ = new ParetoChart(charts_);
    latency_ = new LatencyChart(charts_);
    scaling_ = new ScalingChart(charts_);
    roofline_ = new RooflineChart(charts_);
    growth_ = new GrowthChart(charts_);
    tornado_ = new TornadoChart(charts_);
    crossover_ = new CrossoverChart(charts_);
    chartViews_ = {timeCost_, memory_, pareto_,  latency_,  scaling_,
                   roofline_, growth_, tornado_, crossover_};
    charts_->addTab(timeCost_, tr("Time and cost"));
    charts_->addTab(memory_, tr("Memory"));
    charts_->addTab(pareto_, tr("Cost vs time"));
    charts_->addTab(latency_, tr("Serving"));
    charts_->addTab(scaling_, tr("Scaling"));
    charts_->addTab(roofline_, tr("Roofline"));
    charts_->addTab(growth_, tr("Growth"));
    charts_->addTab(tornado_, tr("Sensitivity"));
    charts_->addTab(crossover_, tr("Beyond the CPU"));

    // The focus tabs sit on the table's top edge: one glance says what the columns answer.
    auto *resultsArea = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(resultsArea);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->setSpacing(0);
    resultsLayout->addWidget(results_->createFocusBar(resultsArea));
    resultsLayout->addWidget(results_, 1);

    top_ = new QSplitter(Qt::Horizontal, this);
    top_->setObjectName(QStringLiteral("resultsSplitter"));
    top_->addWidget(resultsArea);
    top_->addWidget(cardScroll);
    top_->setStretchFactor(0, 3);
    top_->setStretchFactor(1, 0); // a wider window widens the table: more columns in sight
    top_->setSizes({660, 240});   // the overview's columns in sight; the card holds its paragraphs

    vertical_ = new QSplitter(Qt::Vertical, this);
    vertical_->setObjectName(QStringLiteral("centralSplitter"));
    vertical_->addWidget(top_);
    vertical_->addWidget(charts_);
    vertical_->setStretchFactor(0, 2);
    vertical_->setStretchFactor(1, 3);
    vertical_->setSizes({280, 420});
    setCentralWidget(vertical_);
}

void MainWindow::createDocks() {
    panel_ = new ScenarioPanel(&document_, this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(panel_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scenarioDock_ = new QDockWidget(tr("Scenario"), this);
    scenarioDock_->setObjectName(QStringLiteral("scenarioDock"));
    scenarioDock_->setWidget(scroll);
    addDockWidget(Qt::LeftDockWidgetArea, scenarioDock_);

    picker_ = new CandidatePicker(&document_, catalog_, this);
    candidatesDock_ = new QDockWidget(tr("Candidates"), this);
    candidatesDock_->setObjectName(QStringLiteral("candidatesDock"));
    candidatesDock_->setWidget(picker_);
    addDockWidget(Qt::LeftDockWidgetArea, candidatesDock_);
    // One column of tabs leaves the middle wide enough for the table and the charts at
    // 1280 pixels; the user can pull either dock out beside the other.
    tabifyDockWidget(scenarioDock_, candidatesDock_);
    scenarioDock_->raise();
    resizeDocks({scenarioDock_}, {370}, Qt::Horizontal);
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *newAction = file->addAction(tr("&New"), this, [this] {
        if (maybeSave())
            newScenario();
    });
    newAction->setShortcut(QKeySequence::New);
    newAction->setObjectName(QStringLiteral("newAction"));
    QMenu *examples = file->addMenu(tr("New from &Example"));
    examples->setObjectName(QStringLiteral("examplesMenu"));
    const QDir exampleDir(QDir(data::shippedDataDir()).filePath(QStringLiteral("examples")));
    const QStringList exampleFiles =
        data::shippedDataDir().isEmpty()
            ? QStringList()
            : exampleDir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : exampleFiles) {
        const QString path = exampleDir.filePath(name);
        QString title = QFileInfo(name).completeBaseName();
        title.replace(QLatin1Char('-'), QLatin1Char(' '));
        examples->addAction(title, this, [this, path] {
            if (maybeSave())
                openExample(path);
        });
    }
    examples->setEnabled(!exampleFiles.isEmpty());
    QAction *openAction = file->addAction(tr("&Open…"), this, &MainWindow::open);
    openAction->setShortcut(QKeySequence::Open);
    QMenu *recentMenu = file->addMenu(tr("Open &Recent"));
    recentMenu->setObjectName(QStringLiteral("recentMenu"));
    recent_ = new RecentFiles(recentMenu, this);
    connect(recent_, &RecentFiles::openRequested, this, &MainWindow::openRequested);
    file->addSeparator();
    QAction *saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAsAction = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    // Not every platform theme has a Save As key; Ctrl+Shift+S is what people expect.
    saveAsAction->setShortcut(QKeySequence(QKeySequence::SaveAs).isEmpty()
                                  ? QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)
                                  : QKeySequence(QKeySequence::SaveAs));
    saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    file->addSeparator();
    file->addAction(tr("Open Share&d Scenario…"), this,
                    [this] {
                        if (auto shared = pickSharedScenario(this, catalogLocation()))
                            document_.reset(*shared, QString());
                    })
        ->setObjectName(QStringLiteral("openSharedAction"));
    file->addAction(tr("S&hare Scenario…"), this,
                    [this] {
                        if (shareScenario(this, catalogLocation(), document_.scenario()))
                            statusBar()->showMessage(tr("Shared in the catalog."), 8000);
                    })
        ->setObjectName(QStringLiteral("shareScenarioAction"));
    file->addAction(tr("&Export Report…"), this,
                    [this] { report::exportReportDialog(this, shown_, document_.filePath()); })
        ->setObjectName(QStringLiteral("exportReportAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    QAction *undo = document_.undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undoAction"));
    QAction *redo = document_.undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("redoAction"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("Copy Results as &CSV"), results_, &ResultsTable::copyAsCsv);
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence(QKeySequence::Preferences).isEmpty()
                                 ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
                                 : QKeySequence(QKeySequence::Preferences));
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setObjectName(QStringLiteral("preferencesAction"));

    QMenu *catalogMenu = menuBar()->addMenu(tr("&Catalog"));
    catalogMenu
        ->addAction(tr("&Edit Catalog…"), this,
                    [this] {
                        if (auto *editor =
                                CatalogEditorWindow::showFor(catalogLocation(), &document_, this))
                            connect(editor, &CatalogEditorWindow::catalogSaved, this,
                                    &MainWindow::setCatalog, Qt::UniqueConnection);
                    })
        ->setObjectName(QStringLiteral("editCatalogAction"));
    catalogMenu->addAction(tr("Use &Team Catalog…"), this, &MainWindow::showPreferences)
        ->setObjectName(QStringLiteral("teamCatalogAction"));

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    QAction *compareAll =
        tools->addAction(tr("&Compare Every Chip…"), this, &MainWindow::showCompareAll);
    compareAll->setObjectName(QStringLiteral("compareAllAction"));
    compareAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    compareAll->setToolTip(tr("Every chip of the catalog at its best count for this scenario, "
                              "ranked (Ctrl+Shift+K)"));

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->addAction(scenarioDock_->toggleViewAction());
    viewMenu_->addAction(candidatesDock_->toggleViewAction());
    viewMenu_->addSeparator();
    viewMenu_->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout)
        ->setObjectName(QStringLiteral("resetLayoutAction"));

    // The actions people reach for most, one click away; the bar is part of the saved layout.
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    newAction->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    openAction->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    saveAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    undo->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    redo->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    for (QAction *a : {newAction, openAction, saveAction, undo, redo})
        bar->addAction(a);
    bar->addSeparator();
    for (const char *name : {"compareAllAction", "editCatalogAction", "exportReportAction"})
        if (auto *a = findChild<QAction *>(QLatin1String(name)))
            bar->addAction(a);
    viewMenu_->addAction(bar->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *handbook = help->addAction(tr("&Handbook"), this, [this] { showHandbook(this); });
    handbook->setShortcut(QKeySequence(QKeySequence::HelpContents).isEmpty()
                              ? QKeySequence(Qt::Key_F1)
                              : QKeySequence(QKeySequence::HelpContents));
    handbook->setObjectName(QStringLiteral("handbookAction"));
    QAction *about = help->addAction(tr("&About AccelPlan"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::restoreLayout() {
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    if (settings.contains(QStringLiteral("geometry")))
        restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    vertical_->restoreState(settings.value(QStringLiteral("centralSplitter")).toByteArray());
    top_->restoreState(settings.value(QStringLiteral("resultsSplitter")).toByteArray());
}

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("centralSplitter"), vertical_->saveState());
    settings.setValue(QStringLiteral("resultsSplitter"), top_->saveState());
}

void MainWindow::updateTitle() {
    setWindowTitle(QStringLiteral("%1[*] — AccelPlan").arg(document_.displayName()));
    setWindowModified(document_.isModified());
}

void MainWindow::showAnalysis(std::shared_ptr<const Analysis> analysis) {
    shown_ = analysis;
    results_->setAnalysis(analysis);
    card_->setAnalysis(*analysis);
    for (ChartView *chart : chartViews_)
        chart->setAnalysis(*analysis);
    emit analysisShown(std::move(analysis));
}

void MainWindow::showInShownCurrency() {
    // The fields convert as they load; the numbers and sentences are written afresh.
    panel_->refresh();
    panel_->planPanel()->refresh();
    recompute_->request(document_.scenario());
}

void MainWindow::setCatalog(std::shared_ptr<const Catalog> catalog) {
    catalog_ = std::move(catalog);
    recompute_->setCatalog(catalog_);
    // The picker lists the catalog it was made with: a new one lists the new catalog.
    CandidatePicker *old = picker_;
    picker_ = new CandidatePicker(&document_, catalog_, this);
    connect(picker_, &CandidatePicker::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    candidatesDock_->setWidget(picker_);
    old->deleteLater();
    if (compareAll_)
        compareAll_->setCatalog(catalog_);
    showCatalogStatus();
    recompute_->request(document_.scenario());
}

CompareAllWindow *MainWindow::showCompareAll() {
    if (!compareAll_)
        compareAll_ = new CompareAllWindow(&document_, catalog_, this);
    compareAll_->show();
    compareAll_->raise();
    compareAll_->activateWindow();
    return compareAll_;
}

void MainWindow::showCatalogStatus() {
    const QString location = catalogLocation();
    const bool team = data::server::isServerLocation(location);
    catalogStatus_->setText((team ? tr("Team catalog %1 · %2 chips") : tr("Catalog %1 · %2 chips"))
                                .arg(qs(catalog_->dataVersion))
                                .arg(catalog_->chips.size()));
    catalogStatus_->setToolTip(
        team ? data::server::shownLocation(location)
             : QDir::toNativeSeparators(location.isEmpty() ? data::userCatalogPath() : location));
}

void MainWindow::watchTeamCatalog() {
    teamCatalog_.reset();
    const QString location = catalogLocation();
    if (!data::server::isServerLocation(location))
        return;
    data::OpenedCatalog opened = data::openCatalog(location);
    if (!opened.store)
        return;
    teamCatalog_ = std::move(opened.store);
    // Another member's change: the numbers follow it, as they follow this app's own edits.
    // A change by anyone (another member, the CLI, this app's editor): the numbers follow it.
    // Read on the connection that heard it, which is open already.
    teamCatalog_->watchChanges(this, [this] {
        QString error;
        std::optional<Catalog> catalog = teamCatalog_->load(&error);
        if (catalog && validateCatalog(*catalog).empty()) {
            setCatalog(std::make_shared<const Catalog>(std::move(*catalog)));
            statusBar()->showMessage(tr("The team catalog changed; every number follows it."),
                                     8000);
        } else {
            statusBar()->showMessage(
                catalog ? tr("The team catalog changed and now breaks a rule; the numbers stay "
                             "on the catalog as it was (the catalog editor lists the problems).")
                        : error,
                8000);
        }
    });
}

void MainWindow::showPreferences() {
    PreferencesDialog dialog(catalog_.get(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.applyDefaults())
        showInShownCurrency();
    if (dialog.catalogLocation() != catalogLocation())
        useCatalog(dialog.catalogLocation());
}

bool MainWindow::useCatalog(const QString &location) {
    QString error;
    auto catalog = data::loadCatalog(location, &error);
    if (!catalog) {
        QMessageBox::warning(
            this, tr("Catalog"),
            tr("That catalog cannot be used; the one in use stays:\n%1").arg(error));
        return false;
    }
    // An editor open on the old catalog would keep writing there.
    if (auto *editor = findChild<CatalogEditorWindow *>(QStringLiteral("catalogEditor"),
                                                        Qt::FindDirectChildrenOnly))
        editor->close();
    rememberCatalogLocation(location);
    setCatalog(std::make_shared<const Catalog>(std::move(*catalog)));
    watchTeamCatalog();
    return true;
}

void MainWindow::resetLayout() {
    restoreState(defaultLayout_);
    vertical_->restoreState(defaultCentralSplitter_);
    top_->restoreState(defaultResultsSplitter_);
    scenarioDock_->show();
    candidatesDock_->show();
    scenarioDock_->raise();
}

void MainWindow::newScenario() { document_.reset(defaultScenario(), QString()); }

void MainWindow::openExample(const QString &path) {
    if (openFile(path))
        document_.markSaved(QString()); // an example is a template: Save asks where
}

bool MainWindow::openFile(const QString &path) {
    const data::ScenarioReadResult read = data::readScenarioFile(path);
    if (!read.scenario) {
        const QStringList lines =
            data::toString(read.errors).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QMessageBox box(
            QMessageBox::Warning, tr("Cannot open scenario"),
            tr("%1 cannot be opened (%2). The current scenario is unchanged.")
                .arg(QDir::toNativeSeparators(path),
                     lines.size() == 1 ? tr("1 problem") : tr("%1 problems").arg(lines.size())),
            QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("openErrorBox"));
        box.setInformativeText(
            lines.mid(0, kMaxErrorLinesShown).join(QLatin1Char('\n')) +
            (lines.size() > kMaxErrorLinesShown ? QStringLiteral("\n…") : QString()));
        if (lines.size() > kMaxErrorLinesShown)
            box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.exec();
        return false;
    }
    document_.reset(*read.scenario, QFileInfo(path).absoluteFilePath());
    recent_->add(path);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::saveTo(const QString &path) {
    // A file that reading refuses (neither training nor inference, say) could not be opened
    // again: say what to change instead of writing it.
    const data::ScenarioReadResult check =
        data::readScenarioObject(data::scenarioToJsonObject(document_.scenario()), path);
    if (!check.scenario) {
        QMessageBox::critical(
            this, tr("Cannot save scenario"),
            tr("%1 was not saved: it could not be opened again. Change this "
               "first:\n%2")
                .arg(QDir::toNativeSeparators(path), data::toString(check.errors)));
        return false;
    }
    QString error;
    if (!data::writeScenarioFile(document_.scenario(), path, &error)) {
        QMessageBox::critical(this, tr("Cannot save scenario"),
                              tr("%1 was not saved; the file on disk is unchanged.\n%2")
                                  .arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    document_.markSaved(QFileInfo(path).absoluteFilePath());
    recent_->add(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::save() {
    if (document_.filePath().isEmpty())
        return saveAs();
    return saveTo(document_.filePath());
}

bool MainWindow::saveAs() {
    QString suggested = document_.filePath();
    if (suggested.isEmpty()) {
        const QString base = fileStem(document_.scenario().name, QStringLiteral("scenario"));
        suggested = QDir::home().filePath(base + QStringLiteral(".accelplan.json"));
    }
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Scenario"), suggested, kScenarioFilter);
    return !path.isEmpty() && saveTo(path);
}

void MainWindow::open() {
    if (!maybeSave())
        return;
    const QString start = document_.filePath().isEmpty()
                              ? QDir::homePath()
                              : QFileInfo(document_.filePath()).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Scenario"), start, kScenarioFilter);
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::openRequested(const QString &path) {
    if (!QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("Cannot open scenario"),
                             tr("%1 no longer exists.").arg(QDir::toNativeSeparators(path)));
        recent_->remove(path);
        return;
    }
    if (maybeSave())
        openFile(path);
}

bool MainWindow::maybeSave() {
    if (!document_.isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"),
        tr("%1 has changes that are not saved. Save them?").arg(document_.displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    if (!localScenarioFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    const QString path = localScenarioFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    // After the drop returns: a modal prompt inside the drop handler would block the source.
    QTimer::singleShot(0, this, [this, path] {
        if (maybeSave())
            openFile(path);
    });
}

void MainWindow::showAbout() {
    std::set<QString> hosts;
    std::size_t sources = 0;
    for (const Chip &chip : catalog_->chips)
        for (const Source &s : chip.sources) {
            ++sources;
            const QString host = QUrl(qs(s.url)).host();
            if (!host.isEmpty())
                hosts.insert(host.startsWith(QStringLiteral("www.")) ? host.mid(4) : host);
        }
    QStringList hostList(hosts.begin(), hosts.end());
    const QString catalogPart =
        catalog_->chips.empty()
            ? tr("<p>No catalog is loaded.</p>")
            : tr("<p>Hardware catalog <b>%1</b>: %2 chips, %3 cloud offerings, %4 cited "
                 "sources from %5 sites (%6). Each value's source is in the catalog.</p>"
                 "<p>Catalog file: %7</p>")
                  .arg(qs(catalog_->dataVersion))
                  .arg(catalog_->chips.size())
                  .arg(catalog_->offerings.size())
                  .arg(sources)
                  .arg(hosts.size())
                  .arg(hostList.mid(0, 8).join(QStringLiteral(", ")) +
                       (hostList.size() > 8 ? tr(", …") : QString()))
                  .arg(QDir::toNativeSeparators(data::userCatalogPath()).toHtmlEscaped());
    QMessageBox::about(
        this, tr("About AccelPlan"),
        tr("<h3>AccelPlan %1</h3><p>%2</p>%3"
           "<p>AccelPlan is free software: you may share and change it under the terms of the "
           "GNU General Public License, version 3 or (at your option) any later version. It "
           "comes with no warranty. Its charts are drawn with QCustomPlot (GPL-3.0).</p>")
            .arg(QString::fromUtf8(kAppVersion), QString::fromUtf8(kAppDescription), catalogPart));
}

} // namespace accelplan::ui
