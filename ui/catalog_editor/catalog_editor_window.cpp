// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_editor/catalog_editor_window.h"

#include "catalog_editor/catalog_diff_view.h"
#include "catalog_editor/chip_filter_model.h"
#include "catalog_editor/chip_form.h"
#include "catalog_editor/chip_list_model.h"
#include "catalog_editor/new_chip_dialog.h"
#include "catalog_editor/offerings_table.h"
#include "catalog_editor/shown_quantity.h"
#include "document/scenario_document.h"
#include "io/catalog_file.h"
#include "support/text.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <set>
#include <utility>

namespace accelplan::ui {

namespace {

const QString kCatalogFilter =
    QObject::tr("Catalog files (*.json *.csv);;JSON (*.json);;CSV (*.csv)");

void fillCombo(QComboBox *combo, const QString &any, const std::set<QString> &values) {
    const QString current = combo->currentData().toString();
    combo->blockSignals(true);
    combo->clear();
    combo->addItem(any, QString());
    for (const QString &v : values)
        combo->addItem(v, v);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
    combo->blockSignals(false);
}

} // namespace

CatalogEditorWindow::CatalogEditorWindow(std::unique_ptr<CatalogSession> session,
                                         const ScenarioDocument *scenario, QWidget *parent)
    : QMainWindow(parent), session_(std::move(session)), scenario_(scenario),
      model_(new ChipListModel(this)), filter_(new ChipFilterModel(this)) {
    setObjectName(QStringLiteral("catalogEditor"));
    setWindowFlag(Qt::Window);
    setWindowTitle(tr("Catalog — AccelPlan"));
    filter_->setSourceModel(model_);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(createBrowser());
    auto *right = new QSplitter(Qt::Vertical, split);
    form_ = new ChipForm(right);
    auto *scroll = new QScrollArea(right);
    scroll->setWidget(form_);
    scroll->setWidgetResizable(true);
    right->addWidget(scroll);
    offerings_ = new OfferingsTable(right);
    right->addWidget(offerings_);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setSizes({530, 230}); // room for a few offerings under the form
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    // The chips table needs room for its names beside six short columns; the form's fields
    // are short quantities.
    split->setSizes({760, 520});
    setCentralWidget(split);
    status_ = new QLabel(this);
    statusBar()->addPermanentWidget(status_);
    createMenus();

    connect(form_, &ChipForm::chipEdited, this, [this](const Chip &after, const QString &what) {
        QString error;
        if (!session_->saveChip(after, what, &error)) {
            showSelected(); // the form shows what is stored, not the refused value
            fail(tr("The change was not saved."), error);
        }
    });
    connect(form_, &ChipForm::resetFieldRequested, this, [this](const QString &key) {
        QString error;
        if (!session_->resetChipField(shownId_, key, &error))
            fail(tr("The value was not reset."), error);
    });
    connect(form_, &ChipForm::resetChipRequested, this, [this] {
        QString error;
        if (!session_->resetChip(shownId_, &error))
            fail(tr("The chip was not reset."), error);
    });
    connect(offerings_, &OfferingsTable::offeringEdited, this,
            [this](const std::optional<Offering> &before, const Offering &after) {
                QString error;
                if (!session_->saveOffering(before, after, &error))
                    fail(tr("The offering was not saved."), error);
            });
    connect(offerings_, &OfferingsTable::deleteRequested, this, [this](const std::string &id) {
        QString error;
        if (!session_->deleteOffering(id, &error))
            fail(tr("The offering was not deleted."), error);
    });
    connect(session_.get(), &CatalogSession::catalogChanged, this,
            [this](std::shared_ptr<const Catalog> catalog) {
                refill(catalog);
                emit catalogSaved(std::move(catalog));
            });
    connect(session_.get(), &CatalogSession::writeFailed, this,
            [this](const QString &error) { fail(tr("The catalog refused the change."), error); });

    refill(session_->catalog());
    table_->sortByColumn(ChipListModel::vendor, Qt::AscendingOrder);
    if (filter_->rowCount() > 0)
        table_->selectRow(0);
    resize(1280, 800);
}

CatalogEditorWindow::~CatalogEditorWindow() = default;

CatalogEditorWindow *CatalogEditorWindow::showFor(const QString &path,
                                                  const ScenarioDocument *scenario,
                                                  QWidget *parent) {
    auto *editor = parent ? parent->findChild<CatalogEditorWindow *>(
                                QStringLiteral("catalogEditor"), Qt::FindDirectChildrenOnly)
                          : nullptr;
    if (!editor) {
        QString error;
        std::unique_ptr<CatalogSession> session = CatalogSession::open(path, &error);
        if (!session) {
            QMessageBox::warning(parent, tr("Catalog"),
                                 tr("The catalog cannot be opened for editing:\n%1").arg(error));
            return nullptr;
        }
        editor = new CatalogEditorWindow(std::move(session), scenario, parent);
        editor->setAttribute(Qt::WA_DeleteOnClose);
    }
    editor->show();
    editor->raise();
    editor->activateWindow();
    return editor;
}

QWidget *CatalogEditorWindow::createBrowser() {
    auto *browser = new QWidget(this);
    auto *layout = new QVBoxLayout(browser);
    auto *filters = new QHBoxLayout;
    search_ = new QLineEdit(browser);
    search_->setObjectName(QStringLiteral("chipSearch"));
    search_->setPlaceholderText(tr("Search chips…"));
    search_->setClearButtonEnabled(true);
    kind_ = new QComboBox(browser);
    kind_->setObjectName(QStringLiteral("kindFilter"));
    vendor_ = new QComboBox(browser);
    vendor_->setObjectName(QStringLiteral("vendorFilter"));
    software_ = new QComboBox(browser);
    software_->setObjectName(QStringLiteral("softwareFilter"));
    filters->addWidget(search_, 2);
    filters->addWidget(kind_, 1);
    filters->addWidget(vendor_, 1);
    filters->addWidget(software_, 1);
    layout->addLayout(filters);
    connect(search_, &QLineEdit::textChanged, filter_, &ChipFilterModel::setSearch);
    connect(kind_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setKind(kind_->currentData().toString()); });
    connect(vendor_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setVendor(vendor_->currentData().toString()); });
    connect(software_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setSoftware(software_->currentData().toString()); });

    table_ = new QTableView(browser);
    table_->setObjectName(QStringLiteral("chipTable"));
    table_->setModel(filter_);
    table_->setSortingEnabled(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->setWordWrap(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(ChipListModel::name, QHeaderView::Stretch);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->setAlternatingRowColors(true);
    layout->addWidget(table_, 1);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CatalogEditorWindow::showSelected);
    // The chip in the form stays in sight when a filter is widened or cleared (once the table
    // has laid out its new rows).
    auto keepInView = [this] {
        QTimer::singleShot(0, table_, [this] { table_->scrollTo(table_->currentIndex()); });
    };
    connect(filter_, &QAbstractItemModel::rowsInserted, this, keepInView);
    connect(filter_, &QAbstractItemModel::layoutChanged, this, keepInView);
    return browser;
}

