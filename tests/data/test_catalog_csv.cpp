// SPDX-License-Identifier: GPL-3.0-or-later
// The catalog as one CSV file: a lossless round trip, units in cells, and every problem at its
// line, column and column name.

#include "hardware/validation.h"
#include "helpers/test_env.h"
#include "io/catalog_csv.h"
#include "io/catalog_file.h"
#include "io/csv.h"
#include "test_catalog_support.h"

using namespace accelplan;
using namespace accelplan::data;

namespace {

QString allErrors(const CatalogCsvRead &r) { return toString(r.errors); }

// The CSV with one cell replaced: the `row`th data row (from 1) of `section`, in the column
// named `column`. The file is parsed and written again, so quoting stays right.
QByteArray withCell(const QByteArray &csv, const QString &section, int row, const QString &column,
                    const QString &value) {
    const CsvParseResult parsed = parseCsv(csv, QStringLiteral("x.csv"));
    QByteArray out;
    qsizetype headerAt = -1;
    QStringList header;
    for (qsizetype i = 0; i < parsed.records.size(); ++i) {
        QStringList cells;
        for (const CsvField &f : parsed.records[i].fields)
            cells << f.text;
        if (cells.first() == section)
            headerAt = i + 1;
        if (i == headerAt)
            header = cells;
        if (headerAt >= 0 && i == headerAt + row)
            cells[header.indexOf(column)] = value;
        out += csvLine(cells);
    }
    return out;
}

} // namespace

class TestCatalogCsv : public QObject {
    Q_OBJECT

private slots:
    void roundTripIsLossless() {
        const Catalog seed = test::shippedSeed();
        const QByteArray csv = writeCatalogCsv(seed);
        const CatalogCsvRead back = readCatalogCsv(csv, QStringLiteral("seed.csv"));
        QVERIFY2(back.catalog, qPrintable(allErrors(back)));
        test::compareCatalogs(*back.catalog, seed);
        QCOMPARE(writeCatalogCsv(*back.catalog), csv);
    }

    void aByteOrderMarkStartingAFieldIsDropped() {
        // Wherever a field starts with U+FEFF (here mid-line, after a price), it is not part of
        // the value: once it was kept there but dropped at a line's start, so a written file
        // read back different (found by fuzzing).
        const QByteArray csv = "format,accelplan.catalog/1\n"
                               "[chips]\n"
                               "id,vendor,name,kind\n"
                               "example-npu,Example,NPU 1,npu\n"
                               "[offerings]\n"
                               "usd_per_hour.on-demand,chip,provider,instance,chips_per_instance\n"
                               "2.10,\xEF\xBB\xBF"
                               "example-npu,example-cloud,npu-1x,1\n";
        const CatalogCsvRead r = readCatalogCsv(csv, QStringLiteral("bom.csv"));
        QVERIFY2(r.catalog, qPrintable(allErrors(r)));
        QCOMPARE(r.catalog->offerings.at(0).chipId, std::string("example-npu"));
        const QByteArray written = writeCatalogCsv(*r.catalog);
        const CatalogCsvRead back = readCatalogCsv(written, QStringLiteral("b.csv"));
        QVERIFY2(back.catalog, qPrintable(allErrors(back)));
        QVERIFY(back.catalog->offerings == r.catalog->offerings);
    }

    void readsColumnsInAnyOrderWithUnits() {
        const QByteArray csv = "format,accelplan.catalog/1\n"
                               "catalog_version,mine\n"
                               "\n"
                               "[offerings]\n"
                               "usd_per_hour.on-demand,chip,provider,instance,chips_per_instance\n"
                               "$2.10/h,example-npu,example-cloud,npu-1x,1\n"
                               "[chips]\n"
                               "name,id,vendor,kind,memory_bandwidth_bytes_per_s,memory_bytes\n"
                               "NPU 1,example-npu,Example,npu,3.35 TB/s,80 GB\n"
                               "[sources]\n"
                               "chip,url\n"
                               "example-npu,https://example.org\n";
        const CatalogCsvRead r = readCatalogCsv(csv, QStringLiteral("mine.csv"));
        QVERIFY2(r.catalog, qPrintable(allErrors(r)));
        QCOMPARE(r.catalog->dataVersion, std::string("mine"));
        const Chip &chip = r.catalog->chips.at(0);
        QCOMPARE(chip.memoryBandwidth->value(), 3.35e12);
        QCOMPARE(chip.memory->value(), 8e10);
        QCOMPARE(chip.sources.size(), std::size_t(1));
        QCOMPARE(chip.sources[0].field, std::string("*"));
        QCOMPARE(units::inDollarsPerHour(*r.catalog->offerings.at(0).price(Pricing::onDemand)),
                 2.1);
        // A file from before the 2026.12 columns reads as it did.
        QVERIFY(!chip.chipClass);
        QVERIFY(chip.roles == Roles{});
        QVERIFY(!chip.priceRange.low && !chip.sources[0].basis);
        const Offering &o = r.catalog->offerings.at(0);
        QCOMPARE(o.currency, std::string("USD"));
        QVERIFY(o.regions.empty() && !o.maxInstances && !o.scaleOutBandwidth);
    }

