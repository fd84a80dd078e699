// SPDX-License-Identifier: GPL-3.0-or-later
// The catalog editor used at random, offscreen, on a private catalog file:
// values typed with their units (plausible, implausible, unreadable), names, kinds and years
// changed, offering prices typed, offerings added and deleted, chips added, duplicated, deleted
// and reset, undo and redo, exports imported back. After every step nothing may be broken:
// - the file on disk holds exactly what the editor shows (read through a connection of its
//   own, as another program would), and SQLite finds it sound;
// - undo and redo bring back exactly the catalog there was at that point, down to the shipped
//   catalog the run started from (unless the catalog refused an undo or redo, which then drops
//   its step: the editor says so);
// - the form shows the selected chip as stored, a chip the open scenario uses is never
//   deleted, and no dialog is left open.
// The seed is printed; ACCELPLAN_RANDOM_SEED replays a run, ACCELPLAN_RANDOM_STEPS sets its length.

#include "catalog/catalog_store.h"
#include "catalog_editor/catalog_editor_window.h"
#include "catalog_editor/catalog_session.h"
#include "catalog_editor/chip_form.h"
#include "catalog_editor/offerings_table.h"
#include "catalog_editor/unit_field.h"
#include "document/default_scenario.h"
#include "document/scenario_document.h"
#include "helpers/modal_answers.h"
#include "helpers/random_run.h"
#include "helpers/test_env.h"
#include "support/qt_text.h"

#include <QAction>
#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>

#include <optional>
#include <vector>

using accelplan::Catalog;
using accelplan::Chip;
using accelplan::data::qs;
using accelplan::test::ModalAnswers;
using accelplan::test::RandomRun;
using accelplan::ui::CatalogEditorWindow;
using accelplan::ui::CatalogSession;
using accelplan::ui::UnitField;

namespace {

constexpr int kDefaultSteps = 200;
constexpr int kIntegrityEvery = 100;
constexpr int kPriceColumn = 4;

// What a catalog holds, for comparing: its chips and offerings.
struct Content {
    std::vector<Chip> chips;
    std::vector<accelplan::Offering> offerings;
    bool operator==(const Content &) const = default;
};

Content contentOf(const Catalog &catalog) { return {catalog.chips, catalog.offerings}; }

bool isTypable(const QString &text) {
    for (QChar c : text)
        if (c.unicode() > 0x7e)
            return false;
    return true;
}

class Editing {
public:
    Editing(RandomRun &run, const QString &folder)
        : run_(run), folder_(folder),
          path_(QDir(folder).filePath(QStringLiteral("catalog.sqlite"))) {
        QString error;
        auto session = CatalogSession::open(path_, &error);
        if (!session)
            qFatal("cannot open the test catalog: %s", qPrintable(error));
        // The workspace's scenario, so that a chip it uses is kept (the workspace itself, which
        // recomputes on every change, is left out: ui_catalog_editor shows it follows).
        scenario_.reset(accelplan::ui::defaultScenario(), QString());
        editor_ = std::make_unique<CatalogEditorWindow>(std::move(session), &scenario_);
        editor_->show();
        QObject::connect(editor_->session(), &CatalogSession::writeFailed,
                         [this](const QString &refused) { refusals_ << refused; });
        history_ = {contentOf(*catalog())};
    }

    const std::shared_ptr<const Catalog> &catalog() { return editor_->session()->catalog(); }
    QUndoStack &stack() { return *editor_->session()->undoStack(); }
    const QString &path() const { return path_; }

    QString step() {
        const int dice = run_.between(0, 999);
        QString what;
        if (dice < 100)
            what = selectChip();
        else if (dice < 420)
            what = typeValue();
        else if (dice < 480)
            what = editIdentity();
        else if (dice < 560)
            what = typePrice();
        else if (dice < 590)
            what = addOffering();
        else if (dice < 610)
            what = deleteOffering();
        else if (dice < 630)
            what = addOrDuplicateChip();
        else if (dice < 660)
            what = deleteChip();
        else if (dice < 700)
            what = reset();
        else if (dice < 840)
            return undoOrRedo(true);
        else if (dice < 950)
            return undoOrRedo(false);
        else if (dice < 960)
            what = exportAndImport();
        else
            what = selectChip();
        recordEdit();
        return what;
    }