void CatalogEditorWindow::createMenus() {
    QMenu *catalog = menuBar()->addMenu(tr("&Catalog"));
    catalog->addAction(tr("&Add Chip…"), this, &CatalogEditorWindow::askAddChip);
    catalog->addAction(tr("&Duplicate Chip"), this, [this] {
        if (const auto id = selectedChipId())
            duplicateChip(*id);
    });
    catalog->addAction(tr("De&lete Chip…"), this, [this] {
        if (const auto id = selectedChipId())
            deleteChip(*id);
    });
    catalog->addSeparator();
    catalog->addAction(tr("&Import…"), this, &CatalogEditorWindow::askImport);
    catalog->addAction(tr("&Export…"), this, &CatalogEditorWindow::askExport);
    catalog->addSeparator();
    QAction *diff =
        catalog->addAction(tr("&Changes Against Shipped…"), this, &CatalogEditorWindow::showDiff);
    diff->setObjectName(QStringLiteral("diffAction"));
    catalog->addAction(tr("&Reset Whole Catalog to Shipped…"), this,
                       &CatalogEditorWindow::askResetAll);
    catalog->addSeparator();
    catalog->addAction(tr("&Close"), this, &QWidget::close)->setShortcut(QKeySequence::Close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = session_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("catalogUndo"));
    QAction *redo = session_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("catalogRedo"));
    edit->addAction(undo);
    edit->addAction(redo);
    // A redo the catalog refuses drops its step without QUndoStack saying so (the index stays):
    // the actions ask the stack again once it is done.
    connect(
        session_.get(), &CatalogSession::writeFailed, this,
        [this, undo, redo] {
            undo->setEnabled(session_->undoStack()->canUndo());
            redo->setEnabled(session_->undoStack()->canRedo());
        },
        Qt::QueuedConnection);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    auto *bytes = new QActionGroup(this);
    const std::pair<ByteUnits, QString> choices[] = {
        {ByteUnits::asStated, tr("Bytes as Stated (80 GB, 96 GiB)")},
        {ByteUnits::decimal, tr("Decimal Bytes (GB, GB/s)")},
        {ByteUnits::binary, tr("Binary Bytes (GiB, GiB/s)")}};
    for (const auto &[choice, label] : choices) {
        QAction *a = view->addAction(label, this, [this, choice = choice] {
            setPreferredByteUnits(choice);
            refill(session_->catalog());
        });
        a->setCheckable(true);
        a->setChecked(preferredByteUnits() == choice);
        bytes->addAction(a);
    }
}

