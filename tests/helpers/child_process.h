// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// For tests of what happens to files when a program dies, lacks permissions or runs out of
// disk: the test executable runs parts of itself as a child process ("--child NAME ARGS..."),
// which the test can kill at any moment, run as an unprivileged user, or limit.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtTest>

#include <csignal>
#include <cstring>
#include <grp.h>
#include <sys/resource.h>
#include <unistd.h>

namespace accelplan::test {

// The user that permission tests act as when they run as root (whom permissions do not stop).
inline constexpr uid_t kUnprivilegedId = 65534; // nobody / nogroup on Debian

// In a child: drops root's privileges so that file permissions apply. Returns false when that
// fails. A no-op for an ordinary user, whom permissions already stop.
inline bool actAsUnprivilegedUser() {
    if (geteuid() != 0)
        return true;
    return setgroups(0, nullptr) == 0 && setgid(kUnprivilegedId) == 0 &&
           setuid(kUnprivilegedId) == 0;
}

// Lets an unprivileged child reach `dir` (QTemporaryDir makes its folders private).
inline void openToEveryone(const QString &dir, bool writable) {
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                   QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                   QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                   QFileDevice::ExeOther |
                                   (writable ? QFileDevice::WriteGroup | QFileDevice::WriteOther
                                             : QFileDevice::Permissions()));
}

// Files larger than `bytes` cannot be written by this process from now on: a write past the
// limit fails (EFBIG) as on a full disk, and the signal that would kill the process is ignored.
// Pipes (the test log) are not files and are not limited. Undone by the destructor.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &saved_);
        previousHandler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = saved_;
        limit.rlim_cur = bytes;
        active_ = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previousHandler_);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    bool isActive() const { return active_; }

private:
    rlimit saved_{};
    void (*previousHandler_)(int) = SIG_DFL;
    bool active_ = false;
};

// Starts this test executable as "--child NAME ARGS...".
inline void startChild(QProcess &process, const QString &name, const QStringList &args) {
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QCoreApplication::applicationFilePath(),
                  QStringList{QStringLiteral("--child"), name} + args);
}

struct ChildRun {
    int exitCode = -1; // -1: crashed or did not finish in time
    QByteArray out;
    QByteArray err;
};

// Runs a child to its end.
inline ChildRun runChild(const QString &name, const QStringList &args, int timeoutMs = 60000) {
    QProcess p;
    startChild(p, name, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace accelplan::test

// A test main whose executable also serves as its own child process: "--child NAME ARGS..."
// calls `childMain(NAME, ARGS)` (with a QCoreApplication) instead of running the tests.
#define ACCELPLAN_TEST_MAIN_WITH_CHILD(TestClass, childMain)                                       \
    int main(int argc, char *argv[]) {                                                             \
        QCoreApplication app(argc, argv);                                                          \
        if (argc >= 3 && std::strcmp(argv[1], "--child") == 0) {                                   \
            const QStringList args = QCoreApplication::arguments().mid(3);                         \
            return childMain(QString::fromLocal8Bit(argv[2]), args);                               \
        }                                                                                          \
        TestClass test;                                                                            \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
