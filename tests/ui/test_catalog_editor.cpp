// SPDX-License-Identifier: GPL-3.0-or-later
// The catalog editor driven as a user would, offscreen, on a private catalog file: a memory
// bandwidth typed with its unit changes the workspace's results; an implausible or unreadable
// value is refused with its reason (on the field and in words under the chip's title) and
// nothing is written; bytes read as the vendor states them (80 GB, 96 GiB) unless the user
// prefers one unit; the chips table keeps one line per chip; undo restores; edits survive
// reopening the catalog; a value and a chip reset to shipped; a refused import leaves the file
// byte for byte as it was; a chip the scenario uses is not deleted, and undoing a delete brings
// the chip back with its offerings; an edit over a change accelplan-cli made meanwhile is
// refused, saying so, and the form then shows the CLI's change; a source of one's own is added
// and removed as an edit.

#include "catalog_editor/catalog_editor_window.h"
#include "catalog_editor/catalog_session.h"
#include "catalog_editor/chip_form.h"
#include "catalog_editor/chip_list_model.h"
#include "catalog_editor/new_chip_dialog.h"
#include "catalog_editor/offerings_table.h"
#include "catalog_editor/unit_field.h"
#include "document/default_scenario.h"
#include "helpers/test_env.h"
#include "io/catalog_file.h"
#include "plan/analysis.h"
#include "workspace/main_window.h"
#include "workspace/results_model.h"
#include "workspace/results_table.h"

#include <QAction>
#include <QByteArray>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

using accelplan::Catalog;
using accelplan::Chip;
using accelplan::ChipClass;
using accelplan::ChipKind;
using accelplan::Provenance;
using accelplan::ui::CatalogEditorWindow;
using accelplan::ui::CatalogSession;
using accelplan::ui::ChipListModel;
using accelplan::ui::MainWindow;
using accelplan::ui::NewChipDialog;
using accelplan::ui::UnitField;

namespace {

const std::string kH100 = "nvidia-h100-sxm5-80gb";
const std::string kTrainium2 = "aws-trainium2";
const QString kBandwidth = QStringLiteral("memory_bandwidth_bytes_per_s");

std::unique_ptr<CatalogSession> openSession(const QString &path) {
    QString error;
    auto session = CatalogSession::open(path, &error);
    if (!session)
        qFatal("cannot open the test catalog: %s", qPrintable(error));
    return session;
}

// The catalog file as it is on disk, write-ahead log included.
QByteArray fileState(const QString &path) {
    return accelplan::test::readFile(path) + "|" +
           accelplan::test::readFile(path + QStringLiteral("-wal"));
}

double bandwidthIn(const QString &path, const std::string &chip) {
    QString error;
    const auto catalog = accelplan::data::loadCatalog(path, &error);
    if (!catalog || !catalog->findChip(chip) || !catalog->findChip(chip)->memoryBandwidth)
        return -1;
    return catalog->findChip(chip)->memoryBandwidth->value();
}

// Types `text` into `field` and presses Enter, as a user would.
void type(UnitField *field, const QString &text) {
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

// The form's field for `key`; the test stops when the form has none.
UnitField *fieldOf(CatalogEditorWindow &editor, const QString &key) {
    UnitField *field = editor.form()->unitField(key);
    if (!field)
        qFatal("the chip form has no field %s", qPrintable(key));
    return field;
}

// What the form says about where the value under `key` comes from.
// The text the chips table shows for `chip` in `column`.
QString tableCell(CatalogEditorWindow &editor, const std::string &chip, int column) {
    QAbstractItemModel *model = editor.chipTable()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(ChipListModel::kIdRole).toString().toStdString() == chip)
            return model->index(row, column).data().toString();
    return {};
}

// The editor's menu command whose text starts with `text`, or null.
QAction *menuAction(CatalogEditorWindow &editor, const QString &text) {
    for (QAction *a : editor.findChildren<QAction *>())
        if (a->text().remove(u'&').startsWith(text))
            return a;
    return nullptr;
}

QString markOf(CatalogEditorWindow &editor, const QString &key) {
    QLabel *mark = editor.form()->provenanceLabel(key);
    return mark ? mark->text() : QString();
}

bool settled(MainWindow &w) {
    const auto &shown = w.shownAnalysis();
    return shown && shown->sweepsDone && !w.recompute()->isBusy() &&
           shown->scenario == w.document()->scenario();
}

QString allResults(MainWindow &w) {
    auto *model = w.resultsTable()->resultsModel();
    QStringList cells;
    for (int row = 0; row < model->rowCount(); ++row)
        for (int col = 0; col < model->columnCount(); ++col)
            cells << model->data(model->index(row, col), Qt::DisplayRole).toString();
    return cells.join(u'|');
}

} // namespace

