// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/server_catalog.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

namespace accelplan::data::server {
namespace {

constexpr int kConnectTimeoutSeconds = 5;

// libpq's query parameters that Qt's driver takes as connect options, passed on as they are.
const QStringList kPassedOptions{QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),
                                 QStringLiteral("application_name"),
                                 QStringLiteral("connect_timeout")};

} // namespace

bool isServerLocation(const QString &location) {
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

QString shownLocation(const QString &location) {
    QUrl url(location);
    if (!url.isValid()) {
        // Cut by hand what looks like a password: "scheme://user:secret@host" and
        // "password=secret", even in an address that does not parse.
        QString shown = location;
        shown.replace(QRegularExpression(QStringLiteral("^([a-zA-Z]+://[^:/@]*):[^@]*@")),
                      QStringLiteral("\\1@"));
        shown.replace(QRegularExpression(QStringLiteral("password=[^&]*")),
                      QStringLiteral("password=..."));
        return shown;
    }
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("password"));
    url.setQuery(query);
    return url.toString(QUrl::RemovePassword);
}

bool connect(const QString &name, const QString &location, int busyTimeoutMs, QString *error) {
    const QUrl url(location);
    const QString database = url.path().mid(1);
    if (!url.isValid() || database.isEmpty()) {
        *error = QStringLiteral("not a catalog server address: expected "
                                "postgresql://user@host/database");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (!db.isValid()) {
        *error = QStringLiteral("this AccelPlan cannot reach PostgreSQL: Qt's QPSQL driver is not "
                                "installed (Debian: libqt6sql6-psql)");
        return false;
    }
    const QUrlQuery query(url);
    db.setDatabaseName(database);
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setHostName(query.hasQueryItem(QStringLiteral("host"))
                       ? query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded)
                       : url.host());
    if (url.port() > 0)
        db.setPort(url.port());
    QStringList options{QStringLiteral("connect_timeout=%1").arg(kConnectTimeoutSeconds)};
    for (const QString &key : kPassedOptions)
        if (query.hasQueryItem(key) && key != QLatin1String("connect_timeout"))
            options << key + u'=' + query.queryItemValue(key);
    db.setConnectOptions(options.join(u';'));
    if (!db.open()) {
        *error = describeError(db.lastError());
        return false;
    }
    // A write waits this long for another member's to finish, then gives up in words.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SET lock_timeout = %1").arg(busyTimeoutMs))) {
        *error = describeError(q.lastError());
        return false;
    }
    return true;
}

bool isServer(const QSqlDatabase &db) { return db.driverName() == QLatin1String("QPSQL"); }

bool canWrite(QSqlDatabase &db) {
    QSqlQuery q(db);
    // Every right a write needs, each asked on its own (a list asks for any one of them).
    QStringList rights;
    for (const char *table :
         {"chips", "chip_sources", "offerings", "catalog_meta", "shared_scenarios"})
        for (const char *right : {"INSERT", "UPDATE", "DELETE"})
            rights << QStringLiteral("has_table_privilege('%1', '%2')")
                          .arg(QLatin1String(table), QLatin1String(right));
    return q.exec(QStringLiteral("SELECT ") + rights.join(QStringLiteral(" AND "))) && q.next() &&
           q.value(0).toBool();
}

QString roleOf(QSqlDatabase &db) {
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT current_user")) && q.next() ? q.value(0).toString()
                                                                     : QString();
}

bool isSqlState(const QString &code) { return code.size() == 5; }

QString describeError(const QSqlError &error) {
    const QString code = error.nativeErrorCode();
    const QString text = error.databaseText().trimmed().isEmpty() ? error.text().trimmed()
                                                                  : error.databaseText().trimmed();
    if (code == QLatin1String("42501"))
        return QStringLiteral("your role may only read this team catalog (%1); ask its owner "
                              "to grant you editing")
            .arg(text);
    if (code == QLatin1String("55P03"))
        return QStringLiteral("another member is writing the catalog (%1); try again when they "
                              "are done")
            .arg(text);
    if (code == QLatin1String("28P01") || code == QLatin1String("28000"))
        return QStringLiteral("the server refused the login (%1)").arg(text);
    if (code == QLatin1String("3D000"))
        return QStringLiteral("the database does not exist on the server (%1)").arg(text);
    if (code.startsWith(QLatin1String("08")) || error.type() == QSqlError::ConnectionError)
        return QStringLiteral("cannot reach the catalog server (%1)").arg(text);
    return text;
}

} // namespace accelplan::data::server
