// SPDX-License-Identifier: GPL-3.0-or-later
// The result for people: every number with its unit and a sensible precision, a dash where a
// value does not exist, problems and the recommendation in words.

#include "io/result_table.h"
#include "result_fixture.h"

#include <QtTest>

using namespace accelplan;
using namespace accelplan::data;

namespace {

// The table line that starts with `chip` in the section titled `section`.
QString rowOf(const QString &table, const QString &section, const QString &chip) {
    const QStringList lines = table.split(QLatin1Char('\n'));
    bool inSection = false;
    for (const QString &line : lines) {
        if (line == section)
            inSection = true;
        else if (line.isEmpty())
            inSection = false;
        else if (inSection && line.startsWith(chip + QLatin1Char(' ')))
            return line;
    }
    return {};
}

} // namespace

class TestResultTable : public QObject {
    Q_OBJECT

private slots:
    void trainingRowCarriesUnits() {
        const QString table = resultToTable(test::sampleEvaluation());
        QVERIFY(table.startsWith(u"Sample, with \"quotes\" (catalog 2026.11-1)"));
        const QString row =
            rowOf(table, QStringLiteral("Training"), QStringLiteral("nvidia-h100-sxm5-80gb"));
        QVERIFY2(!row.isEmpty(), qPrintable(table));
        for (const char *expected :
             {"aws/p5.48xlarge",
              "dp 8 · tp 8 · pp 1 · ZeRO-1 · micro-batch 1 · selective recompute", "56.8 GiB",
              "4.2 s", "998k", "41 %", "5.57 h", "4.72 to 6.81 h", "$2,450", "310 kWh", "124 kg"})
            QVERIFY2(
                row.contains(QString::fromUtf8(expected)),
                qPrintable(QStringLiteral("no '%1' in: %2").arg(QString::fromUtf8(expected), row)));
    }

    void servingRowCarriesUnits() {
        const QString table = resultToTable(test::sampleEvaluation());
        const QString row =
            rowOf(table, QStringLiteral("Serving"), QStringLiteral("nvidia-h100-sxm5-80gb"));
        QVERIFY2(!row.isEmpty(), qPrintable(table));
        for (const char *expected : {"96", "dp 8 · tp 8 · pp 1", "65.2 GiB", "610 ms", "31 ms",
                                     "21k", "82", "8.5 s", "$0.90"})
            QVERIFY2(
                row.contains(QString::fromUtf8(expected)),
                qPrintable(QStringLiteral("no '%1' in: %2").arg(QString::fromUtf8(expected), row)));
    }

    void whatDoesNotExistIsADash() {
        const QString table = resultToTable(test::sampleEvaluation());
        const QString small = rowOf(table, QStringLiteral("Training"), QStringLiteral("nvidia-l4"));
        QVERIFY(small.contains(u" no "));
        QVERIFY(small.contains(u"212 GiB")); // what it would need
        QVERIFY(!small.contains(u'$'));
        const QString unrented =
            rowOf(table, QStringLiteral("Training"), QStringLiteral("huawei-ascend-910b"));
        QVERIFY(unrented.contains(u"5.57 h"));
        QVERIFY(!unrented.contains(u'$'));
        QVERIFY(unrented.endsWith(u"-"));
    }

    void columnsLineUp() {
        const QString table = resultToTable(test::sampleEvaluation());
        const QStringList lines = table.split(QLatin1Char('\n'));
        const qsizetype header = lines.indexOf(QStringLiteral("Training")) + 1;
        const qsizetype fitsColumn = lines[header].indexOf(u"fits");
        QVERIFY(fitsColumn > 0);
        for (qsizetype i = header + 2; i < header + 5; ++i)
            QVERIFY2(lines[i].mid(fitsColumn, 3) == u"yes" || lines[i].mid(fitsColumn, 3) == u"no ",
                     qPrintable(lines[i]));
    }

