// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace used at random, offscreen, for a few thousand steps: values typed, stepped and
// chosen in the scenario panel and the candidate picker, chips ticked and removed, undo and redo
// (one step or back to the last save), New, Open (good and damaged files), Save and Save As
// through their dialogs, unsaved-changes questions answered every way, and waits for the
// results. After every step nothing may be broken:
// - the undo history holds: every undo or redo brings back exactly the scenario that was there
//   at that point, and a document at its save point equals, value for value, the file it was
//   saved to;
// - a failed or cancelled file operation changes nothing;
// - the window says "modified" exactly when the document is, and the picker lists the
//   scenario's candidates with their counts;
// - no dialog is left open; the results, when waited for, are those of the scenario shown.
// The seed is printed; ACCELPLAN_RANDOM_SEED replays a run, ACCELPLAN_RANDOM_STEPS sets its length.

#include "document/default_scenario.h"
#include "helpers/modal_answers.h"
#include "helpers/random_run.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"
#include "io/scenario_json.h"
#include "workspace/candidate_picker.h"
#include "workspace/main_window.h"
#include "workspace/results_model.h"
#include "workspace/results_table.h"
#include "workspace/scenario_panel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>

#include <cmath>
#include <optional>
#include <vector>

using accelplan::Scenario;
using accelplan::test::ModalAnswers;
using accelplan::test::RandomRun;
using accelplan::ui::MainWindow;

namespace {

constexpr int kDefaultSteps = 1500;
constexpr int kResultWaitMs = 60000;

bool settled(MainWindow &w) {
    const auto &shown = w.shownAnalysis();
    return shown && shown->sweepsDone && !w.recompute()->isBusy() &&
           shown->scenario == w.document()->scenario();
}

// The widgets of `root` a user could change now.
template <class Widget> std::vector<Widget *> usable(QWidget *root) {
    std::vector<Widget *> out;
    for (Widget *widget : root->findChildren<Widget *>())
        if (widget->isEnabled() && widget->isVisibleTo(root))
            out.push_back(widget);
    return out;
}

// A value between `low` and `high`, spread over the decades between them when they span many.
double spreadValue(RandomRun &run, double low, double high) {
    if (low > 0 && high / low > 1000)
        return std::exp(run.uniform(std::log(low), std::log(high)));
    return run.uniform(low, high);
}

// Text a user might type into a number field, sensible or not.
QString typedText(RandomRun &run, double low, double high) {
    switch (run.between(0, 5)) {
    case 0: return QString();
    case 1: return QStringLiteral("abc");
    case 2: return QStringLiteral("-1");
    case 3: return QStringLiteral("1e400");
    default: return QString::number(spreadValue(run, low, high), 'g', 4);
    }
}

void typeInto(QAbstractSpinBox *spin, const QString &text) {
    spin->selectAll();
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}

class Workspace {
public:
    explicit Workspace(std::shared_ptr<const accelplan::Catalog> catalog, RandomRun &run,
                       const QString &folder)
        : run_(run), folder_(folder), window_(std::move(catalog)) {
        window_.show();
        history_ = {window_.document()->scenario()};
    }

    MainWindow &window() { return window_; }
    QUndoStack &stack() { return *window_.document()->undoStack(); }
    const Scenario &scenario() { return window_.document()->scenario(); }

    // One random step; returns what it did.
    QString step() {
        // Edits are most of what people do; file operations and their dialogs are rarer (and
        // a hundred times slower), so most of them go straight to the file.
        const int dice = run_.between(0, 999);
        if (dice < 580)
            return editPanel();
        if (dice < 700)
            return editPicker();
        if (dice < 830)
            return undoOrRedo(true);
        if (dice < 910)
            return undoOrRedo(false);
        if (dice < 930)
            return backToSavePoint();
        if (dice < 960)
            return run_.chance(0.1) ? save() : saveDirectly();
        if (dice < 964)
            return saveAs();
        if (dice < 984)
            return run_.chance(0.1) ? open() : openDirectly();
        if (dice < 989)
            return openDamaged();
        if (dice < 995)
            return newScenario();
        return waitForResults();
    }