    QString problem(int step) {
        QCoreApplication::processEvents(); // one turn of the event loop between two steps
        QUndoStack &s = stack();
        const auto index = static_cast<std::size_t>(s.index());
        if (index >= history_.size())
            return QStringLiteral("no catalog recorded for undo index %1").arg(index);
        const Content shown = contentOf(*catalog());
        if (history_[index] && !(*history_[index] == shown))
            return QStringLiteral("undo index %1 shows another catalog than it had").arg(index);
        QString error;
        const auto onDisk = accelplan::data::loadCatalog(path_, &error);
        if (!onDisk)
            return QStringLiteral("the catalog file cannot be read: ") + error;
        if (!(contentOf(*onDisk) == shown))
            return QStringLiteral("the file holds another catalog than the editor shows");
        if (step % kIntegrityEvery == 0) {
            auto store = accelplan::data::CatalogStore::open(path_, &error);
            if (!store)
                return QStringLiteral("the catalog file cannot be opened: ") + error;
            if (const QStringList damage = store->checkIntegrity(); !damage.isEmpty())
                return damage.join(u'\n');
        }
        for (const accelplan::Candidate &c : scenario_.scenario().candidates)
            if (!catalog()->findChip(c.chipId))
                return QStringLiteral("%1, which the scenario uses, was deleted").arg(qs(c.chipId));
        if (const auto id = editor_->selectedChipId()) {
            const Chip *stored = catalog()->findChip(*id);
            if (!stored || !editor_->form()->chip() || !(*editor_->form()->chip() == *stored))
                return QStringLiteral("the form does not show %1 as stored").arg(qs(*id));
        }
        if (QWidget *modal = QApplication::activeModalWidget())
            return QStringLiteral("a dialog stayed open: ") + modal->windowTitle();
        return {};
    }

    // Every step undone (back to the shipped catalog), then redone.
    QString unwindAndReplay(int step) {
        while (stack().canUndo()) {
            stack().undo();
            if (QString p = problem(step); !p.isEmpty())
                return p;
        }
        if (!historyRewritten_ && !(contentOf(*catalog()) == *history_.front()))
            return QStringLiteral("undoing everything did not bring back the first catalog");
        while (stack().canRedo()) {
            stack().redo();
            if (QString p = problem(step); !p.isEmpty())
                return p;
        }
        return {};
    }

private:
    void recordEdit() {
        // The editor's messages are not modal: read, then closed, as a user would.
        for (auto *box : editor_->findChildren<QMessageBox *>(QStringLiteral("catalogMessage")))
            if (box->isVisible())
                box->close();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QUndoStack &s = stack();
        history_.resize(static_cast<std::size_t>(s.count()) + 1);
        history_[static_cast<std::size_t>(s.index())] = contentOf(*catalog());
    }

    std::string randomChipId() {
        const auto &chips = catalog()->chips;
        return chips[static_cast<std::size_t>(run_.between(0, static_cast<int>(chips.size()) - 1))]
            .id;
    }

    QString selectChip() {
        if (catalog()->chips.empty())
            return QStringLiteral("no chip to select");
        const std::string id = randomChipId();
        editor_->selectChip(id);
        return QStringLiteral("select ") + qs(id);
    }

    // The selected chip (one is selected first when none is).
    bool ensureSelected() {
        if (!editor_->selectedChipId() && !catalog()->chips.empty())
            editor_->selectChip(randomChipId());
        return editor_->selectedChipId().has_value();
    }

    // A value for `shown` ("3.35 TB/s"): scaled, sometimes out of all reason, or not a value.
    QString valueText(const QString &shown) {
        static const QStringList nonsense{QString(),
                                          QStringLiteral("abc"),
                                          QStringLiteral("-5"),
                                          QStringLiteral("1e400"),
                                          QStringLiteral("nan"),
                                          QStringLiteral("12 apples")};
        static const QRegularExpression number(QStringLiteral("^[0-9.,]+(e[+-]?[0-9]+)?"));
        const auto match = number.match(shown);
        if (run_.chance(0.25) || !match.hasMatch())
            return nonsense[run_.between(0, static_cast<int>(nonsense.size()) - 1)];
        const double factors[] = {0.5, 0.9, 1.1, 1.5, 2, 1000, 1e-6};
        const double value = match.captured().remove(u',').toDouble() * factors[run_.between(0, 6)];
        return QString::number(value, 'g', 4) + shown.mid(match.capturedLength());
    }

    QString typeValue() {
        if (!ensureSelected())
            return QStringLiteral("no chip");
        auto fields = editor_->form()->findChildren<UnitField *>();
        fields.removeIf([](UnitField *f) { return !f->isEnabled(); });
        if (fields.empty())
            return QStringLiteral("no value field");
        UnitField *field = run_.pick(fields);
        const QString text = valueText(field->text());
        if (!isTypable(text))
            return QStringLiteral("skip '%1' (not typable)").arg(text);
        field->setFocus();
        field->selectAll();
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
        return QStringLiteral("type '%1' into %2").arg(text, field->objectName());
    }

