#pragma once
// The application's main window: menus, the workspace, and the About box.

#include <QMainWindow>

namespace accelplan::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    void showAbout();

private:
    void createMenus();
};

}  // namespace accelplan::ui