    // What is broken now; empty when nothing is.
    QString problem() {
        QUndoStack &s = stack();
        if (s.index() < 0 || s.index() > s.count())
            return QStringLiteral("undo index %1 outside 0..%2").arg(s.index()).arg(s.count());
        if (window_.document()->isModified() == s.isClean())
            return QStringLiteral("modified is %1 with the stack %2")
                .arg(window_.document()->isModified())
                .arg(s.isClean() ? QStringLiteral("clean") : QStringLiteral("not clean"));
        if (window_.isWindowModified() != window_.document()->isModified())
            return QStringLiteral("the window's modified mark differs from the document's");
        if (!window_.windowTitle().startsWith(window_.document()->displayName()))
            return QStringLiteral("title '%1' does not name '%2'")
                .arg(window_.windowTitle(), window_.document()->displayName());
        const auto index = static_cast<std::size_t>(s.index());
        if (index >= history_.size() || !history_[index])
            return QStringLiteral("no scenario recorded for undo index %1").arg(index);
        if (!(*history_[index] == scenario()))
            return QStringLiteral("undo index %1 shows another scenario than it had").arg(index);
        if (!failedOpen_.isEmpty())
            return QStringLiteral("a file saved by the app was refused: ") + failedOpen_;
        const QString path = window_.document()->filePath();
        if (!window_.document()->isModified() && !path.isEmpty()) {
            const auto read = accelplan::data::readScenarioFile(path);
            if (!read.scenario)
                return QStringLiteral("the saved file cannot be read: ") +
                       accelplan::data::toString(read.errors);
            if (!(*read.scenario == scenario()))
                return QStringLiteral("at its save point the document differs from %1").arg(path);
        }
        auto *table = window_.candidatePicker()->candidateTable();
        const auto &candidates = scenario().candidates;
        if (table->rowCount() != static_cast<int>(candidates.size()))
            return QStringLiteral("the picker lists %1 candidates, the scenario has %2")
                .arg(table->rowCount())
                .arg(candidates.size());
        for (int row = 0; row < table->rowCount(); ++row) {
            auto *spin = qobject_cast<QSpinBox *>(table->cellWidget(row, 1));
            if (!spin || spin->value() != candidates[static_cast<std::size_t>(row)].count)
                return QStringLiteral("the picker shows another count in row %1").arg(row);
        }
        if (QWidget *modal = QApplication::activeModalWidget())
            return QStringLiteral("a dialog stayed open: ") + modal->windowTitle();
        return {};
    }

    // Every step undone, then redone: each index shows what it showed.
    QString unwindAndReplay() {
        QUndoStack &s = stack();
        while (s.canUndo()) {
            s.undo();
            if (QString p = problem(); !p.isEmpty())
                return p;
        }
        while (s.canRedo()) {
            s.redo();
            if (QString p = problem(); !p.isEmpty())
                return p;
        }
        return {};
    }

public:
    QString waitForResults() {
        if (!QTest::qWaitFor([this] { return settled(window_); }, kResultWaitMs))
            return QStringLiteral("FAIL: no result within a minute for this scenario:\n") +
                   QString::fromUtf8(accelplan::data::scenarioToJson(scenario()));
        const int rows = window_.resultsTable()->resultsModel()->rowCount();
        if (rows != static_cast<int>(scenario().candidates.size()))
            return QStringLiteral("FAIL: %1 result rows for %2 candidates")
                .arg(rows)
                .arg(scenario().candidates.size());
        return QStringLiteral("wait for the results");
    }

private:
    // After a step that may have edited: the scenario at the current index is what it shows.
    void recordEdit() {
        QUndoStack &s = stack();
        if (s.count() == 0) {
            history_ = {scenario()};
            return;
        }
        history_.resize(static_cast<std::size_t>(s.count()) + 1);
        history_[static_cast<std::size_t>(s.index())] = scenario();
    }