    QString editIdentity() {
        if (!ensureSelected())
            return QStringLiteral("no chip");
        accelplan::ui::ChipForm *form = editor_->form();
        switch (run_.between(0, 3)) {
        case 0: {
            auto *kind = form->findChild<QComboBox *>(QStringLiteral("kindCombo"));
            const int i = run_.between(0, kind->count() - 1);
            kind->setCurrentIndex(i);
            emit kind->activated(i);
            return QStringLiteral("kind ") + kind->itemText(i);
        }
        case 1: {
            auto *topology = form->findChild<QComboBox *>(QStringLiteral("topologyCombo"));
            const int i = run_.between(0, topology->count() - 1);
            topology->setCurrentIndex(i);
            emit topology->activated(i);
            return QStringLiteral("topology ") + topology->itemText(i);
        }
        case 2: {
            auto spins = form->findChildren<QSpinBox *>();
            QSpinBox *spin = run_.pick(spins);
            const QString text = QString::number(run_.between(spin->minimum(), spin->maximum()));
            spin->setFocus();
            spin->selectAll();
            QTest::keyClicks(spin, text);
            QTest::keyClick(spin, Qt::Key_Return);
            return QStringLiteral("type %1 into %2").arg(text, spin->objectName());
        }
        default: {
            auto texts = form->findChildren<QLineEdit *>();
            texts.removeIf([](QLineEdit *e) {
                return qobject_cast<UnitField *>(e) || e->objectName().isEmpty() ||
                       e->objectName().startsWith(QStringLiteral("qt_")) || !e->isEnabled();
            });
            if (texts.empty())
                return QStringLiteral("no text field");
            QLineEdit *edit = run_.pick(texts);
            const QString text =
                run_.chance(0.2) ? QString() : QStringLiteral("text %1").arg(run_.between(0, 99));
            edit->setFocus();
            edit->selectAll();
            QTest::keyClicks(edit, text);
            QTest::keyClick(edit, Qt::Key_Return);
            return QStringLiteral("type '%1' into %2").arg(text, edit->objectName());
        }
        }
    }

    QString typePrice() {
        if (!ensureSelected())
            return QStringLiteral("no chip");
        QTableWidget *table = editor_->offerings()->table();
        if (table->rowCount() == 0)
            return QStringLiteral("no offering");
        QTableWidgetItem *item = table->item(run_.between(0, table->rowCount() - 1), kPriceColumn);
        if (!item)
            return QStringLiteral("no price cell");
        const QString text = run_.chance(0.7)
                                 ? QStringLiteral("$%1/h").arg(run_.uniform(0.01, 200), 0, 'f', 2)
                                 : valueText(item->text());
        item->setText(text);
        return QStringLiteral("price '%1'").arg(text);
    }

    QString addOffering() {
        if (!ensureSelected())
            return QStringLiteral("no chip");
        const QString instance = QStringLiteral("inst-%1").arg(run_.between(0, 20));
        const QString price = run_.chance(0.8) ? QStringLiteral("$%1/h").arg(run_.between(1, 90))
                                               : QStringLiteral("cheap");
        editor_->offerings()->addOffering(QStringLiteral("my-cloud"), instance, run_.between(1, 16),
                                          price);
        return QStringLiteral("add offering %1 at %2").arg(instance, price);
    }

    QString deleteOffering() {
        if (!ensureSelected())
            return QStringLiteral("no chip");
        QTableWidget *table = editor_->offerings()->table();
        if (table->rowCount() == 0)
            return QStringLiteral("no offering");
        const int row = run_.between(0, table->rowCount() - 1);
        table->selectRow(row);
        editor_->offerings()
            ->findChild<QPushButton *>(QStringLiteral("deleteOfferingButton"))
            ->click();
        return QStringLiteral("delete offering row %1").arg(row);
    }

    QString addOrDuplicateChip() {
        if (run_.chance(0.5) || catalog()->chips.empty()) {
            const std::string id = "random-chip-" + std::to_string(++added_);
            editor_->addChip(id);
            return QStringLiteral("add chip ") + qs(id);
        }
        const std::string id = randomChipId();
        editor_->duplicateChip(id);
        return QStringLiteral("duplicate ") + qs(id);
    }