    void readsTheRangesListsAndBases() {
        const QByteArray csv =
            "format,accelplan.catalog/1\n"
            "[chips]\n"
            "id,vendor,name,kind,class,roles,price_usd_range.low,price_usd_range.high\n"
            "example-npu,Example,NPU 1,npu,edge,inference,$100,$300\n"
            "[sources]\n"
            "chip,field,title,basis\n"
            "example-npu,price_usd,estimate: like its siblings,estimate\n"
            "[offerings]\n"
            "chip,provider,instance,chips_per_instance,usd_per_hour.on-demand,currency,"
            "published_per_hour,usd_rate,usd_rate_date,regions,max_instances,source\n"
            "example-npu,cloud,npu-8x,8,5.58,CNY,40,0.1395,2025-07-01,jiangsu; cn,1,https://x\n";
        const CatalogCsvRead r = readCatalogCsv(csv, QStringLiteral("new.csv"));
        QVERIFY2(r.catalog, qPrintable(allErrors(r)));
        const Chip &chip = r.catalog->chips.at(0);
        QCOMPARE(chip.chipClass, std::optional(ChipClass::edge));
        QVERIFY(chip.roles.inference && !chip.roles.training);
        QCOMPARE(chip.priceRange.low->value(), 100.0);
        QCOMPARE(chip.priceRange.high->value(), 300.0);
        QCOMPARE(basisOf(chip, "price_usd_range.low"), std::optional(Basis::estimate));
        const Offering &o = r.catalog->offerings.at(0);
        QCOMPARE(o.currency, std::string("CNY"));
        QCOMPARE(*o.publishedPerHour, 40.0);
        QCOMPARE(*o.usdRate, 0.1395);
        QCOMPARE(o.regions, (std::vector<std::string>{"jiangsu", "cn"}));
        QCOMPARE(o.maxInstances, std::optional(1));
        QVERIFY(validateCatalog(*r.catalog).empty());
    }