    void problemsAndRecommendationInWords() {
        Recommendation rec;
        rec.why = "64 × NVIDIA H100 SXM5 80GB is the cheapest.";
        rec.tradeOff = "The runner-up would be slower.";
        const QString table = resultToTable(test::sampleEvaluation(), &rec);
        QVERIFY(table.contains(u"nvidia-l4 x1: does not fit: needs 212 GiB per chip"));
        QVERIFY(table.contains(u"Recommendation (cheapest, training)"));
        QVERIFY(table.contains(QStringLiteral("64 × NVIDIA H100 SXM5 80GB is the cheapest.")));
        QVERIFY(table.contains(u"The runner-up would be slower."));
    }

    void onlyTheSectionsTheScenarioHas() {
        Evaluation e = test::sampleEvaluation();
        for (CandidateResult &r : e.results)
            r.training.reset();
        const QString table = resultToTable(e);
        QVERIFY(!table.contains(u"Training\n"));
        QVERIFY(table.contains(u"Serving\n"));
    }

    // A growth plan: each candidate's fleet at the first and last month, the plan's spend and
    // how long it holds; $100,000 + $200,000 + $400,000 = $700,000 over three months.
    // Sensitivity: the winner's bars, with their settings and both ends.
    void growthAndSensitivitySections() {
        const Evaluation e = test::sampleEvaluation();
        Analysis details; // only its growth and sensitivity are written
        GrowthOutcome grows;
        grows.chipsPerReplica = 8;
        grows.months = {{0, 1e6, 23.1, 2, 16, true, units::dollars(1.0e5)},
                        {1, 2e6, 46.3, 4, 32, true, units::dollars(2.0e5)},
                        {2, 4e6, 92.6, 8, 64, false, units::dollars(4.0e5)}};
        grows.firstShortMonth = 2;
        GrowthOutcome cannot;
        cannot.problem = "nvidia-l4 cannot serve this model within the SLO at any count";
        details.growth = {grows, cannot, grows};
        details.growth[2].firstShortMonth.reset();
        Sensitivity s;
        s.baseTime = units::seconds(20040);
        s.baseCost = units::dollars(2450);
        TornadoBar price;
        price.lowSetting = "-20 %";
        price.highSetting = "+20 %";
        price.costLow = units::dollars(1960);
        price.costHigh = units::dollars(2940);
        s.bars = {price};
        details.sensitivity = s;
        details.sensitivityResult = 0;

        QVERIFY(!resultToTable(e).contains(u"Growth plan"));
        const QString table = resultToTable(e, nullptr, &details);
        const QStringList lines = table.split(QLatin1Char('\n'));
        // The first line starting so after the section's title.
        const auto line = [&](const QString &section, const QString &start) {
            for (qsizetype i = lines.indexOf(section); i >= 0 && i < lines.size(); ++i)
                if (lines[i].startsWith(start))
                    return lines[i];
            return QString();
        };
        const QString growth = QStringLiteral("Growth plan");
        QVERIFY(table.contains(u"Growth plan\n"));
        const QString h100 = line(growth, QStringLiteral("nvidia-h100-sxm5-80gb"));
        QVERIFY2(h100.contains(u"8 chips") && h100.contains(u"$700,000") &&
                     h100.contains(u"until month 2"),
                 qPrintable(table));
        QVERIFY2(line(growth, QStringLiteral("huawei-ascend-910b")).endsWith(u"all 3 months"),
                 qPrintable(table));
        QVERIFY(
            table.contains(u"  nvidia-l4 x1: nvidia-l4 cannot serve this model within the SLO"));
        QVERIFY2(table.contains(u"Sensitivity of nvidia-h100-sxm5-80gb x64 (training: "),
                 qPrintable(table));
        const QString bar =
            line(lines.filter(QStringLiteral("Sensitivity of")).value(0), QStringLiteral("price"));
        QVERIFY2(bar.contains(u"-20 %") && bar.contains(u"$1,960") && bar.contains(u"$2,940"),
                 qPrintable(table));
    }
};

QTEST_GUILESS_MAIN(TestResultTable)
#include "test_result_table.moc"
