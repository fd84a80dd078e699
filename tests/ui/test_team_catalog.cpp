// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace on a team catalog (a PostgreSQL server the test starts): it opens the catalog
// named by --catalog, says it is the team's, and recomputes when another member commits a
// change, without being asked.

#include "catalog/catalog_store.h"
#include "helpers/postgres_server.h"
#include "helpers/test_env.h"
#include "workspace/catalog_location.h"
#include "workspace/main_window.h"

#include <QLabel>
#include <QStatusBar>
#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

class TestTeamCatalog : public QObject {
    Q_OBJECT

private slots:
    void anotherMembersChangeReachesTheWorkspace() {
        test::isolateUserFiles();
        test::PostgresServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.error()));
        QCOMPARE(server.createDatabase(QStringLiteral("team")), QString());
        const QString url =
            server.location(QLatin1String(test::PostgresServer::kAdmin), QStringLiteral("team"));
        setCatalogLocationForThisRun(url);

        MainWindow w;
        QTRY_VERIFY_WITH_TIMEOUT(w.shownAnalysis(), 60000);
        const auto *status = w.findChild<QLabel *>(QStringLiteral("catalogStatus"));
        QVERIFY(status && status->text().startsWith(QStringLiteral("Team catalog")));
        QVERIFY(w.shownAnalysis()->catalog->findChip("nvidia-h100-sxm5-80gb"));

        // A colleague (another connection) deletes a chip: the window follows.
        data::OpenedCatalog colleague = data::openCatalog(url);
        QVERIFY2(colleague.store, qPrintable(colleague.error));
        QString error;
        QVERIFY2(colleague.store->deleteChip("amd-mi210", &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!w.shownAnalysis()->catalog->findChip("amd-mi210"), 20000);
        setCatalogLocationForThisRun(QString());
    }
};

QTEST_MAIN(TestTeamCatalog)
#include "test_team_catalog.moc"
