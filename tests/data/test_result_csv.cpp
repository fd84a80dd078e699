// SPDX-License-Identifier: GPL-3.0-or-later
// The result as CSV: a header naming each column's unit, one row per candidate, plain numbers,
// empty cells where a value does not exist, quoting where a field needs it.

#include "io/result_csv.h"
#include "result_fixture.h"

#include <QtTest>

using namespace accelplan;
using namespace accelplan::data;

namespace {

// A minimal RFC 4180 reader, enough to check what the writer quotes.
QList<QStringList> parseCsv(const QString &text) {
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << cell;
            cell.clear();
        } else if (c == u'\n') {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
        } else {
            cell += c;
        }
    }
    return rows;
}

QString cell(const QList<QStringList> &rows, int row, const char *column) {
    const qsizetype c = rows[0].indexOf(QString::fromLatin1(column));
    if (c < 0)
        qFatal("no column %s", column);
    return rows[row][c];
}

} // namespace

class TestResultCsv : public QObject {
    Q_OBJECT

private slots:
    void headerAndOneRowPerCandidate() {
        const auto rows = parseCsv(QString::fromUtf8(resultToCsv(test::sampleEvaluation())));
        QCOMPARE(rows.size(), 4);
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), rows[0].size());
        for (const char *column :
             {"chip", "count", "offering", "training_fits", "training_time_to_train_s",
              "training_cost_usd", "training_energy_kwh", "training_co2_kg",
              "training_memory_per_chip_bytes", "inference_ttft_s",
              "inference_throughput_tokens_per_s", "inference_cost_per_million_tokens_usd",
              "problems"})
            QVERIFY2(rows[0].contains(QString::fromLatin1(column)), column);
    }

    void plainNumbersInTheColumnsUnit() {
        const auto rows = parseCsv(QString::fromUtf8(resultToCsv(test::sampleEvaluation())));
        QCOMPARE(cell(rows, 1, "chip"), QStringLiteral("nvidia-h100-sxm5-80gb"));
        QCOMPARE(cell(rows, 1, "count"), QStringLiteral("64"));
        QCOMPARE(cell(rows, 1, "training_time_to_train_s"), QStringLiteral("20040"));
        QCOMPARE(cell(rows, 1, "training_time_to_train_low_s"), QStringLiteral("17000"));
        QCOMPARE(cell(rows, 1, "training_mfu"), QStringLiteral("0.413"));
        QCOMPARE(cell(rows, 1, "training_energy_kwh"), QStringLiteral("310"));
        QCOMPARE(cell(rows, 1, "training_memory_per_chip_bytes").toDouble(), 6.1e10);
        QCOMPARE(cell(rows, 1, "inference_tpot_s"), QStringLiteral("0.031"));
        QCOMPARE(cell(rows, 1, "usd_per_hour"), QStringLiteral("440.32"));
    }

    void missingValuesAreEmptyCells() {
        const auto rows = parseCsv(QString::fromUtf8(resultToCsv(test::sampleEvaluation())));
        QCOMPARE(cell(rows, 2, "training_fits"), QStringLiteral("false"));
        QCOMPARE(cell(rows, 2, "training_time_to_train_s"), QString());
        QCOMPARE(cell(rows, 2, "training_memory_per_chip_bytes").toDouble(), 2.28e11);
        QCOMPARE(cell(rows, 3, "offering"), QString());
        QCOMPARE(cell(rows, 3, "training_cost_usd"), QString());
        QCOMPARE(cell(rows, 3, "training_time_to_train_s"), QStringLiteral("20040"));
    }

    void fieldsWithCommasAndQuotesAreQuoted() {
        Evaluation e = test::sampleEvaluation();
        const std::string problem = "a \"quoted\", comma'd problem";
        e.results[1].problems.push_back(problem);
        const QByteArray csv = resultToCsv(e);
        const auto rows = parseCsv(QString::fromUtf8(csv));
        QCOMPARE(rows.size(), 4);
        QCOMPARE(cell(rows, 2, "problems"),
                 QStringLiteral("does not fit: needs 212 GiB per chip, has 22.4 GiB; "
                                "a \"quoted\", comma'd problem"));
    }

    // A candidate for one half only (its role) has no result for the other: its cells there
    // are empty, and nothing of the missing half is read (the sanitizer build checks that).
    void aCandidateForOneHalfHasEmptyCellsForTheOther() {
        Evaluation e = test::sampleEvaluation();
        e.results[1].role = Role::training;
        e.results[1].inference.reset();
        e.results[2].role = Role::serving;
        e.results[2].training.reset();
        const auto rows = parseCsv(QString::fromUtf8(resultToCsv(e)));
        for (const char *column :
             {"inference_fits", "inference_ttft_s", "inference_energy_per_request_j",
              "inference_max_requests_per_s"})
            QCOMPARE(cell(rows, 2, column), QString());
        for (const char *column :
             {"training_fits", "training_time_to_train_s", "training_cost_usd"})
            QCOMPARE(cell(rows, 3, column), QString());
        QCOMPARE(cell(rows, 2, "training_fits"), QStringLiteral("false")); // it ran, did not fit
        QCOMPARE(cell(rows, 3, "inference_fits"), QStringLiteral("true"));
    }

    void onlyTheColumnsTheScenarioHas() {
        Evaluation e = test::sampleEvaluation();
        for (CandidateResult &r : e.results)
            r.inference.reset();
        const QByteArray csv = resultToCsv(e);
        QVERIFY(csv.contains("training_fits"));
        QVERIFY(!csv.contains("inference_"));
    }
};

QTEST_GUILESS_MAIN(TestResultCsv)
#include "test_result_csv.moc"
