// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI with files that are not plain files, and outputs that cannot be written whole.
// Outputs: a named pipe (FIFO) or a character device given to `report -o` or `catalog export`
// is written through, never replaced by a regular file; a pipe nobody reads is refused. A
// report cut short by a full disk fails and keeps the old one; output to a full stdout fails.
// Inputs: a device or a pipe named as a catalog or scenario file is refused at once, instead
// of being read without end or waited on forever.

#include "helpers/test_env.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace accelplan;

namespace {

const QByteArray kScenario = R"({
  "format": "accelplan.scenario/1",
  "name": "Llama 3.1 70B: fine-tune and serve",
  "workload": { "model": "llama-3.1-70b" },
  "training": { "tokens": 2.0e10, "seq_len": 8192, "global_batch": 512 },
  "inference": { "precision": "fp8", "input_tokens": 2048, "output_tokens": 256 },
  "candidates": [ { "chip": "nvidia-h100-sxm5-80gb", "count": 64 },
                  { "chip": "google-tpu-v6e", "count": 64 } ]
})";

// How a file is now: a FIFO, a character device, a regular file, or missing.
QString kindOf(const QString &path) {
    struct stat info {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return QStringLiteral("missing");
    if (S_ISFIFO(info.st_mode))
        return QStringLiteral("fifo");
    if (S_ISCHR(info.st_mode))
        return QStringLiteral("character device");
    if (S_ISREG(info.st_mode))
        return QStringLiteral("regular file");
    return QStringLiteral("other");
}

bool makeFifo(const QString &path) {
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
}

struct Run {
    int exitCode = -1; // -1: crashed or did not finish within the time
    QByteArray err;
};

// The CLI with its standard output going to `stdoutFile` and, when `fileSizeLimit` is set,
// unable to write files larger than that (a write past it fails as on a full disk).
Run runCliTo(const QStringList &args, const QString &stdoutFile, rlim_t fileSizeLimit = 0) {
    QProcess p;
    if (!stdoutFile.isEmpty())
        p.setStandardOutputFile(stdoutFile);
    if (fileSizeLimit > 0)
        p.setChildProcessModifier([fileSizeLimit] {
            std::signal(SIGXFSZ, SIG_IGN);
            rlimit limit{};
            getrlimit(RLIMIT_FSIZE, &limit);
            limit.rlim_cur = fileSizeLimit;
            setrlimit(RLIMIT_FSIZE, &limit);
        });
    p.start(test::requiredEnv("ACCELPLAN_CLI"), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardError()};
}

// The CLI writing to `fifo` while this process reads it, as the program at the other end of a
// pipe would; `received` gets what came through.
Run runCliIntoPipe(const QStringList &args, const QString &fifo, QByteArray *received) {
    // Open for reading first (without waiting for a writer), so that the CLI finds a reader.
    const int fd = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    if (fd < 0)
        return {};
    QProcess p;
    p.start(test::requiredEnv("ACCELPLAN_CLI"), args);
    QElapsedTimer timer;
    timer.start();
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            received->append(buffer, n);
            continue;
        }
        // Nothing to read: either no writer yet or any more, or the writer is still working.
        if (p.state() == QProcess::NotRunning && n == 0)
            break;
        if (timer.elapsed() > 60000) {
            p.kill();
            break;
        }
        p.waitForFinished(10);
    }
    ::close(fd);
    p.waitForFinished();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardError()};
}

} // namespace

