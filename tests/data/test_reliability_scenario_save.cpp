// SPDX-License-Identifier: GPL-3.0-or-later
// Saving a scenario never leaves a damaged file, whatever happens during the save: the program
// killed at any moment, a full disk, a read-only folder or file. Afterwards the file is the old
// one or the new one, byte for byte, never a mix or a stump.

#include "helpers/child_process.h"
#include "helpers/test_env.h"
#include "io/scenario_json.h"
#include "workload/presets.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <random>

using namespace accelplan;
using namespace accelplan::data;

namespace {

// A scenario large enough (about 2 MB) that a save takes a while: a kill lands inside it.
// `variant` changes every candidate so that two versions differ all through the file.
Scenario bigScenario(char variant, int candidates = 20000) {
    Scenario s;
    s.name = std::string("version ") + variant;
    s.workload = *findPreset("llama-3.1-70b");
    s.inference = InferenceSettings{};
    for (int i = 0; i < candidates; ++i) {
        Candidate c;
        c.chipId = "chip-" + std::string(1, variant) + "-" + std::to_string(i);
        c.count = 1 + i % 4096;
        s.candidates.push_back(c);
    }
    return s;
}

QStringList filesIn(const QString &dir) {
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

// Child "save-forever PATH": saves versions a and b in turn until killed; says "saving" once
// it is about to start.
int saveForever(const QString &path) {
    const Scenario versions[] = {bigScenario('a'), bigScenario('b')};
    QTextStream out(stdout);
    out << "saving" << Qt::endl;
    for (unsigned i = 0;; ++i) {
        QString error;
        if (!writeScenarioFile(versions[i % 2], path, &error)) {
            QTextStream(stderr) << error << Qt::endl;
            return 1;
        }
    }
}

// Child "save-as-user PATH": saves version b as an unprivileged user; prints the error.
int saveAsUser(const QString &path) {
    if (!test::actAsUnprivilegedUser()) {
        QTextStream(stderr) << "cannot drop privileges" << Qt::endl;
        return 3;
    }
    QString error;
    if (writeScenarioFile(bigScenario('b', 10), path, &error))
        return 0;
    QTextStream(stdout) << error << Qt::endl;
    return 1;
}

int childMain(const QString &name, const QStringList &args) {
    if (name == QLatin1String("save-forever") && args.size() == 1)
        return saveForever(args[0]);
    if (name == QLatin1String("save-as-user") && args.size() == 1)
        return saveAsUser(args[0]);
    return 2;
}

} // namespace

class TestReliabilityScenarioSave : public QObject {
    Q_OBJECT

private slots:
    // Kill the saving program at random moments, again and again: every time, the file on disk
    // is one of the two complete versions.
    void killedDuringSaveLeavesTheOldOrTheNewFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.json"));
        const QByteArray a = scenarioToJson(bigScenario('a'));
        const QByteArray b = scenarioToJson(bigScenario('b'));
        QString error;
        QVERIFY2(writeScenarioFile(bigScenario('a'), path, &error), qPrintable(error));

        // The kills spread over a few saves' time, so that they hit every phase of a save.
        QElapsedTimer timer;
        timer.start();
        QVERIFY(writeScenarioFile(bigScenario('b'), path, &error));
        const int saveMs = std::max(5, int(timer.elapsed()));
        std::mt19937 random(12);
        std::uniform_int_distribution<int> delayMs(0, 3 * saveMs);

        int sawA = 0;
        int sawB = 0;
#ifdef ACCELPLAN_SANITIZED_BUILD
        constexpr int kRounds = 10; // each sanitized child takes a second to start
#else
        constexpr int kRounds = 30;
#endif
        for (int round = 0; round < kRounds; ++round) {
            QProcess child;
            test::startChild(child, QStringLiteral("save-forever"), {path});
            QVERIFY(child.waitForReadyRead(60000));
            QTest::qWait(delayMs(random));
            child.kill();
            QVERIFY(child.waitForFinished(60000));
            QVERIFY2(child.exitStatus() == QProcess::CrashExit,
                     child.readAllStandardError().constData());

            const QByteArray onDisk = test::readFile(path);
            QVERIFY2(onDisk == a || onDisk == b,
                     qPrintable(QStringLiteral("round %1: the file is torn (%2 bytes)")
                                    .arg(round)
                                    .arg(onDisk.size())));
            (onDisk == a ? sawA : sawB) += 1;
            QVERIFY(readScenarioFile(path).scenario.has_value());
        }
        qInfo("%d kills: %d left version a, %d version b; %lld stray temporary files", kRounds,
              sawA, sawB, static_cast<long long>(filesIn(dir.path()).size() - 1));
        // Temporary files of killed saves do not stop the next save.
        QVERIFY(writeScenarioFile(bigScenario('a'), path, &error));
        QCOMPARE(test::readFile(path), a);
    }

