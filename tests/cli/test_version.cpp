// SPDX-License-Identifier: GPL-3.0-or-later
// accelplan-cli's version and usage behaviour.

#include "helpers/test_env.h"
#include "version.h"

class TestCliVersion : public QObject {
    Q_OBJECT

private slots:
    void printsVersion() {
        const auto run = accelplan::test::runCli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        const QString firstLine = QString::fromUtf8(run.out).split(QLatin1Char('\n')).first();
        QCOMPARE(firstLine,
                 QStringLiteral("accelplan ") + QString::fromUtf8(accelplan::kAppVersion));
        QVERIFY(QString::fromUtf8(accelplan::kAppVersion)
                    .contains(QRegularExpression(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"))));
    }

    void unknownCommandIsUsageError() {
        const auto run = accelplan::test::runCli({QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("unknown command"));
    }

    void noArgumentsIsUsageError() {
        const auto run = accelplan::test::runCli({});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("usage:"));
    }
};

QTEST_GUILESS_MAIN(TestCliVersion)
#include "test_version.moc"
