// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: a catalog file as SQLite stores it (data/catalog/catalog_store.h), what
// `--catalog DB` and the app's own catalog go through, damaged at the level of SQLite's pages:
// b-tree pages copied over others, cut short, headers and cells rewritten. Beyond not crashing
// or hanging: the file is opened or refused, never both or neither; every message names the
// file; a refusal that says the file was not changed leaves it byte for byte as it was; and
// whatever opens can be checked and loaded (or says why not) and validated.

#include "fuzz_target.h"

#include "catalog/catalog_store.h"
#include "hardware/validation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstring>
#include <random>

using namespace accelplan;
using namespace accelplan::data;

#ifdef ACCELPLAN_FUZZ
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t *data, std::size_t size, std::size_t maxSize);

namespace {

// SQLite's page size from the file header (offset 16, big-endian; 1 means 65536).
std::size_t pageSizeOf(const std::uint8_t *data, std::size_t size) {
    if (size < 100)
        return 512;
    const std::size_t raw = (std::size_t{data[16]} << 8) | data[17];
    const std::size_t page = raw == 1 ? 65536 : raw;
    return page >= 512 && (page & (page - 1)) == 0 ? page : 512;
}

} // namespace

// Mutates whole pages most of the time, so that the file stays SQLite enough to reach the
// b-tree and record decoding, and the catalog code on top of it.
extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t *data, std::size_t size,
                                               std::size_t maxSize, unsigned int seed) {
    std::minstd_rand random(seed);
    const std::size_t page = pageSizeOf(data, size);
    const std::size_t pages = size / page;
    if (pages < 2 || random() % 8 == 0)
        return LLVMFuzzerMutate(data, size, maxSize);
    const auto anyPage = [&] { return static_cast<std::size_t>(random() % pages); };
    switch (random() % 6) {
    case 0: { // bytes inside one page, the page keeping its size
        std::uint8_t *p = data + anyPage() * page;
        const std::size_t n = LLVMFuzzerMutate(p, page, page);
        std::fill(p + n, p + page, std::uint8_t{0});
        return size;
    }
    case 1: // one page over another
        std::memcpy(data + anyPage() * page, data + anyPage() * page, page);
        return size;
    case 2: { // two pages swapped
        const std::size_t a = anyPage(), b = anyPage();
        std::swap_ranges(data + a * page, data + (a + 1) * page, data + b * page);
        return size;
    }
    case 3: // cut short at a page boundary
        return (1 + random() % (pages - 1)) * page;
    case 4: // a page appended
        if ((pages + 1) * page <= maxSize) {
            std::memcpy(data + pages * page, data + anyPage() * page, page);
            return (pages + 1) * page;
        }
        return size;
    default: { // a b-tree page header: its type, freeblock, cell count, content start
        const std::size_t p = anyPage();
        const std::size_t header = p * page + (p == 0 ? 100 : 0);
        data[header + random() % 8] = static_cast<std::uint8_t>(random());
        return size;
    }
    }
}
#endif

namespace {

QByteArray contentOf(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// One folder for the run; each input starts from an empty one (no -wal, -shm or backups left).
QString freshCatalogPath() {
    static QTemporaryDir *folder = new QTemporaryDir;
    QDir dir(folder->path());
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden))
        dir.remove(name);
    return dir.filePath(QStringLiteral("fuzz.sqlite"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static int argc = 1;
    static char name[] = "fuzz_catalog_db";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *application = new QCoreApplication(argc, argv);
    (void)application;

    const QString path = freshCatalogPath();
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    {
        QFile file(path);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly) && file.write(input) == input.size());
    }
    const QString where = QDir::toNativeSeparators(path);

    QString error;
    std::unique_ptr<CatalogStore> store = CatalogStore::open(path, &error);
    FUZZ_CHECK((store == nullptr) != error.isEmpty());
    if (!store) {
        FUZZ_CHECK(error.startsWith(where + QStringLiteral(": ")));
        if (error.contains(QStringLiteral("not changed")) ||
            error.contains(QStringLiteral("not read or changed")))
            FUZZ_CHECK(contentOf(path) == input);
        return 0;
    }
    for (const QString &damage : store->checkIntegrity())
        FUZZ_CHECK(damage.startsWith(where));
    error.clear();
    const std::optional<Catalog> catalog = store->load(&error);
    if (!catalog) {
        FUZZ_CHECK(error.startsWith(where + QStringLiteral(": ")));
        return 0;
    }
    for (const ValidationProblem &problem : validateCatalog(*catalog))
        FUZZ_CHECK(!problem.describe().empty());
    return 0;
}
