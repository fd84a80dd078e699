// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/read_file.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace accelplan::data {
namespace {

QString systemError(int error) { return QString::fromLocal8Bit(std::strerror(error)); }

// Why a file of this kind is not read; empty for a regular file.
QString refusal(mode_t mode) {
    if (S_ISREG(mode))
        return {};
    if (S_ISDIR(mode))
        return QStringLiteral("is a folder, not a file");
    const QString what = S_ISFIFO(mode)   ? QStringLiteral("a named pipe (FIFO)")
                         : S_ISSOCK(mode) ? QStringLiteral("a socket")
                                          : QStringLiteral("a device");
    return QStringLiteral("is %1, not a file; save the document to a file and give that").arg(what);
}

} // namespace

std::optional<QByteArray> readRegularFile(const QString &path, qint64 limit, QString *problem) {
    const QByteArray name = QFile::encodeName(path);
    struct stat info {};
    if (::stat(name.constData(), &info) != 0) {
        *problem = errno == ENOENT ? QStringLiteral("no such file")
                                   : QStringLiteral("cannot be read: ") + systemError(errno);
        return std::nullopt;
    }
    // Judged before opening: opening a device can have effects of its own.
    if (const QString no = refusal(info.st_mode); !no.isEmpty()) {
        *problem = no;
        return std::nullopt;
    }
    // Without blocking, and judged again once open: the name may meanwhile lead to a pipe.
    const int fd = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *problem = QStringLiteral("cannot be read: ") + systemError(errno);
        return std::nullopt;
    }
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        *problem = QStringLiteral("cannot be read: ") + file.errorString();
        return std::nullopt;
    }
    if (::fstat(fd, &info) != 0 || !refusal(info.st_mode).isEmpty()) {
        *problem = QStringLiteral("cannot be read: it changed into another kind of file");
        return std::nullopt;
    }
    constexpr qint64 kChunk = 1 << 20;
    QByteArray bytes;
    while (bytes.size() <= limit) {
        const QByteArray chunk = file.read(std::min(kChunk, limit + 1 - qint64(bytes.size())));
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (file.error() != QFileDevice::NoError) {
        *problem = QStringLiteral("cannot be read: ") + file.errorString();
        return std::nullopt;
    }
    return bytes;
}

} // namespace accelplan::data