    QString editPanel() {
        QWidget *panel = window_.scenarioPanel();
        const int kind = run_.between(0, 5);
        QString what;
        if (kind <= 1) {
            auto spins = usable<QSpinBox>(panel);
            if (spins.empty())
                return QStringLiteral("no spin box");
            QSpinBox *spin = run_.pick(spins);
            what = editSpin(spin);
        } else if (kind == 2) {
            auto spins = usable<QDoubleSpinBox>(panel);
            if (spins.empty())
                return QStringLiteral("no decimal spin box");
            QDoubleSpinBox *spin = run_.pick(spins);
            what = editDecimal(spin);
        } else if (kind == 3) {
            auto combos = usable<QComboBox>(panel);
            if (combos.empty())
                return QStringLiteral("no combo box");
            QComboBox *combo = run_.pick(combos);
            what = choose(combo);
        } else if (kind == 4) {
            std::vector<QAbstractButton *> boxes;
            for (QCheckBox *box : usable<QCheckBox>(panel))
                boxes.push_back(box);
            std::vector<QGroupBox *> groups;
            for (QGroupBox *group : usable<QGroupBox>(panel))
                if (group->isCheckable())
                    groups.push_back(group);
            if (!groups.empty() && (boxes.empty() || run_.chance(0.4))) {
                QGroupBox *group = run_.pick(groups);
                group->setChecked(!group->isChecked());
                what = QStringLiteral("toggle %1").arg(group->objectName());
            } else if (!boxes.empty()) {
                QAbstractButton *box = run_.pick(boxes);
                box->click();
                what = QStringLiteral("click %1").arg(box->objectName());
            }
        } else {
            auto edits = usable<QLineEdit>(panel);
            // Not the line edits inside spin boxes: those are edited as numbers.
            std::erase_if(edits, [](QLineEdit *e) {
                return qobject_cast<QAbstractSpinBox *>(e->parentWidget()) != nullptr;
            });
            if (edits.empty())
                return QStringLiteral("no line edit");
            QLineEdit *edit = run_.pick(edits);
            const QString text =
                run_.chance(0.2) ? QString() : QStringLiteral("plan %1 ✓").arg(run_.between(0, 9));
            edit->setText(text); // QTest types Latin-1 only
            QTest::keyClick(edit, Qt::Key_Return);
            what = QStringLiteral("type '%1' into %2").arg(text, edit->objectName());
        }
        recordEdit();
        return what;
    }

    QString editSpin(QSpinBox *spin) {
        const QString name = spin->objectName();
        switch (run_.between(0, 2)) {
        case 0: {
            const int by = run_.between(-3, 3);
            spin->stepBy(by);
            return QStringLiteral("step %1 by %2").arg(name).arg(by);
        }
        case 1: {
            const int value = static_cast<int>(
                std::lround(spreadValue(run_, std::max(1, spin->minimum()), spin->maximum())));
            spin->setValue(value);
            return QStringLiteral("set %1 to %2").arg(name).arg(value);
        }
        default: {
            const QString text = typedText(run_, std::max(1, spin->minimum()), spin->maximum());
            typeInto(spin, text);
            return QStringLiteral("type '%1' into %2").arg(text, name);
        }
        }
    }

    QString editDecimal(QDoubleSpinBox *spin) {
        const QString name = spin->objectName();
        const double low = std::max(spin->minimum(), 0.001);
        if (run_.chance(0.6)) {
            const double value = spreadValue(run_, low, spin->maximum());
            spin->setValue(value);
            return QStringLiteral("set %1 to %2").arg(name).arg(value);
        }
        const QString text = typedText(run_, low, spin->maximum());
        typeInto(spin, text);
        return QStringLiteral("type '%1' into %2").arg(text, name);
    }

    QString choose(QComboBox *combo) {
        // Separators are not choices.
        auto *items = qobject_cast<QStandardItemModel *>(combo->model());
        std::vector<int> choices;
        for (int i = 0; i < combo->count(); ++i)
            if (!items || (items->item(i) && items->item(i)->isEnabled()))
                choices.push_back(i);
        if (choices.empty())
            return QStringLiteral("no choice in %1").arg(combo->objectName());
        const int index = run_.pick(choices);
        combo->setCurrentIndex(index);
        return QStringLiteral("choose '%1' in %2").arg(combo->itemText(index), combo->objectName());
    }

