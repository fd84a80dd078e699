// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/save_file.h"

#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace accelplan::data {
namespace {

QString systemError(int error) { return QString::fromLocal8Bit(std::strerror(error)); }

bool isWrittenInPlace(mode_t mode) { return S_ISCHR(mode) || S_ISFIFO(mode); }

// Writes to a character device or a pipe as it is. Opened without blocking, so that a pipe
// nobody reads is an error instead of a wait without end (the app's window would freeze).
bool writeInPlace(const QString &path, const QByteArray &bytes, QString *reason) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *reason = errno == ENXIO ? QStringLiteral("no program is reading from this pipe")
                                 : systemError(errno);
        return false;
    }
    struct stat opened {};
    bool ok = ::fstat(fd, &opened) == 0 && isWrittenInPlace(opened.st_mode);
    if (!ok)
        *reason = QStringLiteral("the file changed into another kind of file while it was opened");
    // Once open, a slow reader is waited for like any other.
    if (ok && ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
        *reason = systemError(errno);
        ok = false;
    }
    for (qsizetype done = 0; ok && done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.constData() + done, std::size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *reason = n < 0 ? systemError(errno) : QStringLiteral("nothing could be written");
            ok = false;
            break;
        }
        done += n;
    }
    if (::close(fd) != 0 && ok) {
        *reason = systemError(errno);
        ok = false;
    }
    return ok;
}

} // namespace

bool commitWhole(QSaveFile &file, QString *reason) {
    if (!file.flush()) {
        *reason = file.errorString();
        file.cancelWriting();
        file.commit(); // with writing cancelled, this only removes the temporary file
        return false;
    }
    if (!file.commit()) {
        *reason = file.errorString();
        return false;
    }
    return true;
}

bool writeFileWhole(const QString &path, const QByteArray &bytes, QString *reason) {
    struct stat target {};
    if (::stat(QFile::encodeName(path).constData(), &target) == 0 && !S_ISREG(target.st_mode)) {
        if (isWrittenInPlace(target.st_mode))
            return writeInPlace(path, bytes, reason);
        *reason = S_ISDIR(target.st_mode)
                      ? QStringLiteral("is a folder")
                      : QStringLiteral("is neither a regular file nor a device or pipe to write "
                                       "to; it was left as it is");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *reason = file.errorString();
        return false;
    }
    // A short write (the disk filled up during it) sets no error of its own.
    if (const qint64 written = file.write(bytes); written != bytes.size()) {
        *reason = file.error() != QFileDevice::NoError
                      ? file.errorString()
                      : QStringLiteral("only %1 of %2 bytes could be written (is the disk full?)")
                            .arg(std::max<qint64>(written, 0))
                            .arg(bytes.size());
        return false;
    }
    return commitWhole(file, reason);
}

} // namespace accelplan::data
