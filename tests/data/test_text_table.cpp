// SPDX-License-Identifier: GPL-3.0-or-later
// The terminal's tables: columns padded and aligned, and no control sequence or bidirectional
// override from a file's names reaching the terminal.

#include "io/text_table.h"

#include <QtTest>

using namespace accelplan::data;

class TestTextTable : public QObject {
    Q_OBJECT

private slots:
    void columnsArePaddedTextLeftNumbersRight() {
        TextTable t({QStringLiteral("chip"), QStringLiteral("chips")}, TextTable::FirstRow::header,
                    {false, true});
        t.add({QStringLiteral("h100"), QStringLiteral("8")});
        t.add({QStringLiteral("l4"), QStringLiteral("128")});
        QCOMPARE(t.text(), QStringLiteral("chip  chips\n"
                                          "-----------\n"
                                          "h100      8\n"
                                          "l4      128\n"));
    }

    void aKeyValueListHasNoRuleAndKeepsItsIndent() {
        TextTable t({QStringLiteral("kind"), QStringLiteral("gpu")}, TextTable::FirstRow::data);
        t.add({QStringLiteral("memory"), QStringLiteral("80 GB")});
        QCOMPARE(t.text(QStringLiteral("  ")), QStringLiteral("  kind    gpu\n"
                                                              "  memory  80 GB\n"));
    }

    // An escape sequence that would clear the screen, a carriage return that would overwrite
    // the line and a right-to-left override that would reverse it are shown, not obeyed.
    void controlsAreShownEscaped() {
        TextTable t({QStringLiteral("name")});
        t.add({QStringLiteral("a\x1b[2Jb\rc") + QChar(0x202E) + QStringLiteral("d")});
        const QString text = t.text();
        QVERIFY2(text.contains(QStringLiteral("a\\x1b[2Jb\\x0dc\\u202ed")), qPrintable(text));
        for (const QChar c : text)
            QVERIFY(c == u'\n' ||
                    (c.unicode() >= 0x20 && c.unicode() != 0x7F && c.unicode() != 0x202E));
    }

    void aWholeOutputKeepsItsLineFeeds() {
        QCOMPARE(terminalSafe(QStringLiteral("one\ntwo\x07\n"), true),
                 QStringLiteral("one\ntwo\\x07\n"));
        QCOMPARE(terminalSafe(QStringLiteral("one\ntwo")), QStringLiteral("one\\x0atwo"));
        QCOMPARE(terminalSafe(QStringLiteral("H100 · 80 GB — ok")),
                 QStringLiteral("H100 · 80 GB — ok"));
    }
};

QTEST_GUILESS_MAIN(TestTextTable)
#include "test_text_table.moc"
