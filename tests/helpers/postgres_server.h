// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A PostgreSQL server of the test's own, from Debian's `postgresql` package: initdb in a
// temporary folder, listening on a Unix socket in it only (no TCP port), trusting local logins,
// stopped and removed with the object. PostgreSQL refuses to run as root: under root (as in
// CI) it runs as the `postgres` user the package creates.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <pwd.h>
#include <unistd.h>

namespace accelplan::test {

class PostgresServer {
public:
    // The administrator role, which owns every database made here.
    static constexpr const char *kAdmin = "accelplan_admin";

    PostgresServer() {
        // The newest server installed ("15" after "9.6": by number, not by name).
        int newest = 0;
        for (const QString &version : QDir(QStringLiteral("/usr/lib/postgresql"))
                                          .entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            if (QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/%1/bin/initdb").arg(version)))
                newest = std::max(newest, version.section(u'.', 0, 0).toInt());
        if (newest == 0) {
            error_ = QStringLiteral("PostgreSQL is not installed (Debian: postgresql; "
                                    "`scripts/dev deps` installs it)");
            return;
        }
        bin_ = QStringLiteral("/usr/lib/postgresql/%1/bin/").arg(newest);
        if (!dir_.isValid()) {
            error_ = QStringLiteral("no temporary folder");
            return;
        }
        if (geteuid() == 0) {
            const passwd *pg = getpwnam("postgres");
            if (!pg ||
                chown(QFile::encodeName(dir_.path()).constData(), pg->pw_uid, pg->pw_gid) != 0) {
                error_ = QStringLiteral("cannot hand the server's folder to the postgres user");
                return;
            }
            asPostgres_ = true;
        }
        // No fsync: a test's data need not survive a power cut, and it makes start-up fast.
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QLatin1String(kAdmin),
                  QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                  QStringLiteral("--no-sync")}))
            return;
        initialised_ = true;
        if (!run(QStringLiteral("pg_ctl"),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-w"), QStringLiteral("-l"),
                  dir_.filePath(QStringLiteral("server.log")), QStringLiteral("-o"),
                  QStringLiteral("-k %1 -c listen_addresses='' -c fsync=off "
                                 "-c full_page_writes=off -c max_connections=40")
                      .arg(dir_.path()),
                  QStringLiteral("start")}))
            return;
        running_ = true;
    }

    ~PostgresServer() {
        // Also after a start that timed out: the server may be up without having said so.
        if (initialised_)
            run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"),
                                           QStringLiteral("immediate"), QStringLiteral("stop")});
    }

    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    bool isRunning() const { return running_; }
    const QString &error() const { return error_; }

    // postgresql://ROLE@/DATABASE?host=<socket folder>
    QString location(const QString &role, const QString &database) const {
        return QStringLiteral("postgresql://%1@/%2?host=%3").arg(role, database, dir_.path());
    }

    // Runs `sql` as the administrator in `database`; empty on success, else the error.
    QString sql(const QString &database, const QString &statement) const {
        const QString name = QStringLiteral("accelplan-test-admin");
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(dir_.path());
            db.setUserName(QLatin1String(kAdmin));
            db.setDatabaseName(database);
            if (!db.open()) {
                error = db.lastError().text();
            } else {
                QSqlQuery q(db);
                if (!q.exec(statement))
                    error = q.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return error;
    }

    // A new, empty database owned by the administrator.
    QString createDatabase(const QString &database) const {
        return sql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(database));
    }

private:
    QString dataDir() const { return dir_.filePath(QStringLiteral("data")); }

    bool run(const QString &tool, const QStringList &arguments) {
        QProcess p;
        // The postgres user may not enter the test's own folder (a checkout under /root):
        // initdb and pg_ctl go back to where they were started.
        p.setWorkingDirectory(dir_.path());
        if (asPostgres_)
            p.start(QStringLiteral("runuser"),
                    QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                QStringLiteral("--"), bin_ + tool} +
                        arguments);
        else
            p.start(bin_ + tool, arguments);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            error_ = QStringLiteral("%1 failed: %2%3")
                         .arg(tool, QString::fromLocal8Bit(p.readAllStandardError()),
                              QString::fromLocal8Bit(p.readAllStandardOutput()));
            return false;
        }
        return true;
    }

    // Under /tmp with a short name: the socket's path must stay within 107 bytes.
    QTemporaryDir dir_{QStringLiteral("/tmp/accelplan-pg-XXXXXX")};
    QString bin_;
    QString error_;
    bool asPostgres_ = false;
    bool initialised_ = false;
    bool running_ = false;
};

} // namespace accelplan::test