    QString deleteChip() {
        if (catalog()->chips.empty())
            return QStringLiteral("no chip");
        const std::string id = randomChipId();
        editor_->deleteChip(id, false);
        return QStringLiteral("delete ") + qs(id);
    }

    QString reset() {
        if (!ensureSelected())
            return QStringLiteral("no chip");
        if (run_.chance(0.3)) {
            auto *button =
                editor_->form()->findChild<QPushButton *>(QStringLiteral("resetChipButton"));
            if (!button->isEnabled())
                return QStringLiteral("chip as shipped");
            button->click();
            return QStringLiteral("reset chip");
        }
        std::vector<QToolButton *> resets;
        for (QToolButton *b : editor_->form()->findChildren<QToolButton *>())
            if (b->objectName().startsWith(QStringLiteral("reset:")) && b->isEnabled())
                resets.push_back(b);
        if (resets.empty())
            return QStringLiteral("nothing to reset");
        QToolButton *button = run_.pick(resets);
        button->click();
        return QStringLiteral("click ") + button->objectName();
    }

    QString undoOrRedo(bool undo) {
        auto *action = editor_->findChild<QAction *>(undo ? QStringLiteral("catalogUndo")
                                                          : QStringLiteral("catalogRedo"));
        const bool possible = undo ? stack().canUndo() : stack().canRedo();
        if (action->isEnabled() != possible)
            return QStringLiteral("FAIL: %1 is out of step with the history")
                .arg(action->objectName());
        const int count = stack().count();
        refusals_.clear();
        action->trigger();
        if (stack().count() != count || !refusals_.isEmpty()) {
            // The refused step is gone: what the other indexes show is no longer known.
            history_.assign(static_cast<std::size_t>(stack().count()) + 1, std::nullopt);
            history_[static_cast<std::size_t>(stack().index())] = contentOf(*catalog());
            historyRewritten_ = true;
            return QStringLiteral("%1 refused: %2")
                .arg(undo ? QStringLiteral("undo") : QStringLiteral("redo"), refusals_.join(u'|'));
        }
        return undo ? QStringLiteral("undo") : QStringLiteral("redo");
    }

    QString exportAndImport() {
        const bool csv = run_.chance(0.5);
        const QString file =
            QDir(folder_).filePath(csv ? QStringLiteral("mine.csv") : QStringLiteral("mine.json"));
        if (!editor_->exportTo(file))
            return QStringLiteral("FAIL: cannot export to ") + file;
        const bool replace = run_.chance(0.5);
        if (!editor_->importFrom(file, replace ? accelplan::data::CatalogStore::ImportMode::replace
                                               : accelplan::data::CatalogStore::ImportMode::merge))
            return QStringLiteral("FAIL: its own export was refused: ") + file;
        return QStringLiteral("export and import %1 (%2)")
            .arg(file, replace ? QStringLiteral("replace") : QStringLiteral("merge"));
    }

    RandomRun &run_;
    QString folder_;
    QString path_;
    accelplan::ui::ScenarioDocument scenario_;
    std::unique_ptr<CatalogEditorWindow> editor_;
    ModalAnswers answers_;
    // The catalog at each undo index, as it was when the index was last reached by an edit.
    std::vector<std::optional<Content>> history_;
    int added_ = 0;
    QStringList refusals_;          // what the catalog refused during an undo or redo
    bool historyRewritten_ = false; // a refused undo or redo dropped a step
};

} // namespace

class TestRandomCatalogEditor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { accelplan::test::isolateUserFiles(); }

    void randomEditingBreaksNothing() {
        RandomRun run(kDefaultSteps);
        QTemporaryDir dir;
        Editing editing(run, dir.path());
        QElapsedTimer clock;
        clock.start();
        for (int step = 0; step < run.steps(); ++step) {
            const QString what = editing.step();
            run.note(step, what);
            QVERIFY2(!what.startsWith(QStringLiteral("FAIL")), qPrintable(run.context()));
            const QString problem = editing.problem(step);
            QVERIFY2(problem.isEmpty(), qPrintable(problem + QStringLiteral("\n") + run.context()));
        }
        const QString replay = editing.unwindAndReplay(0);
        QVERIFY2(replay.isEmpty(), qPrintable(replay + QStringLiteral("\n") + run.context()));
        qInfo("%d steps in %lld ms, %d undo steps at the end", run.steps(), clock.elapsed(),
              editing.stack().count());
    }
};

QTEST_MAIN(TestRandomCatalogEditor)
#include "test_random_catalog_editor.moc"