    void reportsEachProblemAtItsLineAndColumn_data() {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("expected");
        const QByteArray seed = writeCatalogCsv(test::shippedSeed());
        // The [chips] header is line 5; its first row line 6. "year" is the 6th column.
        QTest::newRow("text for a number")
            << withCell(seed, QStringLiteral("[chips]"), 1, QStringLiteral("year"),
                        QStringLiteral("recent"))
            << QStringLiteral("x.csv:6:%1: year: 'recent' is not a whole number");
        QTest::newRow("a unit of the wrong kind")
            << withCell(seed, QStringLiteral("[chips]"), 2, QStringLiteral("tdp_watts"),
                        QStringLiteral("3 TB/s"))
            << QStringLiteral("x.csv:7:%1: tdp_watts: '3 TB/s'");
        QTest::newRow("unknown kind")
            << withCell(seed, QStringLiteral("[chips]"), 3, QStringLiteral("kind"),
                        QStringLiteral("fpga"))
            << QStringLiteral("x.csv:8:%1: kind: 'fpga' is not one of gpu");
        QTest::newRow("unknown class")
            << withCell(seed, QStringLiteral("[chips]"), 3, QStringLiteral("class"),
                        QStringLiteral("server"))
            << QStringLiteral("x.csv:8:%1: class: 'server' is not one of datacenter");
        QTest::newRow("unknown role")
            << withCell(seed, QStringLiteral("[chips]"), 4, QStringLiteral("roles"),
                        QStringLiteral("training;cooking"))
            << QStringLiteral("x.csv:9:%1: roles: 'training;cooking' is not");
        QTest::newRow("missing required cell") << withCell(seed, QStringLiteral("[offerings]"), 1,
                                                           QStringLiteral("provider"), QString())
                                               << QStringLiteral(": provider: is required");
        QTest::newRow("unknown column")
            << QByteArray("format,accelplan.catalog/1\n[chips]\nid,vendor,name,kind,tdp\n")
            << QStringLiteral("x.csv:3:21: tdp: unknown column");
        QTest::newRow("missing column")
            << QByteArray("format,accelplan.catalog/1\n[chips]\nid,vendor,kind\n")
            << QStringLiteral("x.csv:3: the column 'name' is required");
        QTest::newRow("source of an unknown chip")
            << QByteArray("format,accelplan.catalog/1\n[chips]\nid,vendor,name,kind\n"
                          "a,V,N,gpu\n[sources]\nchip,url\nb,https://x\n")
            << QStringLiteral("x.csv:7:1: chip: 'b' is not a chip of the [chips] section");
        QTest::newRow("no format") << QByteArray("[chips]\nid,vendor,name,kind\n")
                                   << QStringLiteral("x.csv:1:1: format: is required");
        QTest::newRow("other format")
            << QByteArray("format,accelplan.scenario/1\n[chips]\nid,vendor,name,kind\n")
            << QStringLiteral("x.csv:1: format: is 'accelplan.scenario/1'");
        QTest::newRow("no chips") << QByteArray("format,accelplan.catalog/1\n")
                                  << QStringLiteral("x.csv: has no [chips] section");
        QTest::newRow("syntax") << QByteArray("format,accelplan.catalog/1\n[chips]\n\"id,vendor\n")
                                << QStringLiteral("x.csv:3:1: the quoted field");
    }
    void reportsEachProblemAtItsLineAndColumn() {
        QFETCH(QByteArray, csv);
        QFETCH(QString, expected);
        const CatalogCsvRead r = readCatalogCsv(csv, QStringLiteral("x.csv"));
        QVERIFY(!r.catalog);
        const QString all = allErrors(r);
        // The column of a cell: where its text starts on its line.
        if (expected.contains(QStringLiteral("%1"))) {
            const int line = expected.section(u':', 1, 1).toInt();
            const QString name = expected.section(u':', 3, 3).trimmed();
            const CsvParseResult parsed = parseCsv(csv, QStringLiteral("x.csv"));
            QStringList header;
            int column = 0;
            for (const CsvRecord &record : parsed.records) {
                if (record.fields.first().text == QLatin1String("[chips]"))
                    header.clear();
                else if (header.isEmpty())
                    for (const CsvField &f : record.fields)
                        header << f.text;
                if (record.line == line)
                    column = record.fields[header.indexOf(name)].column;
            }
            expected = expected.arg(column);
        }
        QVERIFY2(all.contains(expected),
                 qPrintable(expected + QStringLiteral("\nnot in:\n") + all));
    }

    void rulesProblemsPointIntoTheFile() {
        QTemporaryDir dir;
        Catalog seed = test::shippedSeed();
        seed.chips[2].memoryBandwidth = units::bytesPerSecond(3.35e15);
        seed.chips[4].sources.push_back({"*", "", "", "2026-13-01", {}});
        const QString path = dir.filePath(QStringLiteral("bad.csv"));
        QString error;
        QVERIFY(writeCatalogFile(path, seed, &error));
        const CatalogFileRead read = readCatalogFile(path, QStringLiteral("bad.csv"));
        QVERIFY(read.catalog);
        QStringList located;
        for (const ValidationProblem &p : validateCatalog(*read.catalog))
            located << read.locate(p);
        const QStringList lines = QString::fromUtf8(test::readFile(path)).split(u'\n');
        // Chip 3 is on line 8 (the [chips] header is line 5).
        const auto bandwidth = located.filter(QStringLiteral("memory_bandwidth_bytes_per_s"));
        QCOMPARE(bandwidth.size(), 1);
        QVERIFY2(bandwidth.first().startsWith(QStringLiteral("bad.csv:8:")),
                 qPrintable(bandwidth.first()));
        QVERIFY(lines[7].startsWith(QString::fromStdString(seed.chips[2].id)));
        // The broken source is on its own [sources] line, at its columns.
        const auto source = located.filter(QStringLiteral("retrieved"));
        QCOMPARE(source.size(), 1);
        const int line = source.first().section(u':', 1, 1).toInt();
        QVERIFY2(lines[line - 1].contains(QStringLiteral("2026-13-01")),
                 qPrintable(source.first()));
    }
};

QTEST_GUILESS_MAIN(TestCatalogCsv)
#include "test_catalog_csv.moc"
