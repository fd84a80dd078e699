// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the user's catalog changes against the shipped seed: chips and offerings the user
// changed (each changed value with its shipped and current value), added or deleted.

#include "hardware/catalog.h"

#include <QDialog>

class QTreeWidget;

namespace accelplan::ui {

class CatalogDiffView : public QDialog {
    Q_OBJECT
public:
    explicit CatalogDiffView(const Catalog &mine, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return tree_; }

private:
    QTreeWidget *tree_;
};

} // namespace accelplan::ui
