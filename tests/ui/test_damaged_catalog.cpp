// SPDX-License-Identifier: GPL-3.0-or-later
// The app started on a user catalog that cannot be opened: it says why and offers to start from
// the shipped catalog. Accepted, the damaged file is kept byte for byte under a new name beside
// the new catalog, and the workspace computes with the shipped chips; declined, nothing is
// touched.

#include "catalog/catalog_store.h"
#include "helpers/test_env.h"
#include "workspace/main_window.h"
#include "workspace/results_model.h"
#include "workspace/results_table.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QTimer>

using accelplan::ui::MainWindow;

namespace {

const QByteArray kDamaged = "SQLite format 3, and then nothing a database would hold";

// Answers the damaged-catalog question with the button named `choice`, then closes whatever
// message follows; keeps what each box said.
class Answers : public QObject {
public:
    explicit Answers(const char *choice) : choice_(QString::fromLatin1(choice)) {
        connect(&timer_, &QTimer::timeout, this, [this] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            said << box->objectName() + QLatin1Char('|') + box->text() + QLatin1Char('|') +
                        box->informativeText();
            if (auto *button = box->findChild<QAbstractButton *>(choice_))
                button->click();
            else
                box->accept();
        });
        timer_.start(5);
    }
    QStringList said;

private:
    QString choice_;
    QTimer timer_;
};

QStringList setAsideFiles() {
    const QFileInfo catalog(accelplan::data::userCatalogPath());
    return catalog.dir().entryList({catalog.fileName() + QStringLiteral(".set-aside-*")},
                                   QDir::Files);
}

} // namespace

class TestDamagedCatalog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        accelplan::test::isolateUserFiles();
        // A user folder of its own: tests running side by side never share this catalog.
        QCoreApplication::setApplicationName(QStringLiteral("AccelPlanDamagedCatalogTest"));
    }

    void init() {
        const QDir folder = QFileInfo(accelplan::data::userCatalogPath()).dir();
        for (const QString &name : folder.entryList(QDir::Files))
            QFile::remove(folder.filePath(name));
        QFile f(accelplan::data::userCatalogPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kDamaged);
    }

    void startingFromTheShippedCatalogKeepsTheDamagedFile() {
        Answers answers("startFromShippedButton");
        MainWindow w;
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(!w.recompute()->catalog()->chips.empty(), 30000);
        QVERIFY2(!answers.said.isEmpty() &&
                     answers.said.front().startsWith(QStringLiteral("damagedCatalogBox|")),
                 qPrintable(answers.said.join(u'\n')));
        QVERIFY2(answers.said.front().contains(QStringLiteral("catalog.sqlite")),
                 qPrintable(answers.said.front()));

        // The damaged file is kept, byte for byte, and the message says where.
        const QStringList aside = setAsideFiles();
        QCOMPARE(aside.size(), 1);
        const QString asidePath =
            QFileInfo(accelplan::data::userCatalogPath()).dir().filePath(aside.front());
        QCOMPARE(accelplan::test::readFile(asidePath), kDamaged);
        QTRY_VERIFY(answers.said.size() >= 2);
        QVERIFY2(answers.said.at(1).contains(aside.front()), qPrintable(answers.said.at(1)));

        // The new catalog is the shipped one, on disk and in the workspace.
        QString error;
        const auto onDisk = accelplan::data::loadCatalog(QString(), &error);
        QVERIFY2(onDisk, qPrintable(error));
        QCOMPARE(onDisk->chips.size(), w.recompute()->catalog()->chips.size());
        auto *label = w.findChild<QLabel *>(QStringLiteral("catalogStatus"));
        QVERIFY(label);
        QVERIFY2(label->text().contains(QString::number(onDisk->chips.size())),
                 qPrintable(label->text()));
        QTRY_VERIFY_WITH_TIMEOUT(w.shownAnalysis() && w.shownAnalysis()->catalog &&
                                     !w.shownAnalysis()->catalog->chips.empty(),
                                 60000);
    }

    void continuingWithoutACatalogTouchesNothing() {
        Answers answers("continueWithoutButton");
        MainWindow w;
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(!answers.said.isEmpty(), 30000);
        QTest::qWait(50);
        QVERIFY(w.recompute()->catalog()->chips.empty());
        QCOMPARE(accelplan::test::readFile(accelplan::data::userCatalogPath()), kDamaged);
        QVERIFY(setAsideFiles().isEmpty());
    }
};

QTEST_MAIN(TestDamagedCatalog)
#include "test_damaged_catalog.moc"
