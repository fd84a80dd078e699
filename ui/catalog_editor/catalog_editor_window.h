// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The catalog editor: the chips in a sortable table filtered by kind, vendor, software and a
// search; the selected chip's values (ChipForm) and cloud offerings (OfferingsTable); menus to
// add, duplicate and delete chips, import and export JSON or CSV, reset to shipped, see what
// differs from the shipped catalog, and undo or redo every edit. Every edit is written at once
// (CatalogSession); catalogSaved() then carries the catalog as stored, for the workspace.

#include "catalog_editor/catalog_session.h"

#include <QMainWindow>

#include <memory>
#include <optional>
#include <string>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace accelplan::ui {

class ChipFilterModel;
class ChipForm;
class ChipListModel;
class OfferingsTable;
class ScenarioDocument;

class CatalogEditorWindow : public QMainWindow {
    Q_OBJECT
public:
    // `scenario` (may be null) is the workspace's open scenario: a chip it uses is not deleted.
    CatalogEditorWindow(std::unique_ptr<CatalogSession> session, const ScenarioDocument *scenario,
                        QWidget *parent = nullptr);
    ~CatalogEditorWindow() override;

    // The editor of `parent` (made when there is none) on the catalog at `path` (the user's when
    // empty), shown and raised; null after telling the user why the catalog cannot be opened.
    static CatalogEditorWindow *showFor(const QString &path, const ScenarioDocument *scenario,
                                        QWidget *parent);

    CatalogSession *session() { return session_.get(); }
    ChipForm *form() { return form_; }
    OfferingsTable *offerings() { return offerings_; }
    QTableView *chipTable() { return table_; }
    ChipFilterModel *chipFilter() { return filter_; }

    bool selectChip(const std::string &id);
    std::optional<std::string> selectedChipId() const;

    // The editor's commands; each says what went wrong in a message box.
    bool addChip(const std::string &id); // with only its id: the rest is typed in the form
    bool addChip(const Chip &chip);
    bool duplicateChip(const std::string &id);
    // Asks first when `ask`; refuses a chip the open scenario uses.
    bool deleteChip(const std::string &id, bool ask = true);
    // Imports all or nothing; the problems of a refused file are listed in a dialog
    // (object name "importProblems").
    bool importFrom(const QString &file, data::CatalogStore::ImportMode mode);
    bool exportTo(const QString &file);

public slots:
    void showDiff();

signals:
    // The catalog on disk changed (an edit, undo, redo, import or reset).
    void catalogSaved(std::shared_ptr<const accelplan::Catalog> catalog);

private:
    void createMenus();
    QWidget *createBrowser();
    void refill(std::shared_ptr<const Catalog> catalog);
    void showSelected();
    void fail(const QString &what, const QString &error);
    void tell(const QString &what, const QString &details);
    void askAddChip();
    void askImport();
    void askExport();
    void askResetAll();
    std::string uniqueId(const std::string &base) const;

    std::unique_ptr<CatalogSession> session_;
    const ScenarioDocument *scenario_;
    ChipListModel *model_;
    ChipFilterModel *filter_;
    QTableView *table_ = nullptr;
    QLineEdit *search_ = nullptr;
    QComboBox *kind_ = nullptr, *vendor_ = nullptr, *software_ = nullptr;
    ChipForm *form_ = nullptr;
    OfferingsTable *offerings_ = nullptr;
    QLabel *status_ = nullptr;
    std::string shownId_; // the chip in the form
};

} // namespace accelplan::ui
