// SPDX-License-Identifier: GPL-3.0-or-later
// accelplan-cli calibrate on a small folder of real calibration cases: it fits, reports the
// cross-validated error, writes a table that reads back, and refuses bad input with a message
// that says where.

#include "efficiency/efficiency_data.h"
#include "efficiency/fit.h"
#include "helpers/test_env.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace accelplan;

namespace {

// The first `count` cases of the project's calibration folder (index.csv and measured.csv
// rows with their scenarios) copied into `dir`, and an empty unseen pair.
void copyCases(const QTemporaryDir &dir, int count) {
    const QDir from(test::requiredEnv("ACCELPLAN_CALIBRATION_DIR"));
    QDir(dir.path()).mkdir(QStringLiteral("scenarios"));
    for (const QString &name : {QStringLiteral("index.csv"), QStringLiteral("measured.csv")}) {
        QFile in(from.filePath(name));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = in.readAll().split('\n');
        QByteArray kept = lines.front() + '\n';
        for (int i = 1; i <= count; ++i)
            kept += lines[i] + '\n';
        test::writeFile(dir, name, kept);
        test::writeFile(dir, QString(name).replace(u'.', QStringLiteral("-unseen.")),
                        lines.front() + '\n');
        if (name == QLatin1String("index.csv")) {
            for (int i = 1; i <= count; ++i) {
                const QString file = QString::fromUtf8(lines[i].split(',')[1]);
                QVERIFY(QFile::copy(from.filePath(file), dir.filePath(file)));
            }
        }
    }
}

} // namespace

class TestCliCalibrate : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateUserFiles(); }

    void fitsReportsAndWritesATableThatReadsBack() {
        QTemporaryDir dir;
        copyCases(dir, 8);
        const QString out = dir.filePath(QStringLiteral("fitted.csv"));
        const auto run = test::runCli({QStringLiteral("calibrate"), QStringLiteral("--cases"),
                                       dir.path(), QStringLiteral("--folds"), QStringLiteral("2"),
                                       QStringLiteral("--sweeps"), QStringLiteral("1"),
                                       QStringLiteral("--write"), out});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString text = QString::fromUtf8(run.out);
        QVERIFY2(text.contains(QStringLiteral("8 cases, 2 folds grouped by chip family x "
                                              "workload family")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("CV median")));
        QVERIFY(text.contains(QStringLiteral("\nall ")));
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        std::string error;
        const auto table = EfficiencyData::fromCsv(written.readAll().toStdString(), &error);
        QVERIFY2(table, error.c_str());
        QCOMPARE(table->rows().size(), shippedEfficiencyData().rows().size());
        // The table records what its error was measured on: the eight cases, by kind.
        QCOMPARE(*table->find("global", "training", "cross_validated_cases") +
                     *table->find("global", "inference", "cross_validated_cases"),
                 8.0);
    }

    // Other splits of the groups into folds say how much the figure owes to one split: each
    // split's median is printed, the first being the one of the table above.
    void otherSplitsOfTheFoldsAreMeasuredOnRequest() {
        QTemporaryDir dir;
        copyCases(dir, 8);
        const auto run = test::runCli({QStringLiteral("calibrate"), QStringLiteral("--cases"),
                                       dir.path(), QStringLiteral("--folds"), QStringLiteral("2"),
                                       QStringLiteral("--sweeps"), QStringLiteral("1"),
                                       QStringLiteral("--splits"), QStringLiteral("3")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString text = QString::fromUtf8(run.out);
        QVERIFY2(text.contains(QStringLiteral("over 3 splits of the groups into folds")),
                 qPrintable(text));
        const QRegularExpression line(QStringLiteral(
            "\\n(training|inference) +CV median ([0-9.]+) %, [0-9.]+ %, [0-9.]+ % \\(mean"));
        const QRegularExpressionMatch m = line.match(text);
        QVERIFY2(m.hasMatch(), qPrintable(text));
        // The first split's median is the table's.
        const QRegularExpression table(
            QStringLiteral("\\n%1 +[0-9]+ +[0-9.]+ % +[0-9.]+ % +([0-9.]+) %").arg(m.captured(1)));
        const QRegularExpressionMatch t = table.match(text);
        QVERIFY2(t.hasMatch(), qPrintable(text));
        QCOMPARE(m.captured(2), t.captured(1));
        // Groups stay whole in every split.
        std::vector<fit::Case> cases(6);
        const char *groups[] = {"a", "b", "a", "c", "b", "a"};
        for (std::size_t i = 0; i < cases.size(); ++i)
            cases[i].group = groups[i];
        for (int split = 0; split < 5; ++split) {
            const std::vector<int> f = fit::groupedFolds(cases, 2, split);
            QCOMPARE(f[0], f[2]);
            QCOMPARE(f[0], f[5]);
            QCOMPARE(f[1], f[4]);
        }
    }

    void aDamagedCaseSaysFileLineAndWhat() {
        QTemporaryDir dir;
        copyCases(dir, 3);
        QFile index(dir.filePath(QStringLiteral("index.csv")));
        QVERIFY(index.open(QIODevice::ReadOnly));
        QByteArray text = index.readAll();
        index.close();
        const qsizetype second = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
        const QList<QByteArray> fields = text.mid(second).split(',');
        text.replace(text.indexOf(fields[3], second), fields[3].size(), "lots");
        test::writeFile(dir, QStringLiteral("index.csv"), text);
        const auto run =
            test::runCli({QStringLiteral("calibrate"), QStringLiteral("--cases"), dir.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("index.csv:3") &&
                     run.err.contains("the measured value is not a positive number"),
                 run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void badArgumentsAreUsageErrors() {
        QTemporaryDir dir;
        const auto none = test::runCli({QStringLiteral("calibrate")});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains("usage: accelplan-cli calibrate --cases DIR"));
        const auto folds =
            test::runCli({QStringLiteral("calibrate"), QStringLiteral("--cases"), dir.path(),
                          QStringLiteral("--folds"), QStringLiteral("1")});
        QCOMPARE(folds.exitCode, 2);
        QVERIFY2(folds.err.contains("--folds '1' is out of range"), folds.err.constData());
        const auto splits =
            test::runCli({QStringLiteral("calibrate"), QStringLiteral("--cases"), dir.path(),
                          QStringLiteral("--splits"), QStringLiteral("0")});
        QCOMPARE(splits.exitCode, 2);
        QVERIFY2(splits.err.contains("--splits '0' is out of range"), splits.err.constData());
        const auto missing = test::runCli({QStringLiteral("calibrate"), QStringLiteral("--cases"),
                                           dir.filePath(QStringLiteral("nowhere"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("index.csv"), missing.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCalibrate)
#include "test_calibrate.moc"
