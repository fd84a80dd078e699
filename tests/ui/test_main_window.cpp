// SPDX-License-Identifier: GPL-3.0-or-later
// The main window driven as a user would, offscreen: menus and the About box; a chip count or
// the model changed in the real widgets changes the results table, and undo restores it; a
// saved scenario opens as it was; a bad file is refused with its problems located, and the
// scenario on screen stays as it was; on a team catalog, a colleague's change reaches it.

#include "catalog/catalog_store.h"
#include "charts/latency_chart.h"
#include "charts/memory_chart.h"
#include "charts/scaling_chart.h"
#include "charts/time_cost_chart.h"
#include "helpers/postgres_server.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"
#include "io/scenario_json.h"
#include "support/preferences.h"
#include "support/shown_currency.h"
#include "units/format.h"
#include "version.h"
#include "workspace/candidate_picker.h"
#include "workspace/catalog_location.h"
#include "workspace/compare_all_window.h"
#include "workspace/main_window.h"
#include "workspace/preferences_dialog.h"
#include "workspace/recommendation_card.h"
#include "workspace/results_table.h"
#include "workspace/scenario_panel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

#include <set>
#include <string>

using accelplan::Scenario;
using accelplan::ui::MainWindow;
using accelplan::ui::ResultsModel;
using Column = accelplan::ui::ResultsModel::Column;

namespace {

// Waits until the window shows the complete result of the scenario it holds.
bool settled(MainWindow &w) {
    const auto &shown = w.shownAnalysis();
    return shown && shown->sweepsDone && !w.recompute()->isBusy() &&
           shown->scenario == w.document()->scenario();
}

QString cell(MainWindow &w, int row, Column column) {
    ResultsModel *model = w.resultsTable()->resultsModel();
    const int col = model->columnOf(column);
    return col < 0 ? QString() : model->data(model->index(row, col), Qt::DisplayRole).toString();
}

QStringList column(MainWindow &w, Column c) {
    QStringList out;
    for (int row = 0; row < w.resultsTable()->resultsModel()->rowCount(); ++row)
        out << cell(w, row, c);
    return out;
}

accelplan::units::FormatOptions usdOptions() {
    accelplan::units::FormatOptions options;
    options.currency = accelplan::units::Currency{};
    return options;
}

std::vector<double> chartTimes(MainWindow &w) {
    std::vector<double> out;
    for (const auto &row : w.timeCostChart()->data().rows)
        out.push_back(row.time.nominal);
    return out;
}

double memoryTotal(MainWindow &w, std::size_t row) {
    return w.memoryChart()->data().panels.front().rows[row].total;
}

QAction *action(MainWindow &w, const char *name) {
    return w.findChild<QAction *>(QString::fromLatin1(name));
}

// Closes the next modal message box, keeping its text.
void answerNextMessageBox(QString *text, QMessageBox::StandardButton button = QMessageBox::Ok) {
    QTimer::singleShot(0, [text, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *text = box->text() + QLatin1Char('\n') + box->informativeText();
        box->button(button) ? box->button(button)->click() : box->reject();
    });
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        accelplan::test::isolateUserFiles();
        catalog_ = accelplan::test::shippedCatalog();
    }