void CatalogEditorWindow::refill(std::shared_ptr<const Catalog> catalog) {
    const std::string keep = shownId_;
    std::set<QString> kinds, vendors, software;
    for (const Chip &chip : catalog->chips) {
        kinds.insert(qs(toString(chip.kind)));
        vendors.insert(qs(chip.vendor));
        if (!chip.software.empty())
            software.insert(qs(chip.software));
    }
    fillCombo(kind_, tr("Any kind"), kinds);
    fillCombo(vendor_, tr("Any vendor"), vendors);
    fillCombo(software_, tr("Any software"), software);
    model_->setCatalog(catalog);
    status_->setText(tr("%1 · %2 chips · %3 offerings · %4")
                         .arg(qs(catalog->dataVersion))
                         .arg(catalog->chips.size())
                         .arg(catalog->offerings.size())
                         .arg(QDir::toNativeSeparators(session_->path())));
    shownId_.clear();
    if (!keep.empty() && !selectChip(keep))
        showSelected();
}

bool CatalogEditorWindow::selectChip(const std::string &id) {
    const int row = model_->rowOf(id);
    if (row < 0)
        return false;
    QModelIndex index = filter_->mapFromSource(model_->index(row, 0));
    if (!index.isValid()) { // hidden by the filters: show it anyway
        search_->clear();
        kind_->setCurrentIndex(0);
        vendor_->setCurrentIndex(0);
        software_->setCurrentIndex(0);
        index = filter_->mapFromSource(model_->index(row, 0));
    }
    table_->setCurrentIndex(index);
    table_->selectRow(index.row());
    showSelected();
    return true;
}

std::optional<std::string> CatalogEditorWindow::selectedChipId() const {
    const QModelIndex index = table_->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return index.data(ChipListModel::kIdRole).toString().toStdString();
}

void CatalogEditorWindow::showSelected() {
    const std::optional<std::string> id = selectedChipId();
    const Chip *chip = id ? session_->catalog()->findChip(*id) : nullptr;
    shownId_ = chip ? chip->id : std::string();
    form_->setChip(chip, chip ? session_->shippedChip(chip->id) : std::nullopt);
    offerings_->setOfferings(*session_->catalog(), shownId_);
}

void CatalogEditorWindow::fail(const QString &what, const QString &error) {
    statusBar()->showMessage(what, 8000);
    tell(what, error);
}

void CatalogEditorWindow::tell(const QString &what, const QString &details) {
    // Window-modal but not blocking: the editor stays responsive to undo behind it, and tests
    // find the box (object name "catalogMessage") instead of waiting on it.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Catalog"), what, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("catalogMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(details);
    box->open();
}

std::string CatalogEditorWindow::uniqueId(const std::string &base) const {
    std::string id = base;
    for (int n = 2; session_->catalog()->findChip(id); ++n)
        id = base + "-" + std::to_string(n);
    return id;
}

bool CatalogEditorWindow::addChip(const std::string &id) {
    Chip chip;
    chip.id = id;
    chip.vendor = tr("My vendor").toStdString();
    chip.name = id;
    chip.provenance = Provenance::userAdded;
    return addChip(chip);
}

bool CatalogEditorWindow::addChip(const Chip &chip) {
    const std::string id = chip.id;
    QString error;
    if (!session_->addChip(chip, &error)) {
        fail(tr("The chip was not added."), error);
        return false;
    }
    selectChip(id);
    return true;
}

bool CatalogEditorWindow::duplicateChip(const std::string &id) {
    const Chip *original = session_->catalog()->findChip(id);
    if (!original)
        return false;
    Chip copy = *original;
    copy.id = uniqueId(id + "-variant");
    copy.name += tr(" (variant)").toStdString();
    copy.provenance = Provenance::userAdded;
    QString error;
    if (!session_->addChip(copy, &error)) {
        fail(tr("The chip was not duplicated."), error);
        return false;
    }
    selectChip(copy.id);
    return true;
}