    QString editPicker() {
        accelplan::ui::CandidatePicker *picker = window_.candidatePicker();
        QString what;
        const int kind = run_.between(0, 4);
        if (kind == 0) {
            QTreeWidget *tree = picker->catalogTree();
            if (tree->topLevelItemCount() == 0)
                return QStringLiteral("no chip listed");
            QTreeWidgetItem *item =
                tree->topLevelItem(run_.between(0, tree->topLevelItemCount() - 1));
            const bool tick = item->checkState(0) != Qt::Checked;
            item->setCheckState(0, tick ? Qt::Checked : Qt::Unchecked);
            what = (tick ? QStringLiteral("tick ") : QStringLiteral("untick ")) + item->text(0);
        } else if (kind == 1) {
            std::vector<QToolButton *> removes;
            for (QToolButton *b : picker->findChildren<QToolButton *>())
                if (b->objectName().startsWith(QStringLiteral("removeButton")))
                    removes.push_back(b);
            if (removes.empty())
                return QStringLiteral("no candidate to remove");
            QToolButton *remove = run_.pick(removes);
            what = QStringLiteral("click %1").arg(remove->objectName());
            remove->click();
        } else if (kind == 2) {
            auto combos = usable<QComboBox>(picker);
            if (combos.empty())
                return QStringLiteral("no combo box");
            what = choose(run_.pick(combos));
        } else if (kind == 3) {
            QLineEdit *search = picker->findChild<QLineEdit *>(QStringLiteral("chipSearch"));
            const QStringList texts{QString(), QStringLiteral("nvidia"), QStringLiteral("tpu"),
                                    QStringLiteral("zz"), QStringLiteral("8")};
            const QString text = texts[run_.between(0, static_cast<int>(texts.size()) - 1)];
            search->setText(text);
            what = QStringLiteral("search '%1'").arg(text);
        } else {
            auto spins = usable<QSpinBox>(picker);
            if (spins.empty())
                return QStringLiteral("no count");
            what = editSpin(run_.pick(spins));
        }
        recordEdit();
        return what;
    }

    QString undoOrRedo(bool undo) {
        auto *action = window_.findChild<QAction *>(undo ? QStringLiteral("undoAction")
                                                         : QStringLiteral("redoAction"));
        const bool possible = undo ? stack().canUndo() : stack().canRedo();
        if (action->isEnabled() != possible)
            return QStringLiteral("FAIL: %1 is %2 with %3 to do")
                .arg(action->objectName(),
                     action->isEnabled() ? QStringLiteral("enabled") : QStringLiteral("disabled"),
                     possible ? QStringLiteral("something") : QStringLiteral("nothing"));
        action->trigger();
        return undo ? QStringLiteral("undo") : QStringLiteral("redo");
    }

    QString backToSavePoint() {
        QUndoStack &s = stack();
        if (s.cleanIndex() < 0)
            return QStringLiteral("no save point in the history");
        const int steps = s.cleanIndex() - s.index();
        s.setIndex(s.cleanIndex());
        return QStringLiteral("back to the save point (%1 steps)").arg(steps);
    }

    QString newFileName() {
        return QDir(folder_).filePath(QStringLiteral("plan-%1.accelplan.json").arg(++files_));
    }

    // Runs a file operation; it may start over (a new history) or leave the scenario as it was.
    template <class Operation> QString fileOperation(const QString &what, Operation operation) {
        const Scenario before = scenario();
        const int index = stack().index();
        operation();
        if (stack().count() == 0 && stack().index() == 0) {
            history_ = {scenario()};
        } else if (!(scenario() == before) || stack().index() != index) {
            return QStringLiteral("FAIL: %1 changed the scenario without starting over").arg(what);
        }
        return what;
    }

    // The answer to an unsaved-changes question: Save, Discard or Cancel.
    QString planPrompt() {
        const QMessageBox::StandardButton buttons[] = {QMessageBox::Save, QMessageBox::Discard,
                                                       QMessageBox::Cancel};
        const QMessageBox::StandardButton b = buttons[run_.between(0, 2)];
        answers_.setButton(b);
        return b == QMessageBox::Save      ? QStringLiteral("save")
               : b == QMessageBox::Discard ? QStringLiteral("discard")
                                           : QStringLiteral("cancel");
    }

    QString save() {
        const bool cancel = run_.chance(0.1);
        const QString file = cancel ? QString() : newFileName();
        answers_.setFiles({file});
        return fileOperation(QStringLiteral("save (dialog: %1)").arg(file), [this] {
            if (window_.save())
                saved_.push_back(window_.document()->filePath());
        });
    }

    // Save without its dialog: to the scenario's file, or a new one.
    QString saveDirectly() {
        const QString file = window_.document()->filePath().isEmpty() || run_.chance(0.2)
                                 ? newFileName()
                                 : window_.document()->filePath();
        answers_.setButton(QMessageBox::Ok);
        return fileOperation(QStringLiteral("save to %1").arg(file), [this, file] {
            if (window_.saveTo(file))
                saved_.push_back(file);
        });
    }

    // Open without its dialog or the unsaved-changes question (what Open does after them).
    QString openDirectly() {
        if (saved_.empty())
            return QStringLiteral("nothing to open yet");
        const QString file = run_.pick(saved_);
        answers_.setButton(QMessageBox::Ok);
        return fileOperation(QStringLiteral("open %1 directly").arg(file), [this, file] {
            if (!window_.openFile(file))
                failedOpen_ = file;
        });
    }

