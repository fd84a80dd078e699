// The main window opens with the app's name, its menus and an About box.

#include "helpers/test_env.h"
#include "version.h"
#include "workspace/main_window.h"

#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QTimer>

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { accelplan::test::isolateUserFiles(); }

    void hasTitleAndMenus() {
        accelplan::ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.windowTitle().contains(QStringLiteral("AccelPlan")));
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text().remove(QLatin1Char('&'));
        QVERIFY2(menus.contains(QStringLiteral("File")), qPrintable(menus.join(u',')));
        QVERIFY(menus.contains(QStringLiteral("Help")));
    }

    void aboutBoxShowsVersion() {
        accelplan::ui::MainWindow w;
        QString text;
        QTimer::singleShot(0, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            text = box->text();
            box->accept();
        });
        w.showAbout();
        QVERIFY2(text.contains(QString::fromUtf8(accelplan::kAppVersion)), qPrintable(text));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
