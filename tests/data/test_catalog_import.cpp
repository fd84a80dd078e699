// SPDX-License-Identifier: GPL-3.0-or-later
// CatalogStore::importCatalog(): merge or replace, all or nothing, provenance set against the
// shipped values, counts of what changed.

#include "catalog/catalog_store.h"
#include "helpers/test_env.h"
#include "io/catalog_file.h"
#include "io/catalog_json.h"
#include "test_catalog_support.h"

using namespace accelplan;
using Mode = data::CatalogStore::ImportMode;

namespace {

QString at(const ValidationProblem &p) { return data::describeAtJsonPath(QStringLiteral("f"), p); }

} // namespace

class TestCatalogImport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateUserFiles(); }

    // The 2026.12 keys in JSON: ranges as [low, high] arrays, roles as a list, a source's basis,
    // an offering's published currency; a mistake in one is located like any other; a document
    // without them reads as before (able to train and serve, prices in USD).
    void readsTheNewKeysAndFilesWithoutThem() {
        // Single quotes for readability; JSON wants double ones.
        const QByteArray doc =
            QByteArray(
                "{'format': 'accelplan.catalog/1', 'chips': [ "
                "{'id': 'a', 'vendor': 'V', 'name': 'A', 'kind': 'npu', 'class': 'edge', "
                "'roles': ['inference'], 'tdp_watts': 10, 'tdp_watts_range': [5, '12 W'], "
                "'price_usd_range': [100, 300], "
                "'sources': [{'field': 'price_usd', 'title': 'estimate: guess', 'basis': "
                "'estimate'}]}, "
                "{'id': 'b', 'vendor': 'V', 'name': 'B', 'kind': 'gpu', "
                "'sources': [{'url': 'https://example.org/b'}]}], "
                "'offerings': [{'chip': 'a', 'provider': 'p', 'instance': 'i', "
                "'chips_per_instance': 8, "
                "'usd_per_hour': {'on-demand': 5.58}, 'source': 'https://example.org/p', "
                "'currency': 'CNY', 'published_per_hour': 40, "
                "'usd_rate': 0.1395, 'usd_rate_date': '2025-07-01', 'max_instances': 1, "
                "'regions': ['jiangsu', 'cn'], 'scale_out_bandwidth_bytes_per_s': '200 Gb/s'}]}")
                .replace('\'', '"');
        const auto read = data::readCatalogJson(doc, QStringLiteral("f.json"));
        QVERIFY2(read.catalog, qPrintable(read.problems.join(u'\n')));
        const Chip &a = read.catalog->chips[0];
        QCOMPARE(a.chipClass, std::optional(ChipClass::edge));
        QVERIFY(!a.roles.training && a.roles.inference);
        QCOMPARE(a.tdpRange.high->value(), 12.0);
        QCOMPARE(a.priceRange.low->value(), 100.0);
        QCOMPARE(a.sources[0].basis, std::optional(Basis::estimate));
        const Chip &b = read.catalog->chips[1];
        QVERIFY(!b.chipClass && b.roles == Roles{} && !b.priceRange.low);
        const Offering &o = read.catalog->offerings[0];
        QCOMPARE(o.currency, std::string("CNY"));
        QCOMPARE(o.scaleOutBandwidth->value(), 25e9);
        QCOMPARE(o.regions.size(), std::size_t(2));
        QVERIFY(validateCatalog(*read.catalog).empty());
        // Written and read again: the same values, the ranges as arrays.
        const QByteArray written = data::writeCatalogJson(*read.catalog);
        QVERIFY(written.contains("\"price_usd_range\": [\n"));
        const auto again = data::readCatalogJson(written, QStringLiteral("g.json"));
        QVERIFY(again.catalog);
        QVERIFY(again.catalog->chips == read.catalog->chips);
        QVERIFY(again.catalog->offerings == read.catalog->offerings);

        QByteArray bad = doc;
        bad.replace("\"roles\": [\"inference\"]", "\"roles\": [\"serving\"]");
        bad.replace("\"tdp_watts_range\": [5, \"12 W\"]", "\"tdp_watts_range\": [5]");
        bad.replace("\"class\": \"edge\"", "\"class\": \"phone\"");
        const auto refused = data::readCatalogJson(bad, QStringLiteral("f.json"));
        QVERIFY(!refused.catalog);
        const QString all = refused.problems.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("f.json: chips[0].roles: must be")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("chips[0].tdp_watts_range: must be [low, high]")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("chips[0].class: 'phone' is not one of")),
                 qPrintable(all));
        // A rule broken by a range end points at the array element.
        Catalog inverted = *read.catalog;
        inverted.chips[0].priceRange = {units::dollars(300), units::dollars(100)};
        const auto problems = validateCatalog(inverted);
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY2(at(problems[0]).startsWith(QStringLiteral("f: chips[0].price_usd_range: low ")),
                 qPrintable(at(problems[0])));
    }

    // Catalog files are read strictly, as scenarios are: a key the format does not define is
    // refused with its path and the key it probably meant; "x-" keys are notes and pass.
    void unknownKeysAreRefusedWithTheKeyMeant() {
        const QByteArray doc =
            QByteArray(
                "{'format': 'accelplan.catalog/1', 'x-team': 'infra', 'chip': [], 'chips': [ "
                "{'id': 'a', 'vendor': 'V', 'name': 'A', 'kind': 'gpu', 'memroy_bytes': 8e10, "
                "'x-note': 'ours', 'scale_up': {'fabric': 'NVLink', 'domain_sise': 8}, "
                "'peak_flops': {'bf16': '989 TFLOP/s'}, "
                "'sources': [{'url': 'https://example.org', 'titel': 't'}]}], "
                "'offerings': [{'chip': 'a', 'provider': 'p', 'instance': 'i', "
                "'chips_per_instance': 8, 'usd_per_hour': {'on-demand': 5}, "
                "'region': 'eu', 'regoins': ['eu'], 'wholly_unrelated_name': 1}]}")
                .replace('\'', '"');
        const auto read = data::readCatalogJson(doc, QStringLiteral("f.json"));
        QVERIFY(!read.catalog);
        QCOMPARE(read.problems,
                 (QStringList{
                     QStringLiteral("f.json: chip: unknown key; did you mean chips?"),
                     QStringLiteral("f.json: chips[0].sources[0].titel: unknown key; did you mean "
                                    "title?"),
                     QStringLiteral("f.json: chips[0].memroy_bytes: unknown key; did you mean "
                                    "memory_bytes?"),
                     QStringLiteral("f.json: chips[0].scale_up.domain_sise: unknown key; did you "
                                    "mean scale_up.domain_size?"),
                     QStringLiteral("f.json: offerings[0].regoins: unknown key; did you mean "
                                    "regions?"),
                     QStringLiteral("f.json: offerings[0].wholly_unrelated_name: unknown key "
                                    "(keep notes under \"x-wholly_unrelated_name\")"),
                 }));
        // Mended, the same file reads, notes and all.
        QByteArray mended = doc;
        for (const auto &[from, to] :
             {std::pair{"\"chip\": [], ", ""},
              {"\"memroy_bytes\"", "\"memory_bytes\""},
              {"\"domain_sise\"", "\"domain_size\""},
              {"\"titel\"", "\"title\""},
              {"\"regoins\"", "\"regions\""},
              {"\"wholly_unrelated_name\"", "\"x-wholly_unrelated_name\""}})
            mended.replace(from, to);
        const auto again = data::readCatalogJson(mended, QStringLiteral("f.json"));
        QVERIFY2(again.catalog, qPrintable(again.problems.join(u'\n')));
        QCOMPARE(again.catalog->chips[0].scaleUp.domainSize, 8);
    }

    void importingTheCatalogItselfChangesNothing() {
        QTemporaryDir dir;
        auto store = test::seededStore(dir);
        QString error;
        const Catalog before = *store->load(&error);
        const QString file = dir.filePath(QStringLiteral("x.json"));
        QVERIFY(data::writeCatalogFile(file, before, &error));
        const auto revision = store->chipRevision("google-tpu-v6e", &error);
        for (Mode mode : {Mode::merge, Mode::replace}) {
            const auto result = store->importCatalog(before, mode, at);
            QVERIFY2(result.ok, qPrintable(result.problems.join(u'\n')));
            QCOMPARE(result.chipsAdded + result.chipsChanged + result.chipsRemoved, 0);
            QCOMPARE(result.offeringsAdded + result.offeringsChanged + result.offeringsRemoved, 0);
        }
        test::compareCatalogs(*store->load(&error), before);
        QCOMPARE(store->chipRevision("google-tpu-v6e", &error), revision);
    }

    void mergeAddsAndChangesAndKeepsTheRest() {
        QTemporaryDir dir;
        auto store = test::seededStore(dir);
        QString error;
        const Catalog before = *store->load(&error);
        Catalog file;
        Chip h100 = *before.findChip("nvidia-h100-sxm5-80gb");
        h100.tdp = units::watts(690);
        h100.provenance = Provenance::shipped; // what a file says is not what it is here
        Chip added = h100;
        added.id = "nvidia-h100-custom";
        file.chips = {h100, added};
        Offering offering = *before.findOffering("aws/p5.48xlarge");
        offering.instance = "p5.custom";
        offering.chipId = "google-tpu-v6e"; // a chip of the catalog, not of the file
        file.offerings = {offering};
        const auto result = store->importCatalog(file, Mode::merge, at);
        QVERIFY2(result.ok, qPrintable(result.problems.join(u'\n')));
        QCOMPARE(result.chipsAdded, 1);
        QCOMPARE(result.chipsChanged, 1);
        QCOMPARE(result.offeringsAdded, 1);
        const Catalog after = *store->load(&error);
        QCOMPARE(after.chips.size(), before.chips.size() + 1);
        QCOMPARE(after.offerings.size(), before.offerings.size() + 1);
        QCOMPARE(test::name(after.findChip("nvidia-h100-sxm5-80gb")->provenance),
                 test::name(Provenance::userModified));
        QCOMPARE(test::name(after.findChip("nvidia-h100-custom")->provenance),
                 test::name(Provenance::userAdded));
        QCOMPARE(test::name(after.findOffering("aws/p5.custom")->provenance),
                 test::name(Provenance::userAdded));
        QVERIFY(*after.findChip("amd-mi300x") == *before.findChip("amd-mi300x"));
    }

    void replaceRemovesWhatTheFileLacks() {
        QTemporaryDir dir;
        auto store = test::seededStore(dir);
        QString error;
        const Catalog before = *store->load(&error);
        Catalog file;
        file.chips = {*before.findChip("google-tpu-v6e")};
        for (const Offering *o : before.offeringsFor("google-tpu-v6e"))
            file.offerings.push_back(*o);
        const auto result = store->importCatalog(file, Mode::replace, at);
        QVERIFY2(result.ok, qPrintable(result.problems.join(u'\n')));
        QCOMPARE(std::size_t(result.chipsRemoved), before.chips.size() - 1);
        QCOMPARE(std::size_t(result.offeringsRemoved),
                 before.offerings.size() - file.offerings.size());
        const Catalog after = *store->load(&error);
        QCOMPARE(after.chips.size(), std::size_t(1));
        QCOMPARE(after.offerings.size(), file.offerings.size());
        QCOMPARE(test::name(after.chips.front().provenance), test::name(Provenance::shipped));
        // The shipped values are still known: the catalog can be reset.
        QVERIFY(store->resetToShipped(&error));
        test::compareCatalogs(*store->load(&error), before);
    }

    void anyProblemImportsNothingAndIsLocated() {
        QTemporaryDir dir;
        auto store = test::seededStore(dir);
        QString error;
        const Catalog before = *store->load(&error);
        Catalog file = before;
        file.chips[3].memory = units::bytes(-1);
        file.chips[5].id = file.chips[6].id;
        file.offerings[7].chipId = "no-such-chip";
        const auto result = store->importCatalog(file, Mode::merge, at);
        QVERIFY(!result.ok);
        const QString all = result.problems.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("f: chips[3].memory_bytes: must be positive")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("ids must be unique")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("f: offerings[7].chip: 'no-such-chip'")),
                 qPrintable(all));
        test::compareCatalogs(*store->load(&error), before);
    }
};

QTEST_GUILESS_MAIN(TestCatalogImport)
#include "test_catalog_import.moc"
