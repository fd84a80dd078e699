// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The recently opened or saved scenario files, newest first, kept in QSettings and shown as a
// menu.

#include <QMenu>
#include <QStringList>

namespace accelplan::ui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMax = 8;

    explicit RecentFiles(QMenu *menu, QObject *parent = nullptr);

    QStringList files() const;
    void add(const QString &path);
    void remove(const QString &path);

signals:
    void openRequested(const QString &path);

private:
    void rebuildMenu();
    void store(const QStringList &files);

    QMenu *menu_;
};

} // namespace accelplan::ui
