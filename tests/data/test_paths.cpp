// SPDX-License-Identifier: GPL-3.0-or-later
// Locating the shipped data and the user's data folder.

#include "helpers/test_env.h"
#include "support/paths.h"

#include <QDir>

class TestPaths : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { accelplan::test::isolateUserFiles(); }

    void environmentOverridesShippedDir() {
        QTemporaryDir dir;
        qputenv("ACCELPLAN_DATA_DIR", dir.path().toUtf8());
        QCOMPARE(accelplan::data::shippedDataDir(), QDir(dir.path()).absolutePath());
    }

    void missingEnvironmentDirIsIgnored() {
        qputenv("ACCELPLAN_DATA_DIR", "/nonexistent/accelplan-test");
        QVERIFY(accelplan::data::shippedDataDir() != QStringLiteral("/nonexistent/accelplan-test"));
    }

    void userDirIsIsolatedAndCreated() {
        const QString dir = accelplan::data::userDataDir();
        QVERIFY(QDir(dir).exists());
        QVERIFY2(dir.contains(QStringLiteral(".qttest")), qPrintable(dir));
    }
};

QTEST_GUILESS_MAIN(TestPaths)
#include "test_paths.moc"