    QString saveAs() {
        const bool cancel = run_.chance(0.2);
        const QString file = cancel ? QString() : newFileName();
        answers_.setFiles({file});
        return fileOperation(QStringLiteral("save as %1").arg(file), [this] {
            if (window_.saveAs())
                saved_.push_back(window_.document()->filePath());
        });
    }

    QString open() {
        if (saved_.empty())
            return QStringLiteral("nothing to open yet");
        const QString file = run_.chance(0.1) ? QString() : run_.pick(saved_);
        const QString prompt = planPrompt();
        // A Save the prompt asks for on an untitled scenario goes to a new file (or is cancelled).
        const QString saveFirst = run_.chance(0.2) ? QString() : newFileName();
        answers_.setFiles(window_.document()->filePath().isEmpty() &&
                                  prompt == QStringLiteral("save")
                              ? QStringList{saveFirst, file}
                              : QStringList{file});
        return fileOperation(QStringLiteral("open %1 (unsaved: %2)").arg(file, prompt),
                             [this] { window_.open(); });
    }

    QString openDamaged() {
        if (saved_.empty())
            return QStringLiteral("nothing to damage yet");
        // Cut short (a file that ended only in white space would still be whole).
        const QByteArray bytes = accelplan::test::readFile(run_.pick(saved_)).trimmed();
        const QString damaged = QDir(folder_).filePath(QStringLiteral("damaged.json"));
        QFile f(damaged);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return QStringLiteral("FAIL: cannot write %1").arg(damaged);
        f.write(bytes.left(run_.between(0, static_cast<int>(bytes.size()) - 1)));
        f.close();
        answers_.setButton(QMessageBox::Ok);
        answers_.clearSeen();
        const QString what = fileOperation(QStringLiteral("open a damaged file"), [&] {
            if (window_.openFile(damaged))
                history_.clear(); // a damaged file opened: problem() will say so
        });
        if (answers_.seen().isEmpty() ||
            !answers_.seen().back().contains(QStringLiteral("damaged.json")))
            return QStringLiteral("FAIL: the damaged file was refused without naming it");
        return what;
    }

    QString newScenario() {
        const QString prompt = planPrompt();
        answers_.setFiles({run_.chance(0.3) ? QString() : newFileName()});
        const QString what = fileOperation(QStringLiteral("new (unsaved: %1)").arg(prompt), [this] {
            window_.findChild<QAction *>(QStringLiteral("newAction"))->trigger();
        });
        if (stack().count() == 0 && !window_.document()->isModified() &&
            window_.document()->filePath().isEmpty() &&
            !(scenario() == accelplan::ui::defaultScenario()))
            return QStringLiteral("FAIL: New did not start from the default scenario");
        return what;
    }

    RandomRun &run_;
    QString folder_;
    MainWindow window_;
    ModalAnswers answers_;
    // The scenario at each undo index, as it was when the index was last reached by an edit.
    std::vector<std::optional<Scenario>> history_;
    std::vector<QString> saved_;
    QString failedOpen_; // a saved file that would not open: problem() says so
    int files_ = 0;
};

} // namespace

class TestRandomWorkspace : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { accelplan::test::isolateUserFiles(); }

    void randomUseBreaksNothing() {
        RandomRun run(kDefaultSteps);
        QTemporaryDir dir;
        Workspace workspace(accelplan::test::shippedCatalog(), run, dir.path());
        QElapsedTimer clock;
        clock.start();
        for (int step = 0; step < run.steps(); ++step) {
            const QString what = workspace.step();
            run.note(step, what);
            QVERIFY2(!what.startsWith(QStringLiteral("FAIL")), qPrintable(run.context()));
            const QString problem = workspace.problem();
            QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral("\n") + run.context()));
        }
        const QString replay = workspace.unwindAndReplay();
        QVERIFY2(replay.isEmpty(), qPrintable(replay + QStringLiteral("\n") + run.context()));
        const QString last = workspace.waitForResults();
        QVERIFY2(!last.startsWith(QStringLiteral("FAIL")),
                 qPrintable(last + u'\n' + run.context()));
        qInfo("%d steps in %lld ms, %d undo steps at the end", run.steps(), clock.elapsed(),
              workspace.stack().count());
    }
};

QTEST_MAIN(TestRandomWorkspace)
#include "test_random_workspace.moc"
