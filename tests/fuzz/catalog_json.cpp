// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the catalog document reader (data/io/catalog_json.h), what `catalog import
// FILE.json` and the shipped seed go through. Beyond not crashing: a catalog or problems, never
// both or neither; every problem names the file; the catalog rules (validation.h) run on
// whatever was read without crashing; and a catalog it accepts is written and read back as the
// very same catalog.

#include "fuzz_target.h"

#include "hardware/validation.h"
#include "io/catalog_json.h"

#include <QByteArray>
#include <QString>

#include <cstdio>

#ifdef ACCELPLAN_FUZZ_JSON_MUTATOR
#include "json_mutator.h"

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t *data, std::size_t size,
                                               std::size_t maxSize, unsigned int seed) {
    return accelplan::fuzz::mutateJson(data, size, maxSize, seed);
}
#endif

using namespace accelplan;
using namespace accelplan::data;

namespace {

const QString kFile = QStringLiteral("fuzz.json");

bool sameCatalog(const Catalog &a, const Catalog &b) {
    return a.dataVersion == b.dataVersion && a.chips == b.chips && a.offerings == b.offerings;
}

void checkRoundTrip(const Catalog &catalog) {
    const QByteArray written = writeCatalogJson(catalog);
    const CatalogReadResult back = readCatalogJson(written, kFile);
    if (!back.catalog)
        std::fprintf(stderr, "the written catalog does not read back:\n%s\n%s\n",
                     written.constData(), qPrintable(back.problems.join(u'\n')));
    FUZZ_CHECK(back.catalog.has_value());
    if (!sameCatalog(*back.catalog, catalog))
        std::fprintf(stderr, "this catalog reads back different:\n%s\n", written.constData());
    FUZZ_CHECK(sameCatalog(*back.catalog, catalog));
    FUZZ_CHECK(writeCatalogJson(*back.catalog) == written);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const CatalogReadResult r = readCatalogJson(bytes, kFile);
    FUZZ_CHECK(r.catalog.has_value() == r.problems.isEmpty());
    for (const QString &problem : r.problems)
        FUZZ_CHECK(problem.startsWith(kFile + QStringLiteral(": ")) && problem.size() > 12);
    if (r.catalog) {
        for (const ValidationProblem &p : validateCatalog(*r.catalog))
            FUZZ_CHECK(!p.describe().empty());
        checkRoundTrip(*r.catalog);
    }
    return 0;
}