    // The disk fills up in the middle of a save: the save fails with a message naming the
    // file, the old file is untouched and nothing is left behind.
    void aFullDiskKeepsTheOldFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.json"));
        const Scenario small = bigScenario('a', 3);
        QString error;
        QVERIFY(writeScenarioFile(small, path, &error));
        const QByteArray before = test::readFile(path);

        bool saved = true;
        {
            test::FileSizeLimit full(64 * 1024);
            QVERIFY(full.isActive());
            saved = writeScenarioFile(bigScenario('b'), path, &error);
        }
        QVERIFY(!saved);
        QVERIFY2(error.startsWith(path + QStringLiteral(": cannot save")), qPrintable(error));
        QCOMPARE(test::readFile(path), before);
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("plan.json")});
    }

    // The same when the whole new file fits in the write buffer, so the disk refuses only the
    // last write, at commit: Qt's QSaveFile alone would rename the short file into place.
    void aFullDiskAtTheLastWriteKeepsTheOldFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.json"));
        QString error;
        QVERIFY(writeScenarioFile(bigScenario('a', 3), path, &error));
        const QByteArray before = test::readFile(path);
        const QByteArray after = scenarioToJson(bigScenario('b', 100));
        QVERIFY(after.size() > 4096 && after.size() < 16384); // within QFileDevice's buffer

        bool saved = true;
        {
            test::FileSizeLimit full(1024);
            QVERIFY(full.isActive());
            saved = writeScenarioFile(bigScenario('b', 100), path, &error);
        }
        QVERIFY(!saved);
        QVERIFY2(error.startsWith(path + QStringLiteral(": cannot save")), qPrintable(error));
        QCOMPARE(test::readFile(path), before);
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("plan.json")});
    }

    // A folder the user may not write to: refused with a message, the file unchanged.
    void aReadOnlyFolderKeepsTheOldFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.json"));
        QString error;
        QVERIFY(writeScenarioFile(bigScenario('a', 3), path, &error));
        const QByteArray before = test::readFile(path);
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ReadGroup | QFileDevice::ExeGroup |
                                              QFileDevice::ReadOther | QFileDevice::ExeOther);

        const test::ChildRun run = test::runChild(QStringLiteral("save-as-user"), {path});
        test::openToEveryone(dir.path(), true);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(QString::fromUtf8(run.out).startsWith(path + QStringLiteral(": cannot save")),
                 run.out.constData());
        QCOMPARE(test::readFile(path), before);
        QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("plan.json")});
    }

    // A read-only file in a writable folder: the save must not replace it behind the user's
    // back (a rename over it would succeed).
    void aReadOnlyFileIsNotReplaced() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.json"));
        QString error;
        QVERIFY(writeScenarioFile(bigScenario('a', 3), path, &error));
        const QByteArray before = test::readFile(path);
        test::openToEveryone(dir.path(), true);
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadOther);

        const test::ChildRun run = test::runChild(QStringLiteral("save-as-user"), {path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(QString::fromUtf8(run.out).startsWith(path + QStringLiteral(": cannot save")),
                 run.out.constData());
        QCOMPARE(test::readFile(path), before);
    }

    // A scenario reached through a symbolic link: the save changes the file the link points to
    // and keeps the link.
    void aSymbolicLinkStaysALink() {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("real.json"));
        const QString link = dir.filePath(QStringLiteral("plan.json"));
        QString error;
        QVERIFY(writeScenarioFile(bigScenario('a', 3), target, &error));
        QVERIFY(QFile::link(target, link));
        QVERIFY2(writeScenarioFile(bigScenario('b', 3), link, &error), qPrintable(error));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(test::readFile(target), scenarioToJson(bigScenario('b', 3)));
    }
};

ACCELPLAN_TEST_MAIN_WITH_CHILD(TestReliabilityScenarioSave, childMain)
#include "test_reliability_scenario_save.moc"
