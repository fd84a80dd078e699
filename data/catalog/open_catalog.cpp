// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog_store.h"

#include "catalog/server_catalog.h"

#include "hardware/validation.h"
#include "io/catalog_file.h"
#include "io/catalog_json.h"
#include "support/paths.h"
#include "support/qt_text.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace accelplan::data {
namespace {

// The shipped seed, read and checked; a broken seed is a packaging fault, named as such.
std::optional<Catalog> readSeed(QString *error) {
    const QString path = shippedSeedPath();
    if (path.isEmpty()) {
        *error = QStringLiteral("the shipped catalog seed was not found (no share/accelplan folder "
                                "beside the program, and ACCELPLAN_DATA_DIR is not set)");
        return std::nullopt;
    }
    CatalogReadResult read = readCatalogJsonFile(path);
    if (!read.catalog) {
        *error = QStringLiteral("the shipped catalog seed is damaged: %1")
                     .arg(read.problems.join(u'\n'));
        return std::nullopt;
    }
    const auto problems = validateCatalog(*read.catalog);
    if (!problems.empty()) {
        *error = QStringLiteral("the shipped catalog seed %1 breaks a rule: %2")
                     .arg(QDir::toNativeSeparators(path), qs(problems.front().describe()));
        return std::nullopt;
    }
    return std::move(read.catalog);
}

// A shipped seed newer than the catalog is merged in. Not being able to (no seed, a damaged
// seed, the file locked) leaves the catalog as it is, usable; the result says why.
void mergeNewerSeed(OpenedCatalog &opened) {
    if (shippedSeedPath().isEmpty())
        return;
    QString error;
    const std::optional<Catalog> seed = readSeed(&error);
    if (!seed) {
        opened.seedMerge = CatalogStore::SeedMergeResult{};
        opened.seedMerge->error = error;
        return;
    }
    const QString seedVersion = qs(seed->dataVersion);
    if (compareDataVersions(seedVersion, opened.store->dataVersion()) > 0)
        opened.seedMerge = opened.store->mergeSeed(*seed);
}

} // namespace

QString userCatalogPath() {
    return QDir(userDataDir()).absoluteFilePath(QStringLiteral("catalog.sqlite"));
}

QString shippedSeedPath() {
    const QString dir = shippedDataDir();
    if (dir.isEmpty())
        return {};
    const QString path = QDir(dir).absoluteFilePath(QStringLiteral("catalog/seed.json"));
    return QFileInfo::exists(path) ? path : QString();
}

OpenedCatalog openCatalog(const QString &catalogPath) {
    OpenedCatalog result;
    if (server::isServerLocation(catalogPath)) {
        result.store = CatalogStore::openServer(catalogPath, readSeed, &result.error);
        if (result.store && !result.store->isReadOnly())
            mergeNewerSeed(result);
        return result;
    }
    const QString path = catalogPath.isEmpty() ? userCatalogPath() : catalogPath;
    if (!QFileInfo::exists(path)) {
        const std::optional<Catalog> seed = readSeed(&result.error);
        if (!seed)
            return result;
        result.store = CatalogStore::create(path, *seed, &result.error);
        return result;
    }
    result.store = CatalogStore::open(path, &result.error);
    if (result.store && !result.store->isReadOnly())
        mergeNewerSeed(result);
    return result;
}

ReplacedCatalog replaceWithShipped(const QString &catalogPath) {
    ReplacedCatalog result;
    if (server::isServerLocation(catalogPath)) {
        result.opened.error = QStringLiteral("%1: a team catalog is not replaced from here; its "
                                             "server's administrator restores it")
                                  .arg(server::shownLocation(catalogPath));
        return result;
    }
    const QString path = catalogPath.isEmpty() ? userCatalogPath() : catalogPath;
    const std::optional<Catalog> seed = readSeed(&result.opened.error);
    if (!seed)
        return result; // without a seed to start from, the old file stays where it is
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = QStringLiteral("%1.set-aside-%2").arg(path, stamp);
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = QStringLiteral("%1.set-aside-%2-%3").arg(path, stamp).arg(n);
    if (QFileInfo::exists(path) && !QFile::rename(path, aside)) {
        result.opened.error =
            QStringLiteral("%1: cannot move the file aside to %2; nothing was "
                           "changed")
                .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(aside));
        return result;
    }
    // The log and shared-memory files belong to the old file: they go along with it.
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        if (QFileInfo::exists(path + suffix))
            QFile::rename(path + suffix, aside + suffix);
    result.setAsidePath = aside;
    result.opened.store = CatalogStore::create(path, *seed, &result.opened.error);
    return result;
}

QString catalogDataVersion(const QString &catalogPath, QString *error) {
    if (server::isServerLocation(catalogPath)) {
        const std::unique_ptr<CatalogStore> store =
            CatalogStore::openServer(catalogPath, readSeed, error);
        return store ? store->dataVersion() : QString();
    }
    const QString path = catalogPath.isEmpty() ? userCatalogPath() : catalogPath;
    if (!QFileInfo::exists(path)) {
        const std::optional<Catalog> seed = readSeed(error);
        return seed ? qs(seed->dataVersion) : QString();
    }
    const std::unique_ptr<CatalogStore> store = CatalogStore::open(path, error);
    return store ? store->dataVersion() : QString();
}

std::optional<Catalog> loadCatalog(const QString &catalogPath, QString *error) {
    OpenedCatalog opened = openCatalog(catalogPath);
    if (!opened.store) {
        *error = opened.error;
        return std::nullopt;
    }
    std::optional<Catalog> catalog = opened.store->load(error);
    if (!catalog)
        return std::nullopt;
    // The evaluation takes the values as they are: a memory of -1 B, or a peak rate stored as
    // text (read as 0), gave results without a word of warning.
    const std::vector<ValidationProblem> problems = validateCatalog(*catalog);
    if (problems.empty())
        return catalog;
    constexpr std::size_t kMaxShown = 10;
    const QString file = QDir::toNativeSeparators(opened.store->path());
    QStringList lines;
    for (std::size_t i = 0; i < std::min(problems.size(), kMaxShown); ++i)
        lines << describeAtJsonPath(file, problems[i]);
    lines << QStringLiteral("%1: %2 in the catalog; nothing was evaluated (fix them in the catalog "
                            "editor; `accelplan-cli catalog validate` lists them all)")
                 .arg(file, problems.size() == 1
                                ? QStringLiteral("1 problem")
                                : QStringLiteral("%1 problems").arg(problems.size()));
    *error = lines.join(u'\n');
    return std::nullopt;
}

} // namespace accelplan::data