bool CatalogEditorWindow::deleteChip(const std::string &id, bool ask) {
    const Chip *chip = session_->catalog()->findChip(id);
    if (!chip)
        return false;
    if (scenario_) {
        for (const Candidate &c : scenario_->scenario().candidates)
            if (c.chipId == id) {
                tell(tr("%1 is a candidate in the open scenario, so it stays in the catalog.")
                         .arg(qs(chip->name)),
                     tr("Remove it from the scenario first, then delete it here."));
                return false;
            }
    }
    const auto offerings = session_->catalog()->offeringsFor(id);
    if (ask && QMessageBox::question(
                   this, tr("Delete chip"),
                   tr("Delete %1 and its %n cloud offering(s) from your catalog? Undo brings "
                      "them back.",
                      nullptr, static_cast<int>(offerings.size()))
                       .arg(qs(chip->name))) != QMessageBox::Yes)
        return false;
    QString error;
    if (!session_->deleteChip(id, &error)) {
        fail(tr("The chip was not deleted."), error);
        return false;
    }
    return true;
}

bool CatalogEditorWindow::importFrom(const QString &file, data::CatalogStore::ImportMode mode) {
    const data::CatalogStore::ImportResult result = session_->importFile(file, mode);
    if (!result.ok) {
        auto *dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("importProblems"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Import refused"));
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(new QLabel(
            tr("%1 was not imported: the catalog is unchanged. Fix these %n problem(s) and "
               "import it again:",
               nullptr, static_cast<int>(result.problems.size()))
                .arg(QDir::toNativeSeparators(file)),
            dialog));
        auto *list = new QListWidget(dialog);
        list->addItems(result.problems);
        layout->addWidget(list);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        layout->addWidget(buttons);
        dialog->resize(720, 360);
        dialog->show();
        return false;
    }
    statusBar()->showMessage(tr("Imported %1: %2 chips added, %3 changed, %4 removed; %5 "
                                "offerings added, %6 changed, %7 removed")
                                 .arg(QFileInfo(file).fileName())
                                 .arg(result.chipsAdded)
                                 .arg(result.chipsChanged)
                                 .arg(result.chipsRemoved)
                                 .arg(result.offeringsAdded)
                                 .arg(result.offeringsChanged)
                                 .arg(result.offeringsRemoved),
                             10000);
    return true;
}

bool CatalogEditorWindow::exportTo(const QString &file) {
    QString error;
    if (!data::writeCatalogFile(file, *session_->catalog(), &error)) {
        fail(tr("The catalog was not exported."), error);
        return false;
    }
    statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(file)), 8000);
    return true;
}

void CatalogEditorWindow::askAddChip() {
    NewChipDialog dialog(*session_->catalog(), qs(uniqueId("my-chip")), this);
    if (dialog.exec() == QDialog::Accepted)
        addChip(dialog.chip());
}

void CatalogEditorWindow::askImport() {
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Import Catalog"), QDir::homePath(), kCatalogFilter);
    if (file.isEmpty())
        return;
    QMessageBox box(QMessageBox::Question, tr("Import catalog"),
                    tr("Merge %1 into your catalog, or replace your catalog with it?")
                        .arg(QFileInfo(file).fileName()),
                    QMessageBox::Cancel, this);
    QPushButton *merge = box.addButton(tr("Merge"), QMessageBox::AcceptRole);
    QPushButton *replace = box.addButton(tr("Replace"), QMessageBox::DestructiveRole);
    box.setInformativeText(tr("Merge adds the file's records and replaces those with the same "
                              "id; Replace makes the catalog exactly the file. Undo takes "
                              "either back."));
    box.exec();
    if (box.clickedButton() == merge)
        importFrom(file, data::CatalogStore::ImportMode::merge);
    else if (box.clickedButton() == replace)
        importFrom(file, data::CatalogStore::ImportMode::replace);
}

void CatalogEditorWindow::askExport() {
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export Catalog"), QDir::home().filePath(QStringLiteral("catalog.json")),
        kCatalogFilter);
    if (!file.isEmpty())
        exportTo(file);
}

void CatalogEditorWindow::askResetAll() {
    if (QMessageBox::question(this, tr("Reset catalog"),
                              tr("Put every chip and offering back as shipped? Your changes, "
                                 "additions and deletions are undone; Undo brings them back.")) !=
        QMessageBox::Yes)
        return;
    QString error;
    if (!session_->resetAll(&error))
        fail(tr("The catalog was not reset."), error);
}

void CatalogEditorWindow::showDiff() {
    auto *view = new CatalogDiffView(*session_->catalog(), this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->show();
}

} // namespace accelplan::ui
