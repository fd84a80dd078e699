// SPDX-License-Identifier: GPL-3.0-or-later
// CatalogStore::importCatalog(): merge or replace, all or nothing, provenance set against the
// shipped values, counts of what changed.

#include "catalog/catalog_store.h"
#include "helpers/test_env.h"
#include "io/catalog_file.h"
#include "test_catalog_support.h"

using namespace accelplan;
using Mode = data::CatalogStore::ImportMode;

namespace {

QString at(const ValidationProblem &p) { return data::describeAtJsonPath(QStringLiteral("f"), p); }

std::unique_ptr<data::CatalogStore> seededStore(const QTemporaryDir &dir) {
    QString error;
    auto store = data::CatalogStore::create(dir.filePath(QStringLiteral("c.sqlite")),
                                            test::shippedSeed(), &error);
    if (!store)
        qFatal("cannot create a catalog: %s", qPrintable(error));
    return store;
}

} // namespace

class TestCatalogImport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateUserFiles(); }

    void importingTheCatalogItselfChangesNothing() {
        QTemporaryDir dir;
        auto store = seededStore(dir);
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
        auto store = seededStore(dir);
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
        auto store = seededStore(dir);
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
        auto store = seededStore(dir);
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
