// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV reader: RFC 4180 quoting, line endings, and every syntax problem at its line and
// column.

#include "io/csv.h"

#include <QtTest>

using namespace accelplan::data;

namespace {

QStringList texts(const CsvRecord &r) {
    QStringList out;
    for (const CsvField &f : r.fields)
        out << f.text;
    return out;
}

} // namespace

class TestCsv : public QObject {
    Q_OBJECT

private slots:
    // OWASP's CSV injection rule: a cell a spreadsheet would run as a formula is written as
    // text (a leading apostrophe), numbers stay numbers, and reading gives back every text as
    // it was, including texts that already start with an apostrophe.
    void formulasAreWrittenAsTextAndReadBackUnchanged() {
        const QStringList fields{QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"),
                                 QStringLiteral("+1+2"),
                                 QStringLiteral("-2+3"),
                                 QStringLiteral("@SUM(A1)"),
                                 QStringLiteral("\tcmd"),
                                 QStringLiteral("\rcmd"),
                                 QStringLiteral("-5"),
                                 QStringLiteral("+1.5e3"),
                                 QStringLiteral("'=already"),
                                 QStringLiteral("''"),
                                 QStringLiteral("'"),
                                 QStringLiteral("'plain"),
                                 QStringLiteral("plain")};
        const QByteArray line = csvLine(fields);
        QCOMPARE(line, QByteArray("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1+2,'-2+3,"
                                  "'@SUM(A1),'\tcmd,\"'\rcmd\",-5,+1.5e3,''=already,''',',"
                                  "'plain,plain\n"));
        const auto r = parseCsv(line, QStringLiteral("t.csv"));
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.records.size(), 1);
        QCOMPARE(texts(r.records[0]), fields);
    }

    void readsPlainAndQuotedFields() {
        const auto r = parseCsv("a,b,c\n"
                                "\"x, y\",\"say \"\"hi\"\"\",\n"
                                "\"two\nlines\",last\n",
                                QStringLiteral("t.csv"));
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.records.size(), 3);
        QCOMPARE(texts(r.records[0]), (QStringList{"a", "b", "c"}));
        QCOMPARE(texts(r.records[1]), (QStringList{"x, y", "say \"hi\"", ""}));
        QCOMPARE(texts(r.records[2]), (QStringList{"two\nlines", "last"}));
        // Where each field starts: the field after the two-line field is on the next line.
        QCOMPARE(r.records[2].line, 3);
        QCOMPARE(r.records[2].fields[1].line, 4);
        QCOMPARE(r.records[2].fields[1].column, 8);
        QCOMPARE(r.records[1].fields[1].column, 8);
    }

    void acceptsCrlfABomAndNoFinalNewline() {
        const auto r = parseCsv("\xEF\xBB\xBFid,name\r\nh100,\"H100\r\nSXM\"\r\nl4,L4",
                                QStringLiteral("t.csv"));
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.records.size(), 3);
        QCOMPARE(texts(r.records[0]), (QStringList{"id", "name"}));
        QCOMPARE(texts(r.records[1]), (QStringList{"h100", "H100\r\nSXM"}));
        QCOMPARE(texts(r.records[2]), (QStringList{"l4", "L4"}));
        QCOMPARE(r.records[0].fields[0].column, 1);
    }

    void reportsSyntaxProblemsWhereTheyAre_data() {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unclosed quote") << QByteArray("a,b\nc,\"open\nmore\n")
                                        << QStringLiteral("t.csv:2:3: the quoted field starting "
                                                          "here is not closed");
        QTest::newRow("quote inside")
            << QByteArray("a,b\nc,ab\"c\n") << QStringLiteral("t.csv:2:5: a quote inside a field");
        QTest::newRow("after closing quote") << QByteArray("\"a\"x,b\n")
                                             << QStringLiteral("t.csv:1:4: 'x' after the closing "
                                                               "quote");
        QTest::newRow("binary") << QByteArray("a,b\n\0\0\0", 7)
                                << QStringLiteral("t.csv:2: holds a NUL byte");
        QTest::newRow("not utf-8")
            << QByteArray("a,b\nok\n\xff\xfe,x\n") << QStringLiteral("t.csv:3: is not UTF-8 text");
    }
    void reportsSyntaxProblemsWhereTheyAre() {
        QFETCH(QByteArray, csv);
        QFETCH(QString, expected);
        const auto r = parseCsv(csv, QStringLiteral("t.csv"));
        QVERIFY(r.records.isEmpty());
        QVERIFY(!r.errors.isEmpty());
        QVERIFY2(r.errors.first().toString().startsWith(expected),
                 qPrintable(r.errors.first().toString()));
    }

    void writesWhatItReadsBack() {
        const QStringList fields{"plain", "with, comma", "with \"quotes\"", "two\nlines",
                                 "",      " padded ",    "ünïcødé"};
        const QByteArray line = csvLine(fields);
        QVERIFY(line.endsWith('\n'));
        const auto r = parseCsv(line + csvLine(fields), QStringLiteral("t.csv"));
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(texts(r.records[0]), fields);
        QCOMPARE(texts(r.records[1]), fields);
    }

    void manyProblemsAreCapped() {
        QByteArray csv;
        for (int i = 0; i < 1000; ++i)
            csv += "a\"b\n";
        const auto r = parseCsv(csv, QStringLiteral("t.csv"));
        QVERIFY(!r.errors.isEmpty());
        QVERIFY(r.errors.size() <= 100);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "test_csv.moc"