class TestSpecialFiles : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString catalog_;
    QString scenario_;

    QStringList withCatalog(QStringList args) const {
        return args << QStringLiteral("--catalog") << catalog_;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        catalog_ = dir_.filePath(QStringLiteral("catalog.sqlite"));
        scenario_ = test::writeFile(dir_, QStringLiteral("plan.json"), kScenario);
        const auto made =
            test::runCli(withCatalog({QStringLiteral("catalog"), QStringLiteral("validate")}));
        QVERIFY2(made.exitCode == 0, made.err.constData());
    }

    // A FIFO stays a FIFO, and the program reading it gets the whole output.
    void outputsGoThroughANamedPipe_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("starts");
        QTest::newRow("catalog export")
            << QStringList{QStringLiteral("catalog"), QStringLiteral("export"),
                           QStringLiteral("FIFO")}
            << QByteArray("{");
        QTest::newRow("report") << QStringList{QStringLiteral("report"), QStringLiteral("SCENARIO"),
                                               QStringLiteral("-o"), QStringLiteral("FIFO")}
                                << QByteArray("%PDF");
    }
    void outputsGoThroughANamedPipe() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, starts);
        const QString fifo = dir_.filePath(QStringLiteral("pipe.json"));
        QFile::remove(fifo);
        QVERIFY(makeFifo(fifo));
        args.replaceInStrings(QStringLiteral("FIFO"), fifo);
        args.replaceInStrings(QStringLiteral("SCENARIO"), scenario_);
        QByteArray received;
        const Run run = runCliIntoPipe(withCatalog(args), fifo, &received);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(kindOf(fifo), QStringLiteral("fifo"));
        QVERIFY2(received.startsWith(starts), received.left(80).constData());
        QVERIFY(QDir(dir_.path()).entryList({QStringLiteral("pipe.json.*")}).isEmpty());
    }

    // Opening a pipe without a reader would wait forever; it is refused, and stays a pipe.
    void aPipeNobodyReadsIsRefused() {
        const QString fifo = dir_.filePath(QStringLiteral("unread.json"));
        QVERIFY(makeFifo(fifo));
        const Run run =
            runCliTo(withCatalog({QStringLiteral("catalog"), QStringLiteral("export"), fifo}), {});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no program is reading from this pipe"), run.err.constData());
        QCOMPARE(kindOf(fifo), QStringLiteral("fifo"));
    }

    // As root, renaming over a device node replaced /dev/null with a regular file. The node
    // here is a private copy of /dev/null (character device 1, 3); only root may make one.
    void aCharacterDeviceIsWrittenNotReplaced() {
        if (geteuid() != 0)
            QSKIP("only root can make a device node, and only root could replace one");
        const QString null = dir_.filePath(QStringLiteral("null.json"));
        QVERIFY(::mknod(QFile::encodeName(null).constData(), S_IFCHR | 0666, makedev(1, 3)) == 0);
        for (const QStringList &args :
             {QStringList{QStringLiteral("catalog"), QStringLiteral("export"), null},
              QStringList{QStringLiteral("report"), scenario_, QStringLiteral("-o"), null}}) {
            const Run run = runCliTo(withCatalog(args), {});
            QVERIFY2(run.exitCode == 0, run.err.constData());
            QCOMPARE(kindOf(null), QStringLiteral("character device"));
        }
        // A device that refuses the bytes is an error, said in words.
        if (QFileInfo::exists(QStringLiteral("/dev/full"))) {
            const QString full = dir_.filePath(QStringLiteral("full.json"));
            QVERIFY(::mknod(QFile::encodeName(full).constData(), S_IFCHR | 0666, makedev(1, 7)) ==
                    0);
            const Run run = runCliTo(
                withCatalog({QStringLiteral("catalog"), QStringLiteral("export"), full}), {});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains("No space left on device"), run.err.constData());
            QCOMPARE(kindOf(full), QStringLiteral("character device"));
        }
    }

    // QPdfWriter does not check its writes: a large write cut short by a full disk was the last
    // one to reach the file, and the truncated report replaced the good one with exit status 0.
    // Wherever the disk runs out, the report fails and the old one stays.
    void aReportCutShortByAFullDiskKeepsTheOldOne() {
        const QString pdf = dir_.filePath(QStringLiteral("report.pdf"));
        const Run first = runCliTo(
            withCatalog({QStringLiteral("report"), scenario_, QStringLiteral("-o"), pdf}), {});
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QByteArray good = test::readFile(pdf);
        QVERIFY(good.size() > 100'000);
        // The new report is a little larger (a longer name), so that a cut near its end counts.
        const QString longer = test::writeFile(
            dir_, QStringLiteral("longer.json"),
            QByteArray(kScenario).replace("fine-tune and serve", "fine-tune, then serve it"));
        for (const double share : {0.1, 0.3, 0.5, 0.7, 0.9, 0.99}) {
            const auto limit = rlim_t(double(good.size()) * share);
            const Run run =
                runCliTo(withCatalog({QStringLiteral("report"), longer, QStringLiteral("-o"), pdf}),
                         {}, limit);
            QVERIFY2(run.exitCode == 1, qPrintable(QStringLiteral("cut at %1 bytes: exit %2: %3")
                                                       .arg(limit)
                                                       .arg(run.exitCode)
                                                       .arg(QString::fromUtf8(run.err))));
            QVERIFY2(run.err.contains("report.pdf: cannot write"), run.err.constData());
            QCOMPARE(test::readFile(pdf), good);
        }
    }

    // `> /dev/full`: the output is lost, so the command fails and says so.
    void outputToAFullStdoutFails_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("evaluate") << QStringList{QStringLiteral("evaluate"),
                                                 QStringLiteral("SCENARIO")};
        QTest::newRow("evaluate as a table")
            << QStringList{QStringLiteral("evaluate"), QStringLiteral("SCENARIO"),
                           QStringLiteral("--format"), QStringLiteral("table")};
        QTest::newRow("catalog list")
            << QStringList{QStringLiteral("catalog"), QStringLiteral("list")};
    }
    void outputToAFullStdoutFails() {
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("this system has no /dev/full");
        QFETCH(QStringList, args);
        args.replaceInStrings(QStringLiteral("SCENARIO"), scenario_);
        const Run run = runCliTo(withCatalog(args), QStringLiteral("/dev/full"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("cannot write the output"), run.err.constData());
    }

    // A device never ends (reading /dev/zero ran out of memory) and a pipe without a writer
    // blocks the reader forever: neither is read. Symbolic links are followed to judge.
    void devicesAndPipesAreNotReadAsFiles_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("message");
        const QString device = QStringLiteral("is a device, not a file");
        const QString pipe = QStringLiteral("is a named pipe (FIFO), not a file");
        const QString import = QStringLiteral("import");
        const QString validate = QStringLiteral("validate");
        QTest::newRow("import of /dev/zero as CSV")
            << QStringList{QStringLiteral("catalog"), import} << QStringLiteral("zero.csv")
            << device;
        QTest::newRow("validate of /dev/zero as JSON")
            << QStringList{QStringLiteral("catalog"), validate} << QStringLiteral("zero.json")
            << device;
        QTest::newRow("import of a pipe")
            << QStringList{QStringLiteral("catalog"), import} << QStringLiteral("fifo.csv") << pipe;
        QTest::newRow("validate of a pipe") << QStringList{QStringLiteral("catalog"), validate}
                                            << QStringLiteral("fifo.json") << pipe;
        QTest::newRow("evaluate of a pipe")
            << QStringList{QStringLiteral("evaluate")} << QStringLiteral("fifo.json") << pipe;
    }
    void devicesAndPipesAreNotReadAsFiles() {
        QFETCH(QStringList, args);
        QFETCH(QString, input);
        QFETCH(QString, message);
        const QString path = dir_.filePath(input);
        if (!QFileInfo::exists(path) && !QFileInfo(path).isSymLink()) {
            if (input.startsWith(QLatin1String("zero")))
                QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path));
            else
                QVERIFY(makeFifo(path));
        }
        const QByteArray before = test::readFile(catalog_);
        const Run run = runCliTo(withCatalog(args << path), {});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains((path + QStringLiteral(": ") + message).toUtf8()),
                 run.err.constData());
        QCOMPARE(test::readFile(catalog_), before);
    }
};

QTEST_GUILESS_MAIN(TestSpecialFiles)
#include "test_special_files.moc"
