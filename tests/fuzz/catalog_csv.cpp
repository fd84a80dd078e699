// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the catalog CSV reader (data/io/catalog_csv.h, under it data/io/csv.h), what
// `catalog import FILE.csv` goes through. Beyond not crashing: a catalog or errors, never both
// or neither; every error names the file and a line; the catalog rules run on whatever was read,
// and each of their problems can be located in the file; and a catalog it accepts is written
// and read back as the very same catalog, in the very same bytes.

#include "fuzz_target.h"

#include "hardware/validation.h"
#include "io/catalog_csv.h"

#include <QByteArray>
#include <QString>

#include <cstdio>

using namespace accelplan;
using namespace accelplan::data;

namespace {

const QString kFile = QStringLiteral("fuzz.csv");

bool sameCatalog(const Catalog &a, const Catalog &b) {
    return a.dataVersion == b.dataVersion && a.chips == b.chips && a.offerings == b.offerings;
}

void checkRoundTrip(const Catalog &catalog) {
    const QByteArray written = writeCatalogCsv(catalog);
    const CatalogCsvRead back = readCatalogCsv(written, kFile);
    if (!back.catalog)
        std::fprintf(stderr, "the written catalog does not read back:\n%s\n%s\n",
                     written.constData(), qPrintable(toString(back.errors)));
    FUZZ_CHECK(back.catalog.has_value());
    if (!sameCatalog(*back.catalog, catalog))
        std::fprintf(stderr, "this catalog reads back different:\n%s\n", written.constData());
    FUZZ_CHECK(sameCatalog(*back.catalog, catalog));
    FUZZ_CHECK(writeCatalogCsv(*back.catalog) == written);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const CatalogCsvRead r = readCatalogCsv(bytes, kFile);
    FUZZ_CHECK(r.catalog.has_value() == r.errors.isEmpty());
    for (const IoError &e : r.errors) {
        FUZZ_CHECK(e.file == kFile);
        FUZZ_CHECK(!e.reason.isEmpty());
    }
    if (r.catalog) {
        FUZZ_CHECK(r.locations.chips.size() == r.catalog->chips.size());
        FUZZ_CHECK(r.locations.offerings.size() == r.catalog->offerings.size());
        for (const ValidationProblem &p : validateCatalog(*r.catalog)) {
            const QString located = describeAtCsvLocation(kFile, r.locations, p);
            FUZZ_CHECK(located.startsWith(kFile + QStringLiteral(":")));
        }
        checkRoundTrip(*r.catalog);
    }
    return 0;
}
