// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog_store.h"

#include "catalog/server_catalog.h"
#include "catalog/sqlite_file.h"
#include "catalog/write_transaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <pwd.h>
#include <unistd.h>

namespace accelplan::data {
namespace {

constexpr int kMaxName = 200; // the column's width

QString userName(QSqlDatabase &db) {
    if (server::isServer(db))
        return server::roleOf(db);
    if (const QString user = qEnvironmentVariable("USER"); !user.isEmpty())
        return user;
    // Without a login shell's environment (a service, a test): the account running us.
    const passwd *account = getpwuid(geteuid());
    return account ? QString::fromLocal8Bit(account->pw_name) : QStringLiteral("unknown");
}

} // namespace

bool CatalogStore::saveScenario(const QString &name, const QByteArray &body, QString *error) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxName) {
        *error = located(
            QStringLiteral("a shared scenario needs a name of 1 to %1 characters").arg(kMaxName));
        return false;
    }
    if (!checkWritable(error))
        return false;
    QSqlDatabase db = database();
    WriteTransaction transaction(db);
    QString why;
    QSqlQuery remove(db), insert(db);
    remove.prepare(QStringLiteral("DELETE FROM shared_scenarios WHERE name = ?"));
    remove.addBindValue(trimmed);
    insert.prepare(QStringLiteral("INSERT INTO shared_scenarios (name, body, saved_by, saved_at)"
                                  " VALUES (?, ?, ?, ?)"));
    insert.addBindValue(trimmed);
    insert.addBindValue(QString::fromUtf8(body));
    insert.addBindValue(userName(db));
    insert.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    bool ok = transaction.begin(&why);
    if (ok && !(remove.exec() && insert.exec())) {
        why = sqlite::describeError(insert.lastError().isValid() ? insert.lastError()
                                                                 : remove.lastError());
        ok = false;
    }
    ok = ok && transaction.commit(&why);
    if (!ok)
        *error = located(QStringLiteral("cannot save the scenario '%1': %2").arg(trimmed, why));
    return ok;
}

std::optional<std::vector<CatalogStore::SharedScenario>>
CatalogStore::scenarios(QString *error) const {
    QSqlDatabase db = database();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name, saved_by, saved_at FROM shared_scenarios"
                               " ORDER BY name"))) {
        *error = located(sqlite::describeError(q.lastError()));
        return std::nullopt;
    }
    std::vector<SharedScenario> out;
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), {}});
    return out;
}

std::optional<CatalogStore::SharedScenario> CatalogStore::scenario(const QString &name,
                                                                   QString *error) const {
    QSqlDatabase db = database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT name, saved_by, saved_at, body FROM shared_scenarios"
                             " WHERE name = ?"));
    q.addBindValue(name.trimmed());
    if (!q.exec()) {
        *error = located(sqlite::describeError(q.lastError()));
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return SharedScenario{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toString().toUtf8()};
}

} // namespace accelplan::data