class TestCatalogEditor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { accelplan::test::isolateUserFiles(); }

    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        path_ = dir_->filePath(QStringLiteral("catalog.sqlite"));
    }

    void bandwidthEditChangesWorkspaceResults() {
        auto session = openSession(path_);
        MainWindow w(session->catalog());
        CatalogEditorWindow editor(std::move(session), w.document());
        connect(&editor, &CatalogEditorWindow::catalogSaved, &w, &MainWindow::setCatalog);
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        const QString before = allResults(w);

        QVERIFY(editor.selectChip(kH100));
        type(fieldOf(editor, kBandwidth), QStringLiteral("1.2 TB/s"));
        QCOMPARE(bandwidthIn(path_, kH100), 1.2e12);
        QVERIFY(w.recompute()->catalog()->findChip(kH100)->memoryBandwidth->value() == 1.2e12);
        QTRY_VERIFY_WITH_TIMEOUT(settled(w), 60000);
        QVERIFY2(allResults(w) != before, qPrintable(allResults(w)));
        // The field shows the value as stored, with its unit.
        QCOMPARE(fieldOf(editor, kBandwidth)->text(), QStringLiteral("1.2 TB/s"));
    }

    void invalidValueIsRefusedWithItsReason() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        QVERIFY(editor.selectChip(kH100));
        const QByteArray before = fileState(path_);
        UnitField *field = fieldOf(editor, kBandwidth);

        QLabel *why = editor.form()->problemLabel();
        QVERIFY(why->isHidden());
        type(field, QStringLiteral("3.35 PB/s")); // a typo for TB/s: implausible
        QVERIFY2(!field->problem().isEmpty(), "an implausible bandwidth was accepted");
        QCOMPARE(field->toolTip(), field->problem());
        QVERIFY(field->styleSheet().contains(QStringLiteral("border")));
        // The reason is also written out under the chip's title, naming the value.
        QVERIFY(!why->isHidden());
        QVERIFY2(why->text().contains(QStringLiteral("Memory bandwidth is not saved")),
                 qPrintable(why->text()));
        QVERIFY2(why->text().contains(field->problem().toHtmlEscaped()), qPrintable(why->text()));
        // And right under the field, where the eye is.
        QLabel *beside = editor.form()->reasonLabel(kBandwidth);
        QVERIFY(beside && !beside->isHidden());
        QVERIFY2(beside->text().contains(field->problem()), qPrintable(beside->text()));

        type(field, QStringLiteral("3.35 bananas/s"));
        QVERIFY(!field->problem().isEmpty());
        QVERIFY2(field->problem().contains(QStringLiteral("banana")), qPrintable(field->problem()));

        QCOMPARE(editor.session()->undoStack()->count(), 0);
        QCOMPARE(fileState(path_), before);
        QCOMPARE(bandwidthIn(path_, kH100), 3.35e12);

        type(fieldOf(editor, QStringLiteral("tdp_watts")), QStringLiteral("-3 W"));
        type(field, QStringLiteral("3.2 TB/s")); // a good value clears its own mark only
        QVERIFY(field->problem().isEmpty());
        QVERIFY(!why->text().contains(QStringLiteral("Memory bandwidth")));
        QVERIFY(beside->isHidden());
        QVERIFY2(why->text().contains(QStringLiteral("TDP is not saved")), qPrintable(why->text()));
        type(fieldOf(editor, QStringLiteral("tdp_watts")), QStringLiteral("700 W"));
        QVERIFY(why->isHidden());
        QCOMPARE(bandwidthIn(path_, kH100), 3.2e12);
    }

    void undoRestoresAndRedoReapplies() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        QVERIFY(editor.selectChip(kH100));
        type(fieldOf(editor, kBandwidth), QStringLiteral("2 TB/s"));
        type(fieldOf(editor, QStringLiteral("tdp_watts")), QStringLiteral("650 W"));
        QCOMPARE(editor.session()->undoStack()->count(), 2);
        auto *undo = editor.findChild<QAction *>(QStringLiteral("catalogUndo"));
        auto *redo = editor.findChild<QAction *>(QStringLiteral("catalogRedo"));
        undo->trigger();
        undo->trigger();
        QCOMPARE(bandwidthIn(path_, kH100), 3.35e12);
        QCOMPARE(fieldOf(editor, kBandwidth)->value(), std::optional<double>(3.35e12));
        redo->trigger();
        QCOMPARE(bandwidthIn(path_, kH100), 2e12);
    }

    void editsSurviveReopening() {
        {
            CatalogEditorWindow editor(openSession(path_), nullptr);
            QVERIFY(editor.selectChip(kH100));
            type(fieldOf(editor, kBandwidth), QStringLiteral("3000 GB/s"));
        }
        CatalogEditorWindow editor(openSession(path_), nullptr);
        QVERIFY(editor.selectChip(kH100));
        QCOMPARE(fieldOf(editor, kBandwidth)->value(), std::optional<double>(3e12));
        QVERIFY2(markOf(editor, kBandwidth).contains(QStringLiteral("changed")),
                 qPrintable(markOf(editor, kBandwidth)));
    }

    // A catalog as shipped says so for every chip and every field: no "changed" where the
    // user changed nothing (the efficiency family once read as changed on every chip).
    void everyShippedChipReadsAsShipped() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        auto *status = editor.form()->findChild<QLabel *>(QStringLiteral("chipStatus"));
        QVERIFY(status);
        for (const auto &chip : editor.session()->catalog()->chips) {
            QVERIFY(editor.selectChip(chip.id));
            QVERIFY2(status->text() == QStringLiteral("As shipped."),
                     qPrintable(QString::fromStdString(chip.id) + u": " + status->text()));
        }
        QVERIFY(markOf(editor, QStringLiteral("efficiency_family")).contains(u"shipped"));
    }

    void resetValueAndChipToShipped() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        QVERIFY(editor.selectChip(kH100));
        type(fieldOf(editor, kBandwidth), QStringLiteral("2 TB/s"));
        type(fieldOf(editor, QStringLiteral("tdp_watts")), QStringLiteral("650 W"));
        auto *reset =
            editor.form()->findChild<QToolButton *>(QStringLiteral("reset:") + kBandwidth);
        QVERIFY(reset && reset->isEnabled());
        reset->click();
        QCOMPARE(bandwidthIn(path_, kH100), 3.35e12);
        QVERIFY(markOf(editor, kBandwidth).contains(QStringLiteral("shipped")));
        QCOMPARE(editor.session()->catalog()->findChip(kH100)->tdp->value(), 650.0);

        QString error;
        QVERIFY2(editor.session()->resetChip(kH100, &error), qPrintable(error));
        QVERIFY(*editor.session()->catalog()->findChip(kH100) ==
                *editor.session()->shippedChip(kH100));
        QVERIFY(editor.session()->catalog()->findChip(kH100)->provenance ==
                accelplan::Provenance::shipped);
    }

    void refusedImportLeavesTheCatalogAsItWas() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        const QString exported = dir_->filePath(QStringLiteral("mine.json"));
        QVERIFY(editor.exportTo(exported));
        QByteArray json = accelplan::test::readFile(exported);
        // One implausible value deep inside an otherwise good file.
        const QByteArray key = "\"memory_bandwidth_bytes_per_s\":";
        const qsizetype at = json.lastIndexOf(key);
        QVERIFY2(at > 0, json.left(400).constData());
        const qsizetype end = json.indexOf(',', at);
        json.replace(at, end - at, QByteArray(key + " -5"));
        const QString bad = accelplan::test::writeFile(*dir_, QStringLiteral("bad.json"), json);
        const QByteArray before = fileState(path_);

        QVERIFY(!editor.importFrom(bad, accelplan::data::CatalogStore::ImportMode::replace));
        auto *dialog = editor.findChild<QDialog *>(QStringLiteral("importProblems"));
        QVERIFY(dialog);
        auto *list = dialog->findChild<QListWidget *>();
        QVERIFY(list && list->count() >= 1);
        QVERIFY2(list->item(0)->text().contains(QStringLiteral("memory_bandwidth_bytes_per_s")),
                 qPrintable(list->item(0)->text()));
        QCOMPARE(fileState(path_), before);
        QCOMPARE(editor.session()->undoStack()->count(), 0);
    }

    void chipInUseIsNotDeletedAndUndoBringsADeletedChipBack() {
        auto session = openSession(path_);
        MainWindow w(session->catalog());
        CatalogEditorWindow editor(std::move(session), w.document());
        QVERIFY(!editor.deleteChip(kH100, false)); // a candidate of the default scenario
        QVERIFY(editor.session()->catalog()->findChip(kH100));
        auto *refusal = editor.findChild<QMessageBox *>(QStringLiteral("catalogMessage"));
        QVERIFY(refusal);
        QVERIFY2(refusal->text().contains(QStringLiteral("scenario")), qPrintable(refusal->text()));
        refusal->close();

        const std::string other = "nvidia-b200";
        const auto offerings = editor.session()->catalog()->offeringsFor(other).size();
        QVERIFY(offerings > 0);
        QVERIFY(editor.deleteChip(other, false));
        QVERIFY(!editor.session()->catalog()->findChip(other));
        editor.session()->undoStack()->undo();
        QVERIFY(editor.session()->catalog()->findChip(other));
        QCOMPARE(editor.session()->catalog()->offeringsFor(other).size(), offerings);
    }

    void statusBarCountsTheSavedCatalogsChips() {
        auto session = openSession(path_);
        const auto chips = session->catalog()->chips.size();
        MainWindow w(session->catalog());
        CatalogEditorWindow editor(std::move(session), w.document());
        connect(&editor, &CatalogEditorWindow::catalogSaved, &w, &MainWindow::setCatalog);
        auto *status = w.findChild<QLabel *>(QStringLiteral("catalogStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("%1 chips").arg(chips)),
                 qPrintable(status->text()));
        QVERIFY(editor.duplicateChip(kH100));
        QVERIFY2(status->text().contains(QStringLiteral("%1 chips").arg(chips + 1)),
                 qPrintable(status->text()));
    }

    void editOverAChangeByTheCliIsRefusedAndTheFormShowsIt() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        QVERIFY(editor.selectChip(kH100));
        // accelplan-cli lowers the H100's TDP while the editor shows 700 W.
        Chip theirs = *editor.session()->catalog()->findChip(kH100);
        theirs.tdp = accelplan::units::watts(650);
        Catalog file;
        file.chips.push_back(theirs);
        const QString json = dir_->filePath(QStringLiteral("theirs.json"));
        QString error;
        QVERIFY2(accelplan::data::writeCatalogFile(json, file, &error), qPrintable(error));
        const auto cli =
            accelplan::test::runCli({QStringLiteral("catalog"), QStringLiteral("import"), json,
                                     QStringLiteral("--catalog"), path_});
        QVERIFY2(cli.exitCode == 0, cli.err.constData());

        type(fieldOf(editor, kBandwidth), QStringLiteral("2 TB/s"));
        auto *box = editor.findChild<QMessageBox *>(QStringLiteral("catalogMessage"));
        QVERIFY(box);
        QVERIFY2(box->informativeText().contains(QStringLiteral("changed by another program")),
                 qPrintable(box->informativeText()));
        // The form shows what the file holds: the CLI's TDP, the bandwidth as it was.
        QCOMPARE(fieldOf(editor, QStringLiteral("tdp_watts"))->text(), QStringLiteral("650 W"));
        QCOMPARE(fieldOf(editor, kBandwidth)->text(), QStringLiteral("3.35 TB/s"));
        QCOMPARE(editor.session()->undoStack()->count(), 0);
    }

    void sourceIsAddedAndRemovedAsAnEdit() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        QVERIFY(editor.selectChip(kH100));
        const auto shipped = editor.session()->catalog()->findChip(kH100)->sources.size();
        const accelplan::Source mine{kBandwidth.toStdString(), "https://example.org/stream",
                                     "My STREAM run", "2026-12-01", accelplan::Basis::measured};
        QVERIFY(editor.form()->addSource(mine));
        const Chip *stored = editor.session()->catalog()->findChip(kH100);
        QCOMPARE(stored->sources.size(), shipped + 1);
        QVERIFY(stored->sources.back() == mine);
        QVERIFY(stored->provenance == accelplan::Provenance::userModified);
        // The value it backs names it; the chip's list shows it.
        QVERIFY2(editor.form()->provenanceLabel(kBandwidth)->toolTip().contains(u"My STREAM run"),
                 qPrintable(editor.form()->provenanceLabel(kBandwidth)->toolTip()));
        auto *list = editor.form()->findChild<QLabel *>(QStringLiteral("sourcesLabel"));
        QVERIFY(list && list->text().contains(u"My STREAM run"));

        // A source with neither link nor title is refused by the catalog's rules.
        const QByteArray before = fileState(path_);
        QVERIFY(editor.form()->addSource({"*", "", "", "", {}}));
        auto *box = editor.findChild<QMessageBox *>(QStringLiteral("catalogMessage"));
        QVERIFY(box);
        QVERIFY2(box->informativeText().contains(u"url or a title"),
                 qPrintable(box->informativeText()));
        QCOMPARE(fileState(path_), before);

        QVERIFY(editor.form()->removeSource(static_cast<int>(shipped)));
        QCOMPARE(editor.session()->catalog()->findChip(kH100)->sources.size(), shipped);
        editor.session()->undoStack()->undo();
        QVERIFY(editor.session()->catalog()->findChip(kH100)->sources.back() == mine);
    }

    void duplicateMakesAnAddedVariant() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        QVERIFY(editor.duplicateChip(kH100));
        const auto id = editor.selectedChipId();
        QVERIFY(id && *id != kH100);
        const Chip *copy = editor.session()->catalog()->findChip(*id);
        QVERIFY(copy);
        QVERIFY(copy->provenance == accelplan::Provenance::userAdded);
        QVERIFY(copy->memoryBandwidth ==
                editor.session()->catalog()->findChip(kH100)->memoryBandwidth);
    }

    // A chip the user adds with a shipped chip's facts and efficiency family is predicted as
    // that chip is: the family, picked in the form, chooses the efficiency rows, not the id.
    void anAddedChipWithAShippedChipsFactsAndFamilyPredictsTheSame() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        QVERIFY(editor.duplicateChip(kH100));
        const std::string copy = *editor.selectedChipId();
        auto *family =
            editor.form()->findChild<QComboBox *>(QStringLiteral("efficiencyFamilyCombo"));
        QVERIFY(family);
        QCOMPARE(family->currentText(), QStringLiteral("nvidia-h100"));
        const auto pick = [&](const QString &key) {
            const int i = family->findData(key);
            QVERIFY(i >= 0);
            family->setCurrentIndex(i);
            emit family->activated(i);
        };
        const auto predictions = [&] {
            accelplan::Scenario s = accelplan::ui::defaultScenario();
            s.candidates = {{kH100, 64, std::nullopt, {}}, {copy, 64, std::nullopt, {}}};
            const accelplan::Analysis a = accelplan::analyze(s, editor.session()->catalog());
            const auto &shipped = a.evaluation.results[0];
            const auto &added = a.evaluation.results[1];
            return std::pair{shipped.training->stepTime.value() / added.training->stepTime.value(),
                             shipped.inference->tpot.value() / added.inference->tpot.value()};
        };
        QCOMPARE(predictions(), std::pair(1.0, 1.0));
        pick(QString()); // none: the CUDA stack's generic rows
        QVERIFY(editor.session()->catalog()->findChip(copy)->efficiencyFamily.empty());
        QVERIFY(predictions().first != 1.0);
        pick(QStringLiteral("nvidia-h100"));
        QCOMPARE(predictions(), std::pair(1.0, 1.0));
        // On a shipped chip the family is a field like any other: marked when changed.
        QVERIFY(editor.selectChip(kH100));
        pick(QStringLiteral("stack:cuda"));
        QVERIFY(markOf(editor, QStringLiteral("efficiency_family"))
                    .contains(QStringLiteral("changed")));
    }

    void offeringPriceIsTypedWithItsUnit() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        QVERIFY(editor.selectChip(kH100));
        QTableWidget *table = editor.offerings()->table();
        QVERIFY(table->rowCount() > 0);
        const QByteArray before = fileState(path_);
        table->item(0, 4)->setText(QStringLiteral("12 apples"));
        QVERIFY(!editor.offerings()->problem().isEmpty());
        QCOMPARE(fileState(path_), before);
        table->item(0, 4)->setText(QStringLiteral("$50/h"));
        QVERIFY2(editor.offerings()->problem().isEmpty(),
                 qPrintable(editor.offerings()->problem()));
        const auto id = editor.session()->catalog()->offeringsFor(kH100).front()->id();
        QCOMPARE(editor.session()
                         ->catalog()
                         ->findOffering(id)
                         ->price(accelplan::Pricing::onDemand)
                         ->value() *
                     3600.0,
                 50.0);
    }

    // The 2026.12 fields through the form's machinery: class and roles from their lists, a
    // price range typed with its unit, the currency in the offerings table; the price's source
    // and how it is known on hover.
    void classRolesPriceRangeAndCurrencyAreEditable() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        QVERIFY(editor.selectChip("google-tpu-v5p"));
        QVERIFY2(
            editor.form()
                ->provenanceLabel(QStringLiteral("price_usd_range.low"))
                ->toolTip()
                .contains(QStringLiteral("(estimate)")),
            qPrintable(
                editor.form()->provenanceLabel(QStringLiteral("price_usd_range.low"))->toolTip()));
        auto *roles = editor.form()->findChild<QComboBox *>(QStringLiteral("rolesCombo"));
        auto *chipClass = editor.form()->findChild<QComboBox *>(QStringLiteral("classCombo"));
        QVERIFY(roles && chipClass);
        QCOMPARE(chipClass->currentText(), QStringLiteral("datacenter"));
        roles->setCurrentIndex(1);
        emit roles->activated(1);
        chipClass->setCurrentIndex(2);
        emit chipClass->activated(2);
        type(fieldOf(editor, QStringLiteral("price_usd_range.high")), QStringLiteral("$9,000"));
        const accelplan::Chip *tpu = editor.session()->catalog()->findChip("google-tpu-v5p");
        QVERIFY(!tpu->roles.training && tpu->roles.inference);
        QVERIFY(tpu->chipClass == accelplan::ChipClass::workstation);
        QCOMPARE(tpu->priceRange.high->value(), 9000.0);
        QVERIFY(markOf(editor, QStringLiteral("roles")).contains(QStringLiteral("changed")));

        QVERIFY(editor.selectChip(kH100));
        QTableWidget *table = editor.offerings()->table();
        int currency = -1;
        for (int c = 0; c < table->columnCount(); ++c)
            if (table->horizontalHeaderItem(c)->text() == QStringLiteral("Currency"))
                currency = c;
        QVERIFY(currency >= 0);
        QCOMPARE(table->item(0, currency)->text(), QStringLiteral("USD"));
        table->item(0, currency)->setText(QStringLiteral("dollars"));
        QVERIFY(editor.offerings()->problem().contains(QStringLiteral("ISO 4217")));
        table->item(0, currency)->setText(QStringLiteral("eur"));
        QVERIFY(editor.offerings()->problem().contains(QStringLiteral("USD rate")));
    }

    void diffShowsWhatDiffersFromShipped() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        QVERIFY(editor.selectChip(kH100));
        type(fieldOf(editor, kBandwidth), QStringLiteral("2 TB/s"));
        QVERIFY(editor.addChip("acme-x1"));
        editor.showDiff();
        auto *tree = editor.findChild<QTreeWidget *>(QStringLiteral("diffTree"));
        QVERIFY(tree);
        QStringList lines;
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            lines << (*it)->text(0) + u'|' + (*it)->text(1) + u'|' + (*it)->text(2);
        const QString all = lines.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("Memory bandwidth|3.35 TB/s|2 TB/s")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("chip acme-x1||added by you")), qPrintable(all));
        QCOMPARE(tree->topLevelItemCount(), 2);
    }

    // Add Chip asks for the essentials; a bad or taken id is said in the dialog, which stays
    // open; the chip added carries what was chosen.
    void addChipAsksForTheEssentials() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        NewChipDialog dialog(*editor.session()->catalog(), QStringLiteral("Bad Id"));
        auto *id = dialog.findChild<QLineEdit *>(QStringLiteral("newChipId"));
        auto *vendor = dialog.findChild<QLineEdit *>(QStringLiteral("newChipVendor"));
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("newChipKind"));
        auto *chipClass = dialog.findChild<QComboBox *>(QStringLiteral("newChipClass"));
        auto *family = dialog.findChild<QComboBox *>(QStringLiteral("newChipFamily"));
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("newChipProblem"));
        QVERIFY(id && vendor && kind && chipClass && family && problem);
        vendor->setText(QStringLiteral("Acme"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // still open
        QVERIFY2(problem->text().contains(QStringLiteral("is not a chip id")),
                 qPrintable(problem->text()));
        id->setText(QString::fromStdString(kH100));
        dialog.accept();
        QVERIFY2(problem->text().contains(QStringLiteral("already")), qPrintable(problem->text()));
        id->setText(QStringLiteral("acme-x2"));
        kind->setCurrentIndex(kind->findData(static_cast<int>(ChipKind::npu)));
        chipClass->setCurrentIndex(chipClass->findData(static_cast<int>(ChipClass::edge)));
        QVERIFY(family->count() > 1);
        family->setCurrentIndex(1);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(editor.addChip(dialog.chip()));
        const Chip *added = editor.session()->catalog()->findChip("acme-x2");
        QVERIFY(added);
        QCOMPARE(added->vendor, std::string("Acme"));
        QVERIFY(added->kind == ChipKind::npu && added->chipClass == ChipClass::edge);
        QCOMPARE(QString::fromStdString(added->efficiencyFamily), family->currentData().toString());
        QVERIFY(added->provenance == Provenance::userAdded);
    }

    void addedOfferingIsSavedAndDeletable() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        QVERIFY(editor.addChip("acme-x1"));
        QVERIFY(!editor.offerings()->addOffering(QStringLiteral("my-cloud"), QStringLiteral("x1-8"),
                                                 8, QStringLiteral("20 dollars")));
        QVERIFY(!editor.offerings()->problem().isEmpty());
        QVERIFY(editor.session()->catalog()->offeringsFor("acme-x1").empty());
        QVERIFY(editor.offerings()->addOffering(QStringLiteral("my-cloud"), QStringLiteral("x1-8"),
                                                8, QStringLiteral("$20/h")));
        QCOMPARE(editor.session()->catalog()->offeringsFor("acme-x1").size(), std::size_t(1));
        QCOMPARE(editor.offerings()->table()->rowCount(), 1);
        editor.offerings()->table()->selectRow(0);
        auto *remove =
            editor.offerings()->findChild<QPushButton *>(QStringLiteral("deleteOfferingButton"));
        QVERIFY(remove);
        remove->click();
        QVERIFY(editor.session()->catalog()->offeringsFor("acme-x1").empty());
    }

    void bytesReadAsTheVendorStatesThemUnlessTheUserPrefersOneUnit() {
        QSettings().remove(QStringLiteral("catalogEditor/byteUnits"));
        CatalogEditorWindow editor(openSession(path_), nullptr);
        const QString memory = QStringLiteral("memory_bytes");
        QVERIFY(editor.selectChip(kH100));
        // NVIDIA's "80 GB" is 80e9 bytes, AWS's Trainium2 holds 96 GiB: each shown as stated,
        // in the form and in the table.
        QCOMPARE(fieldOf(editor, memory)->text(), QStringLiteral("80 GB"));
        QCOMPARE(fieldOf(editor, kBandwidth)->text(), QStringLiteral("3.35 TB/s"));
        QCOMPARE(tableCell(editor, kH100, ChipListModel::memory), QStringLiteral("80 GB"));
        QCOMPARE(tableCell(editor, kTrainium2, ChipListModel::memory), QStringLiteral("96 GiB"));
        QVERIFY(editor.selectChip(kTrainium2));
        QCOMPARE(fieldOf(editor, memory)->text(), QStringLiteral("96 GiB"));
        // Typed in either unit, a value reads back as typed.
        type(fieldOf(editor, memory), QStringLiteral("100 GB"));
        QCOMPARE(fieldOf(editor, memory)->text(), QStringLiteral("100 GB"));
        type(fieldOf(editor, memory), QStringLiteral("96 GiB"));
        QCOMPARE(fieldOf(editor, memory)->text(), QStringLiteral("96 GiB"));
        QVERIFY(editor.selectChip(kH100));
        const int steps = editor.session()->undoStack()->count();

        QAction *binary = menuAction(editor, QStringLiteral("Binary Bytes"));
        QVERIFY(binary);
        binary->trigger();
        QCOMPARE(editor.selectedChipId(), std::optional<std::string>(kH100));
        QCOMPARE(fieldOf(editor, memory)->text(), QStringLiteral("74.5058 GiB"));
        QCOMPARE(tableCell(editor, kH100, ChipListModel::memory), QStringLiteral("74.51 GiB"));
        // The value is unchanged: only how it reads.
        QCOMPARE(fieldOf(editor, memory)->value(), std::optional<double>(80e9));
        QCOMPARE(editor.session()->undoStack()->count(), steps);

        menuAction(editor, QStringLiteral("Decimal Bytes"))->trigger();
        QCOMPARE(fieldOf(editor, memory)->text(), QStringLiteral("80 GB"));
        QCOMPARE(tableCell(editor, kTrainium2, ChipListModel::memory), QStringLiteral("103.1 GB"));
        menuAction(editor, QStringLiteral("Bytes as Stated"))->trigger();
        QCOMPARE(tableCell(editor, kTrainium2, ChipListModel::memory), QStringLiteral("96 GiB"));
    }

    void chipRowsAreOneLineWithNumbersSizedToFit() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        editor.show();
        QTableView *table = editor.chipTable();
        QVERIFY(!table->wordWrap());
        const QFontMetrics metrics(table->font());
        for (int column : {int(ChipListModel::memory), int(ChipListModel::bandwidth),
                           int(ChipListModel::peakBf16), int(ChipListModel::tdp)}) {
            int widest = 0;
            for (int row = 0; row < table->model()->rowCount(); ++row)
                widest =
                    std::max(widest, metrics.horizontalAdvance(
                                         table->model()->index(row, column).data().toString()));
            QVERIFY2(table->columnWidth(column) >= widest,
                     qPrintable(QStringLiteral("column %1 is %2 px, its widest value %3 px")
                                    .arg(column)
                                    .arg(table->columnWidth(column))
                                    .arg(widest)));
        }
        // One line of text per row, not two.
        QVERIFY(table->rowHeight(0) < 2 * metrics.height());
    }

    void selectedChipStaysInSightWhenTheSearchIsCleared() {
        CatalogEditorWindow editor(openSession(path_), nullptr);
        editor.resize(1280, 600);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto *search = editor.findChild<QLineEdit *>(QStringLiteral("chipSearch"));
        search->setText(QStringLiteral("H100 SXM5"));
        QCOMPARE(editor.chipTable()->model()->rowCount(), 1);
        QTableView *table = editor.chipTable();
        table->selectRow(0);
        QCOMPARE(editor.selectedChipId(), std::optional<std::string>(kH100));
        search->clear();
        QVERIFY(editor.chipTable()->model()->rowCount() > 30);
        QCOMPARE(editor.selectedChipId(), std::optional<std::string>(kH100));
        QTRY_VERIFY(table->viewport()->rect().contains(table->visualRect(table->currentIndex())));
        // Chips of one vendor are in name order.
        table->sortByColumn(ChipListModel::vendor, Qt::AscendingOrder);
        QStringList nvidia;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            if (table->model()->index(row, ChipListModel::vendor).data().toString() ==
                QStringLiteral("NVIDIA"))
                nvidia << table->model()->index(row, ChipListModel::name).data().toString();
        QStringList sorted = nvidia;
        sorted.sort(Qt::CaseInsensitive);
        QCOMPARE(nvidia, sorted);
    }

private:
    std::unique_ptr<QTemporaryDir> dir_;
    QString path_;
};

QTEST_MAIN(TestCatalogEditor)
#include "test_catalog_editor.moc"