    void hasTitleAndMenus() {
        MainWindow w(catalog_);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.windowTitle().contains(QStringLiteral("AccelPlan")));
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text().remove(QLatin1Char('&'));
        QVERIFY2(menus.contains(QStringLiteral("File")), qPrintable(menus.join(u',')));
        QVERIFY(menus.contains(QStringLiteral("Edit")));
        QVERIFY(menus.contains(QStringLiteral("Help")));
        QCOMPARE(action(w, "undoAction")->shortcut(), QKeySequence(QKeySequence::Undo));
        QCOMPARE(action(w, "redoAction")->shortcut(), QKeySequence(QKeySequence::Redo));
        // Save As has a key even where the platform theme gives none (offscreen here).
        QVERIFY(!action(w, "saveAsAction")->shortcut().isEmpty());
    }

    void aboutBoxShowsVersionAndCatalog() {
        MainWindow w(catalog_);
        QString text;
        answerNextMessageBox(&text);
        w.showAbout();
        QVERIFY2(text.contains(QString::fromUtf8(accelplan::kAppVersion)), qPrintable(text));
        QVERIFY2(text.contains(QString::fromStdString(catalog_->dataVersion)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("GNU General Public License, version 3")),
                 qPrintable(text));
    }

    // Train here, serve there, set in the picker: the H100 only serves, the Gaudi 3 only trains;
    // each is judged for its half alone, and undo makes them do both again.
    void rolesSetInThePickerMakeAPlan() {
        using accelplan::Role;
        MainWindow w(catalog_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const auto &candidates = w.document()->scenario().candidates;
        QCOMPARE(candidates[0].chipId, std::string("nvidia-h100-sxm5-80gb"));
        QCOMPARE(candidates[3].chipId, std::string("intel-gaudi3"));
        const auto choose = [&w](const char *combo, Role role) {
            auto *box = w.candidatePicker()->findChild<QComboBox *>(QString::fromLatin1(combo));
            QVERIFY(box);
            box->setCurrentIndex(box->findData(static_cast<int>(role)));
        };
        choose("roleCombo0", Role::serving);
        choose("roleCombo3", Role::training);
        QVERIFY(w.document()->scenario().candidates[0].role == Role::serving);
        QVERIFY(w.document()->scenario().candidates[3].role == Role::training);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const auto &results = w.shownAnalysis()->evaluation.results;
        QVERIFY(!results[0].training && results[0].inference);
        QVERIFY(results[3].training && !results[3].inference);
        const auto &plan = w.shownAnalysis()->recommendation.plan;
        QVERIFY(plan);
        QVERIFY(results[plan->training].chipId != "nvidia-h100-sxm5-80gb");
        QVERIFY(results[plan->serving].chipId != "intel-gaudi3");
        action(w, "undoAction")->trigger();
        action(w, "undoAction")->trigger();
        QVERIFY(w.document()->scenario().candidates[0].role == Role::both);
        QVERIFY(w.document()->scenario().candidates[3].role == Role::both);
    }

    // Every input of the Scenario dock says what it is; a quantity also says its unit.
    void everyInputHasATooltip() {
        MainWindow w(catalog_);
        QStringList missing;
        for (QWidget *input : w.scenarioPanel()->findChildren<QWidget *>()) {
            const bool isInput = qobject_cast<QAbstractSpinBox *>(input) ||
                                 qobject_cast<QComboBox *>(input) ||
                                 qobject_cast<QAbstractButton *>(input) ||
                                 (qobject_cast<QLineEdit *>(input) &&
                                  !qobject_cast<QAbstractSpinBox *>(input->parent()) &&
                                  !qobject_cast<QComboBox *>(input->parent())) ||
                                 (qobject_cast<QGroupBox *>(input) &&
                                  static_cast<QGroupBox *>(input)->isCheckable());
            if (isInput && input->toolTip().isEmpty())
                missing << input->objectName();
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));
        auto *params = w.scenarioPanel()->findChild<QWidget *>(QStringLiteral("paramsSpin"));
        QVERIFY2(params->toolTip().contains(u"70 B"), qPrintable(params->toolTip()));
    }

    // The focus tabs choose the columns; a column hidden or moved stays so, for that focus, in
    // the next window; Reset Columns brings the focus's own set back.
    void resultColumnsFollowTheFocusAndAreRemembered() {
        using accelplan::ui::ResultsFocus;
        using accelplan::ui::ResultsTable;
        std::vector<Column> trainingColumns;
        {
            MainWindow w(catalog_);
            QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
            auto *bar = w.findChild<QTabBar *>(QStringLiteral("resultsFocusBar"));
            QVERIFY(bar);
            QCOMPARE(bar->tabText(bar->currentIndex()), QStringLiteral("Overview"));
            ResultsTable *table = w.resultsTable();
            auto shown = table->shownColumns();
            QVERIFY(shown.front() == Column::rank);
            QVERIFY(std::find(shown.begin(), shown.end(), Column::monthlyCost) != shown.end());
            QVERIFY(std::find(shown.begin(), shown.end(), Column::layout) == shown.end());
            bar->setCurrentIndex(1); // Training
            QVERIFY(table->columnFocus() == ResultsFocus::training);
            shown = table->shownColumns();
            QVERIFY(std::find(shown.begin(), shown.end(), Column::layout) != shown.end());
            QVERIFY(std::find(shown.begin(), shown.end(), Column::ttft) == shown.end());
            table->setColumnShown(Column::mfu, false);
            // The user drags Time to train to the front.
            QHeaderView *header = table->horizontalHeader();
            const int logical = table->resultsModel()->columnOf(Column::timeToTrain);
            header->moveSection(header->visualIndex(logical), 0);
            trainingColumns = table->shownColumns();
            QVERIFY(trainingColumns.front() == Column::timeToTrain);
            QVERIFY(std::find(trainingColumns.begin(), trainingColumns.end(), Column::mfu) ==
                    trainingColumns.end());
        }
        MainWindow again(catalog_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(again), 60000);
        ResultsTable *table = again.resultsTable();
        QVERIFY(table->columnFocus() == ResultsFocus::training);
        QVERIFY(table->shownColumns() == trainingColumns);
        table->resetColumns();
        QVERIFY(table->shownColumns().front() == Column::rank);
        const auto reset = table->shownColumns();
        QVERIFY(std::find(reset.begin(), reset.end(), Column::mfu) != reset.end());
        table->setColumnFocus(ResultsFocus::overview);
    }

    // At 1280×800 the overview shows all its columns without scrolling sideways.
    void theOverviewFitsA1280By800Window() {
        MainWindow w(catalog_);
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QVERIFY(w.resultsTable()->columnFocus() == accelplan::ui::ResultsFocus::overview);
        QCOMPARE(w.resultsTable()->horizontalScrollBar()->maximum(), 0);
        QVERIFY(w.resultsTable()->shownColumns().size() >= 8);
    }

    // Tools → Compare Every Chip: the filtered chips at their best counts, ranked; two rows
    // chosen join the candidates as one undo step.
    void comparesEveryChipAndAddsTheChosenOnes() {
        using accelplan::ui::CompareAllWindow;
        MainWindow w(catalog_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        action(w, "compareAllAction")->trigger();
        auto *compare = w.findChild<CompareAllWindow *>();
        QVERIFY(compare);
        auto *button = compare->findChild<QPushButton *>(QStringLiteral("compareButton"));
        const int every = compare->comparisonCount();
        // The scenario trains and serves: each chip that can train is searched for both.
        QCOMPARE(button->text(), QStringLiteral("Compare %1 chips for training and for serving")
                                     .arg(catalog_->chips.size()));
        auto *kind = compare->findChild<QComboBox *>(QStringLiteral("compareKind"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("tpu")));
        const int tpus = compare->comparisonCount();
        QVERIFY(tpus > 0 && tpus < every);
        QVERIFY(button->text().startsWith(QStringLiteral("Compare %1 chips").arg(tpus / 2)));

        QSignalSpy compared(compare, &CompareAllWindow::compared);
        button->click();
        QVERIFY(!button->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(compared.count(), 1, 120000);
        QVERIFY(button->isEnabled());
        ResultsModel *model = compare->results()->resultsModel();
        QCOMPARE(model->rowCount(), tpus);
        for (const auto &result : model->analysis()->evaluation.results)
            QVERIFY2(result.chipId.starts_with("google-tpu"), result.chipId.c_str());
        auto *status = compare->findChild<QLabel *>(QStringLiteral("compareStatus"));
        QVERIFY2(status->text().startsWith(QStringLiteral("%1 compared").arg(tpus)),
                 qPrintable(status->text()));

        const auto before = w.document()->scenario().candidates;
        auto *add = compare->findChild<QPushButton *>(QStringLiteral("addToCandidates"));
        QVERIFY(!add->isEnabled());
        compare->results()->selectRow(0);
        compare->results()->selectionModel()->select(compare->results()->model()->index(1, 0),
                                                     QItemSelectionModel::Select |
                                                         QItemSelectionModel::Rows);
        QVERIFY(add->isEnabled());
        const auto rows = compare->results()->selectedSourceRows();
        QCOMPARE(rows.size(), std::size_t(2));
        add->click();
        const auto &after = w.document()->scenario().candidates;
        QCOMPARE(after.size(), before.size() + 2);
        for (std::size_t k = 0; k < 2; ++k)
            QVERIFY(after[before.size() + k] ==
                    model->analysis()->scenario.candidates[std::size_t(rows[k])]);
        QVERIFY2(status->text().startsWith(QStringLiteral("2 chips added to the candidates")),
                 qPrintable(status->text()));
        action(w, "undoAction")->trigger();
        QVERIFY(w.document()->scenario().candidates == before);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
    }

    // The serving runtime is one more choice of the Inference group: every serving result
    // follows it, and Undo brings back each chip's usual runtime.
    void theServingRuntimeIsChosenInTheInferenceGroup() {
        MainWindow w(catalog_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const auto runtimes = [&w] {
            std::set<std::string> seen;
            for (const auto &r : w.shownAnalysis()->evaluation.results)
                if (r.inference)
                    seen.insert(r.inference->runtime);
            return seen;
        };
        const std::set<std::string> usual = runtimes();
        QVERIFY(usual.size() > 1); // the default scenario's chips have different stacks
        auto *runtime = w.scenarioPanel()->findChild<QComboBox *>(QStringLiteral("runtimeCombo"));
        QVERIFY(runtime && runtime->isEnabled());
        QCOMPARE(runtime->currentData().toString(), QString());
        runtime->setCurrentIndex(runtime->findData(QStringLiteral("vllm")));
        QCOMPARE(*w.document()->scenario().inference->runtime, std::string("vllm"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QCOMPARE(runtimes(), std::set<std::string>{"vllm"});
        action(w, "undoAction")->trigger();
        QVERIFY(!w.document()->scenario().inference->runtime);
        QCOMPARE(runtime->currentData().toString(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QCOMPARE(runtimes(), usual);
    }

    // The math's format is left to the weights' until chosen: fp8 weights multiplied in bf16
    // make every prompt slower, and Undo gives the choice back to the weights.
    void theMathsFormatIsChosenInTheInferenceGroup() {
        MainWindow w(catalog_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const auto ttft = [&w] {
            return w.shownAnalysis()->evaluation.results.at(0).inference->ttft.value();
        };
        const double fp8Ttft = ttft();
        auto *math =
            w.scenarioPanel()->findChild<QComboBox *>(QStringLiteral("mathPrecisionCombo"));
        QVERIFY(math && math->isEnabled());
        QVERIFY(!w.document()->scenario().inference->computePrecision);
        QCOMPARE(math->currentIndex(), 0);
        math->setCurrentIndex(math->findData(static_cast<int>(accelplan::Precision::bf16)));
        QVERIFY(w.document()->scenario().inference->computePrecision == accelplan::Precision::bf16);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QVERIFY2(ttft() > 1.2 * fp8Ttft,
                 qPrintable(QStringLiteral("%1 s against %2 s").arg(ttft()).arg(fp8Ttft)));
        action(w, "undoAction")->trigger();
        QVERIFY(!w.document()->scenario().inference->computePrecision);
        QCOMPARE(math->currentIndex(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QCOMPARE(ttft(), fp8Ttft);
    }

    // Speculative decoding is off until the user gives drafts; then its acceptance applies,
    // the serving results follow, and Undo turns it off again.
    void speculativeDecodingIsSetInTheInferenceGroup() {
        using accelplan::Speculative;
        MainWindow w(catalog_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const double plainTpot =
            w.shownAnalysis()->evaluation.results.at(0).inference->tpot.value();
        QWidget *panel = w.scenarioPanel();
        auto *drafts = panel->findChild<QSpinBox *>(QStringLiteral("draftTokensSpin"));
        auto *acceptance =
            panel->findChild<QDoubleSpinBox *>(QStringLiteral("draftAcceptanceSpin"));
        QVERIFY(drafts && acceptance);
        QCOMPARE(drafts->value(), 0);
        QCOMPARE(drafts->specialValueText(), QStringLiteral("off"));
        QVERIFY(!acceptance->isEnabled());
        drafts->setValue(1);
        QVERIFY(*w.document()->scenario().inference->speculative == (Speculative{1, 0.7}));
        QVERIFY(acceptance->isEnabled());
        acceptance->setValue(90);
        QVERIFY(*w.document()->scenario().inference->speculative == (Speculative{1, 0.9}));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        // The drafts reach the analysis (whether they pay depends on the batch: core tests).
        QVERIFY(w.shownAnalysis()->evaluation.results.at(0).inference->tpot.value() != plainTpot);
        action(w, "undoAction")->trigger();
        action(w, "undoAction")->trigger();
        QVERIFY(!w.document()->scenario().inference->speculative);
        QCOMPARE(drafts->value(), 0);
        QVERIFY(!acceptance->isEnabled());
    }

    // The README's walkthrough, as a newcomer does it in the app alone: which chip, and how
    // many, serve Llama 3.1 70B at 20 requests/s under 300 ms TTFT, and at what monthly cost.
    void aNewcomerAnswersTheServingQuestionInTheApp() {
        using accelplan::InferenceMode;
        using accelplan::ui::CompareAllWindow;
        MainWindow w(catalog_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QWidget *panel = w.scenarioPanel();
        auto *model = panel->findChild<QComboBox *>(QStringLiteral("modelCombo"));
        model->setCurrentIndex(model->findData(QStringLiteral("llama-3.1-70b")));
        panel->findChild<QGroupBox *>(QStringLiteral("trainingGroup"))->setChecked(false);
        auto *mode = panel->findChild<QComboBox *>(QStringLiteral("modeCombo"));
        mode->setCurrentIndex(mode->findData(static_cast<int>(InferenceMode::server)));
        const auto type = [panel](const char *field, const char *text) {
            auto *spin = panel->findChild<QAbstractSpinBox *>(QString::fromLatin1(field));
            spin->findChild<QLineEdit *>()->selectAll();
            QTest::keyClicks(spin, QString::fromLatin1(text));
            QTest::keyClick(spin, Qt::Key_Return);
        };
        type("ttftSloSpin", "300 ms");
        type("requestRateSpin", "20");
        const Scenario &asked = w.document()->scenario();
        QCOMPARE(asked.workload.presetId, std::string("llama-3.1-70b"));
        QVERIFY(!asked.training);
        QCOMPARE(asked.inference->slo.ttft->value(), 0.3);
        QCOMPARE(*asked.inference->requestsPerSecond, 20.0);

        CompareAllWindow *compare = w.showCompareAll();
        QSignalSpy compared(compare, &CompareAllWindow::compared);
        compare->findChild<QPushButton *>(QStringLiteral("compareButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(compared.count(), 1, 300000);
        compare->results()->selectRow(0); // the table is ranked: the best first
        compare->findChild<QPushButton *>(QStringLiteral("addToCandidates"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);

        // The answer: the chips and their count, serving within the target at the rate, with
        // the fleet's monthly cost on the card and in the table.
        const auto &a = *w.shownAnalysis();
        const auto *winner = a.recommendation.winner();
        QVERIFY(winner);
        const auto &r = a.evaluation.results[winner->result];
        QVERIFY(r.inference && r.inference->fits);
        QVERIFY(r.inference->ttft.value() <= 0.3);
        QVERIFY(r.spend && r.spend->monthlyCost);
        const QString card = w.recommendationCard()
                                 ->findChild<QLabel *>(QStringLiteral("recommendationWinner"))
                                 ->text();
        QVERIFY2(card.contains(QString::number(r.count) + QStringLiteral(" × ")), qPrintable(card));
        QVERIFY(cell(w, int(winner->result), Column::monthlyCost).startsWith(u'$'));
    }

    // Cancel stops a comparison between two chips; what the stopped run still sends is dropped.
    void cancellingACompareKeepsNothingOfIt() {
        using accelplan::ui::CompareAllWindow;
        MainWindow w(catalog_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        CompareAllWindow *compare = w.showCompareAll();
        QSignalSpy compared(compare, &CompareAllWindow::compared);
        QSignalSpy cancelled(compare->run(), &accelplan::ui::CompareAllRun::cancelled);
        compare->findChild<QPushButton *>(QStringLiteral("compareButton"))->click();
        QVERIFY(compare->run()->isRunning());
        compare->findChild<QPushButton *>(QStringLiteral("compareCancel"))->click();
        QCOMPARE(cancelled.count(), 1);
        compare->run()->waitForIdle();
        QCoreApplication::processEvents();
        QCOMPARE(compared.count(), 0);
        QCOMPARE(compare->results()->resultsModel()->rowCount(), 0);
        QVERIFY(compare->findChild<QPushButton *>(QStringLiteral("compareButton"))->isEnabled());
        QVERIFY(compare->findChild<QLabel *>(QStringLiteral("compareStatus"))
                    ->text()
                    .startsWith(QStringLiteral("Cancelled")));
    }

    // Trust made visible: numbers resting on a chip the user changed say so on the card; with
    // the shipped catalog they say nothing.
    void theCardNamesCatalogValuesTheUserChanged() {
        MainWindow shipped(catalog_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(shipped), 60000);
        QCOMPARE(shipped.recommendationCard()->userValuesText(), QString());

        auto changed = std::make_shared<accelplan::Catalog>(*catalog_);
        for (accelplan::Chip &chip : changed->chips)
            if (chip.id == "amd-mi300x")
                chip.provenance = accelplan::Provenance::userModified;
        changed->changedFields["amd-mi300x"] = {"memory_bandwidth_bytes_per_s", "tdp_watts"};
        MainWindow w(changed);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const QString said = w.recommendationCard()->userValuesText();
        QVERIFY2(said.contains(QStringLiteral(
                     "MI300X (changed by you: memory_bandwidth_bytes_per_s, tdp_watts)")),
                 qPrintable(said));
        QVERIFY(!said.contains(QStringLiteral("H100")));
    }

    // Preferences: a new scenario starts from the pricing, electricity price and PUE chosen.
    void preferencesSetWhatANewScenarioStartsFrom() {
        using namespace accelplan;
        {
            ui::PreferencesDialog dialog(catalog_.get());
            auto *pricing = dialog.findChild<QComboBox *>(QStringLiteral("defaultPricingCombo"));
            auto *electricity =
                dialog.findChild<QDoubleSpinBox *>(QStringLiteral("electricitySpin"));
            auto *pue = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("pueSpin"));
            QVERIFY(pricing && electricity && pue);
            pricing->setCurrentIndex(pricing->findData(static_cast<int>(Pricing::reserved1y)));
            electricity->setValue(0.21);
            pue->setValue(1.12);
            dialog.applyDefaults();
        }
        MainWindow w(catalog_);
        w.newScenario();
        const Costs &costs = w.document()->scenario().costs;
        QVERIFY(costs.pricing == Pricing::reserved1y);
        QCOMPARE(units::inDollarsPerKilowattHour(costs.electricity), 0.21);
        QCOMPARE(costs.pue, 1.12);
        ui::setNewScenarioDefaults({});
    }

    // Preferences → Amounts shown in: a currency never gets a guessed rate (the catalog's own
    // conversion is offered; otherwise OK waits for one), and once chosen every amount in the
    // workspace is in it, converted at the rate the card states, while the scenario keeps
    // dollars: a budget typed in euros or in dollars is stored in dollars.
    void amountsShowInTheCurrencyChosen() {
        using namespace accelplan;
        // Dollars before and after, whatever an earlier run left in the settings.
        const auto dollarsAgain = [] {
            ui::saveShownCurrency({});
            units::setShownCurrency({});
        };
        dollarsAgain();
        const auto restore = qScopeGuard(dollarsAgain);
        {
            ui::PreferencesDialog dialog(catalog_.get());
            auto *code = dialog.findChild<QComboBox *>(QStringLiteral("currencyCombo"));
            auto *rate = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("currencyRateSpin"));
            auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QVERIFY(code && rate && ok);
            code->setCurrentText(QStringLiteral("CNY")); // the Ascend offerings convert it
            QVERIFY(std::fabs(rate->value() - 1 / 0.1395) < 1e-3);
            QVERIFY(ok->isEnabled());
            code->setCurrentText(QStringLiteral("CHF")); // nothing in the catalog does
            QCOMPARE(rate->value(), 0.0);
            QVERIFY(!ok->isEnabled());
            code->setCurrentText(QStringLiteral("EUR"));
            rate->setValue(0.9);
            QVERIFY(ok->isEnabled());
            QVERIFY(dialog.applyDefaults());
        }
        MainWindow w(catalog_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const QStringList monthly = column(w, Column::monthlyCost);
        QVERIFY(std::any_of(monthly.begin(), monthly.end(),
                            [](const QString &c) { return c.startsWith(u'€'); }));
        for (const QString &c : monthly)
            QVERIFY2(!c.contains(u'$'), qPrintable(c));
        const auto &a = *w.shownAnalysis();
        for (std::size_t i = 0; i < a.evaluation.results.size(); ++i)
            if (const auto &spend = a.evaluation.results[i].spend; spend && spend->monthlyCost)
                QCOMPARE(
                    cell(w, int(i), Column::monthlyCost),
                    QString::fromStdString(units::format(*spend->monthlyCost * 0.9, usdOptions()))
                        .replace(u'$', u'€'));
        QVERIFY(!QString::fromStdString(a.recommendation.why).contains(u'$'));
        const QString note = w.recommendationCard()
                                 ->findChild<QLabel *>(QStringLiteral("currencyNoteLabel"))
                                 ->text();
        QVERIFY2(note.contains(QStringLiteral("EUR at 0.9 per US dollar (rate of ")),
                 qPrintable(note));

        QWidget *panel = w.scenarioPanel();
        panel->findChild<QGroupBox *>(QStringLiteral("goalGroup"))->setChecked(true);
        auto *objective = panel->findChild<QComboBox *>(QStringLiteral("objectiveCombo"));
        objective->setCurrentIndex(
            objective->findData(static_cast<int>(Objective::lowestLatencyWithinBudget)));
        auto *budget = panel->findChild<QDoubleSpinBox *>(QStringLiteral("budgetSpin"));
        QVERIFY(budget->suffix().contains(u'€'));
        // Typed key by key; QTest's key names are ASCII, so the euro sign is sent as text.
        const auto type = [budget](const QString &text) {
            budget->findChild<QLineEdit *>()->selectAll();
            for (const QChar ch : text)
                QTest::sendKeyEvent(QTest::Click, budget, Qt::Key_unknown, QString(ch),
                                    Qt::NoModifier);
            QTest::keyClick(budget, Qt::Key_Return);
        };
        type(QStringLiteral("€9,000"));
        QVERIFY(w.document()->scenario().goal->budget);
        QCOMPARE(w.document()->scenario().goal->budget->value(), 10000.0);
        type(QStringLiteral("$20k"));
        QCOMPARE(w.document()->scenario().goal->budget->value(), 20000.0);
        QCOMPARE(budget->value(), 18000.0);
    }

    // Help → Handbook (F1) opens the shipped handbook; its pictures are all there, and it
    // explains every chart tab by the tab's own name.
    void handbookExplainsEveryChart() {
        MainWindow w(catalog_);
        QAction *handbook = action(w, "handbookAction");
        QCOMPARE(handbook->shortcut(), QKeySequence(Qt::Key_F1));
        handbook->trigger();
        auto *browser = w.findChild<QTextBrowser *>(QStringLiteral("handbook"));
        QVERIFY(browser);
        QVERIFY(browser->toPlainText().contains(QStringLiteral("How the numbers are made")));
        for (int i = 0; i < w.chartTabs()->count(); ++i)
            QVERIFY2(browser->toPlainText().contains(w.chartTabs()->tabText(i)),
                     qPrintable(w.chartTabs()->tabText(i)));
        const QString page = browser->source().toLocalFile();
        QFile file(page);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString source = QString::fromUtf8(file.readAll());
        QRegularExpression image(QStringLiteral("<img src=\"([^\"]+)\""));
        int images = 0;
        for (auto m = image.globalMatch(source); m.hasNext(); ++images) {
            const QString picture = QFileInfo(page).dir().filePath(m.next().captured(1));
            QVERIFY2(QFileInfo::exists(picture), qPrintable(picture));
        }
        QVERIFY(images >= 3);
    }

    // View → Reset Layout brings back a closed dock and the toolbar as a first start has them.
    void resetLayoutBringsBackTheDocks() {
        MainWindow w(catalog_);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("scenarioDock"));
        auto *bar = w.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        QVERIFY(dock && bar);
        QVERIFY(bar->actions().contains(action(w, "editCatalogAction")));
        dock->close();
        bar->hide();
        QVERIFY(!dock->isVisible());
        action(w, "resetLayoutAction")->trigger();
        QVERIFY(dock->isVisible());
        QVERIFY(bar->isVisible());
    }

    void chipCountChangesTableAndUndoRestoresIt() {
        MainWindow w(catalog_);
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const QStringList timesBefore = column(w, Column::timeToTrain);
        const std::vector<double> chartBefore = chartTimes(w);
        const double memoryBefore = memoryTotal(w, 0);
        const auto scalingBefore = w.scalingChart()->data().series[0].counts;
        QCOMPARE(cell(w, 0, Column::count), QStringLiteral("64"));

        auto *spin = w.candidatePicker()->findChild<QSpinBox *>(QStringLiteral("countSpin0"));
        QVERIFY(spin);
        spin->setValue(256); // as the user would: through the picker's spin box
        QCOMPARE(w.document()->scenario().candidates[0].count, 256);
        QVERIFY(w.isWindowModified());
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QCOMPARE(cell(w, 0, Column::count), QStringLiteral("256"));
        QVERIFY2(cell(w, 0, Column::timeToTrain) != timesBefore[0],
                 qPrintable(cell(w, 0, Column::timeToTrain)));
        // The charts follow: four times the chips train faster, and the memory chart shows the
        // layout chosen for them (more chips need not mean less per chip: the fastest layout
        // may shard less).
        QVERIFY(chartTimes(w)[0] < chartBefore[0]);
        QCOMPARE(chartTimes(w)[1], chartBefore[1]);
        QVERIFY(w.timeCostChart()->data().rows[0].label.startsWith(QStringLiteral("256 ×")));
        QVERIFY(memoryTotal(w, 0) != memoryBefore);
        QVERIFY(w.scalingChart()->data().series[0].counts != scalingBefore);

        action(w, "undoAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QCOMPARE(cell(w, 0, Column::count), QStringLiteral("64"));
        QCOMPARE(column(w, Column::timeToTrain), timesBefore);
        QCOMPARE(spin->value(), 64);
        QVERIFY(!w.isWindowModified());
        QCOMPARE(chartTimes(w), chartBefore);
        QCOMPARE(memoryTotal(w, 0), memoryBefore);
        QCOMPARE(w.scalingChart()->data().series[0].counts, scalingBefore);
    }

    void durationsInAColumnShareAUnit() {
        // The default scenario's training runs take from under two days to almost four: one
        // unit per column, so a glance down it compares them.
        MainWindow w(catalog_);
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        for (const Column c : {Column::timeToTrain, Column::ttft, Column::tpot, Column::latency}) {
            QSet<QString> units;
            for (const QString &text : column(w, c))
                if (text != QStringLiteral("—"))
                    units.insert(text.section(u' ', -1));
            QVERIFY2(units.size() == 1, qPrintable(column(w, c).join(QStringLiteral(", "))));
        }
    }

    void modelChangeChangesTableAndUndoRestoresIt() {
        MainWindow w(catalog_);
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const QStringList timesBefore = column(w, Column::timeToTrain);
        const std::vector<double> chartBefore = chartTimes(w);
        const double memoryBefore = memoryTotal(w, 0);
        const auto curveBefore = w.latencyChart()->data().series[0].y;
        const QString winnerBefore = w.recommendationCard()->winnerText();
        QVERIFY(!winnerBefore.isEmpty());

        auto *model = w.scenarioPanel()->findChild<QComboBox *>(QStringLiteral("modelCombo"));
        QVERIFY(model);
        model->setCurrentIndex(model->findData(QStringLiteral("llama-3.1-8b")));
        QCOMPARE(w.document()->scenario().workload.presetId, std::string("llama-3.1-8b"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const QStringList timesAfter = column(w, Column::timeToTrain);
        for (int row = 0; row < timesAfter.size(); ++row)
            QVERIFY2(timesAfter[row] != timesBefore[row], qPrintable(timesAfter.join(u',')));
        // An 8B model: every candidate trains faster, needs less memory, serves more tokens.
        for (std::size_t row = 0; row < chartBefore.size(); ++row)
            QVERIFY(chartTimes(w)[row] < chartBefore[row]);
        QVERIFY(memoryTotal(w, 0) != memoryBefore);
        QVERIFY(w.latencyChart()->data().series[0].y.back() > curveBefore.back());

        action(w, "undoAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QCOMPARE(column(w, Column::timeToTrain), timesBefore);
        QCOMPARE(model->currentData().toString(), QStringLiteral("llama-3.1-70b"));
        QCOMPARE(chartTimes(w), chartBefore);
        QCOMPARE(memoryTotal(w, 0), memoryBefore);
        QCOMPARE(w.latencyChart()->data().series[0].y, curveBefore);
        QCOMPARE(w.recommendationCard()->winnerText(), winnerBefore);
    }

    // The inputs and columns follow the model: a detector has no tokens to time, a speech
    // model has a real-time factor, every served result its energy per request.
    void columnsAndInputsFollowTheModel() {
        MainWindow w(catalog_);
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        ResultsModel *results = w.resultsTable()->resultsModel();
        QVERIFY(results->columnOf(Column::ttft) >= 0);
        auto *model = w.scenarioPanel()->findChild<QComboBox *>(QStringLiteral("modelCombo"));
        auto *ttft = w.scenarioPanel()->findChild<QDoubleSpinBox *>(QStringLiteral("ttftSloSpin"));
        auto *latency =
            w.scenarioPanel()->findChild<QDoubleSpinBox *>(QStringLiteral("latencySloSpin"));
        QVERIFY(model && ttft && latency);
        QVERIFY(ttft->isEnabled());

        model->setCurrentIndex(model->findData(QStringLiteral("yolov8s")));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QCOMPARE(results->columnOf(Column::ttft), -1);
        QCOMPARE(results->columnOf(Column::tpot), -1);
        QCOMPARE(results->columnOf(Column::realTime), -1);
        QVERIFY(results->columnOf(Column::requestEnergy) >= 0);
        QVERIFY(!ttft->isEnabled());
        QVERIFY(latency->isEnabled());
        const QString rate = column(w, Column::throughput).front();
        QVERIFY2(rate.endsWith(QStringLiteral(" images/s")), qPrintable(rate));
        QVERIFY2(column(w, Column::requestEnergy).front().endsWith(u'J'),
                 qPrintable(column(w, Column::requestEnergy).front()));

        model->setCurrentIndex(model->findData(QStringLiteral("whisper-small")));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QVERIFY(results->columnOf(Column::ttft) >= 0);
        QVERIFY(results->columnOf(Column::realTime) >= 0);
        QVERIFY(ttft->isEnabled());
        // Whisper small on the default scenario's data-centre chips: far faster than speech.
        const QVariant factor = results->data(
            results->index(0, results->columnOf(Column::realTime)), ResultsModel::SortRole);
        QVERIFY2(factor.isValid() && factor.toDouble() > 0 && factor.toDouble() < 1,
                 qPrintable(factor.toString()));
    }

    void tickingAChipAddsACandidate() {
        MainWindow w(catalog_);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QTreeWidget *tree = w.candidatePicker()->catalogTree();
        const auto items = tree->findItems(QStringLiteral("NVIDIA B200"), Qt::MatchExactly);
        QCOMPARE(items.size(), 1);
        items.front()->setCheckState(0, Qt::Checked);
        QCOMPARE(w.document()->scenario().candidates.back().chipId, std::string("nvidia-b200"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QCOMPARE(w.resultsTable()->resultsModel()->rowCount(), 5);
        QCOMPARE(w.candidatePicker()->candidateTable()->rowCount(), 5);
        items.front()->setCheckState(0, Qt::Unchecked);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QCOMPARE(w.resultsTable()->resultsModel()->rowCount(), 4);
    }

    void saveThenOpenRoundTrips() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.accelplan.json"));
        Scenario saved;
        {
            MainWindow w(catalog_);
            w.document()->setCandidateCount(1, 32);
            w.document()->setName("Round trip");
            QVERIFY(w.saveTo(path));
            QVERIFY(!w.isWindowModified());
            QVERIFY(w.windowTitle().startsWith(QStringLiteral("plan.accelplan.json")));
            saved = w.document()->scenario();
        }
        MainWindow w(catalog_);
        QVERIFY(!(w.document()->scenario() == saved));
        QVERIFY(w.openFile(path));
        QVERIFY(w.document()->scenario() == saved);
        QCOMPARE(w.document()->filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(!w.document()->isModified());
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QCOMPARE(cell(w, 1, Column::count), QStringLiteral("32"));
    }

    void badFileIsRefusedAndChangesNothing() {
        QTemporaryDir dir;
        const QString bad = accelplan::test::writeFile(
            dir, QStringLiteral("bad.json"),
            R"({ "format": "accelplan.scenario/1", "name": "bad", "workload": { "model": "llama-3.1-8b" },
                 "candidates": [ { "chip": "nvidia-h100-sxm5-80gb", "count": 0 } ] })");
        MainWindow w(catalog_);
        w.document()->setCandidateCount(0, 48);
        const Scenario before = w.document()->scenario();
        const int undoSteps = w.document()->undoStack()->count();
        QString message;
        answerNextMessageBox(&message);
        QVERIFY(!w.openFile(bad));
        QVERIFY2(message.contains(QStringLiteral("bad.json")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("candidates[0].count")), qPrintable(message));
        QVERIFY(w.document()->scenario() == before);
        QVERIFY(w.document()->filePath().isEmpty());
        QVERIFY(w.document()->isModified());
        QCOMPARE(w.document()->undoStack()->count(), undoSteps);
    }

    // Neither training nor inference: reading refuses such a file, so it is not written (found
    // by the randomized workspace test); the document stays modified, any old file unchanged.
    void aScenarioThatCouldNotBeOpenedAgainIsNotSaved() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.accelplan.json"));
        MainWindow w(catalog_);
        QVERIFY(w.saveTo(path));
        const QByteArray before = accelplan::test::readFile(path);
        w.document()->setTraining(std::nullopt);
        w.document()->setInference(std::nullopt);
        QString message;
        answerNextMessageBox(&message);
        QVERIFY(!w.saveTo(path));
        QVERIFY2(message.contains(QStringLiteral("plan.accelplan.json")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("nothing to evaluate")), qPrintable(message));
        QVERIFY(w.document()->isModified());
        QCOMPARE(accelplan::test::readFile(path), before);
    }

    void unsavedChangesPromptCanCancel() {
        MainWindow w(catalog_);
        w.document()->setCandidateCount(0, 16);
        QString message;
        answerNextMessageBox(&message, QMessageBox::Cancel);
        QVERIFY(!w.maybeSave());
        QVERIFY(message.contains(QStringLiteral("not saved")));
        QCOMPARE(w.document()->scenario().candidates[0].count, 16);
        answerNextMessageBox(&message, QMessageBox::Discard);
        QVERIFY(w.maybeSave());
    }

    void recentFilesRemembered() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("recent.json"));
        MainWindow w(catalog_);
        QVERIFY(w.saveTo(path));
        auto *menu = w.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(menu);
        QVERIFY(!menu->actions().isEmpty());
        QVERIFY(menu->actions().front()->text().contains(QStringLiteral("recent.json")));
    }

    // On a team catalog (a PostgreSQL server the test starts) the window says it is the team's
    // and follows a colleague's commit without being asked (LISTEN/NOTIFY).
    void followsAColleaguesChangeToTheTeamCatalog() {
        using namespace accelplan;
        test::PostgresServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.error()));
        QCOMPARE(server.createDatabase(QStringLiteral("team")), QString());
        const QString url =
            server.location(QLatin1String(test::PostgresServer::kAdmin), QStringLiteral("team"));
        ui::setCatalogLocationForThisRun(url);
        MainWindow w;
        ui::setCatalogLocationForThisRun(QString());
        QTRY_VERIFY_WITH_TIMEOUT(w.shownAnalysis(), 60000);
        const auto *status = w.findChild<QLabel *>(QStringLiteral("catalogStatus"));
        QVERIFY(status && status->text().startsWith(QStringLiteral("Team catalog")));
        QVERIFY(w.shownAnalysis()->catalog->findChip("amd-mi210"));

        data::OpenedCatalog colleague = data::openCatalog(url);
        QVERIFY2(colleague.store, qPrintable(colleague.error));
        QString error;
        QVERIFY2(colleague.store->deleteChip("amd-mi210", &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!w.shownAnalysis()->catalog->findChip("amd-mi210"), 20000);
    }

private:
    std::shared_ptr<const accelplan::Catalog> catalog_;
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
