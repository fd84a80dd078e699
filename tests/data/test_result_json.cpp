// SPDX-License-Identifier: GPL-3.0-or-later
// The result document (accelplan.result/1): the contract's keys in base units, null where a
// value does not exist, candidates that do not fit still listed, and valid JSON whatever the
// strings hold.

#include "io/result_json.h"
#include "result_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace accelplan;
using namespace accelplan::data;

namespace {

QJsonObject parsed(const QByteArray &json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("not JSON: %s\n%s", qPrintable(error.errorString()), json.constData());
    return doc.object();
}

} // namespace

class TestResultJson : public QObject {
    Q_OBJECT

private slots:
    void documentHeader() {
        const QJsonObject doc = parsed(resultToJson(test::sampleEvaluation()));
        QCOMPARE(doc.value(u"format").toString(), QStringLiteral("accelplan.result/1"));
        QCOMPARE(doc.value(u"scenario").toString(), QStringLiteral("Sample, with \"quotes\""));
        QCOMPARE(doc.value(u"catalog_version").toString(), QStringLiteral("2026.11-1"));
        QCOMPARE(doc.value(u"results").toArray().size(), 3);
        QVERIFY(!doc.contains(u"recommendation"));
    }

    void keysInTheContractsOrder() {
        const QByteArray json = resultToJson(test::sampleEvaluation());
        const auto at = [&](const char *key) { return json.indexOf(key); };
        QVERIFY(at("\"format\"") < at("\"scenario\""));
        QVERIFY(at("\"scenario\"") < at("\"catalog_version\""));
        QVERIFY(at("\"catalog_version\"") < at("\"results\""));
        QVERIFY(at("\"chip\"") < at("\"count\""));
        QVERIFY(at("\"count\"") < at("\"training\""));
        QVERIFY(at("\"training\"") < at("\"inference\""));
    }

    void trainingInBaseUnits() {
        const QJsonObject r = parsed(resultToJson(test::sampleEvaluation()))
                                  .value(u"results")
                                  .toArray()
                                  .at(0)
                                  .toObject();
        QCOMPARE(r.value(u"chip").toString(), QStringLiteral("nvidia-h100-sxm5-80gb"));
        QCOMPARE(r.value(u"count").toInt(), 64);
        QCOMPARE(r.value(u"offering").toString(), QStringLiteral("aws/p5.48xlarge"));
        const QJsonObject t = r.value(u"training").toObject();
        QCOMPARE(t.value(u"fits").toBool(), true);
        const QJsonObject p = t.value(u"parallelism").toObject();
        QCOMPARE(p.value(u"dp").toInt(), 8);
        QCOMPARE(p.value(u"tp").toInt(), 8);
        QCOMPARE(p.value(u"zero").toInt(), 1);
        QCOMPARE(p.value(u"recompute").toString(), QStringLiteral("selective"));
        QCOMPARE(t.value(u"memory_per_chip_bytes").toDouble(), 6.1e10); // the parts' sum
        QCOMPARE(t.value(u"step_time_s").toDouble(), 4.2);
        QCOMPARE(t.value(u"tokens_per_s").toDouble(), 998000.0);
        QCOMPARE(t.value(u"samples_per_s").toDouble(), 122.0);
        QCOMPARE(t.value(u"mfu").toDouble(), 0.413);
        QCOMPARE(t.value(u"time_to_train_s").toDouble(), 20040.0);
        const QJsonArray range = t.value(u"time_to_train_s_range").toArray();
        QCOMPARE(range.size(), 2);
        QCOMPARE(range.at(0).toDouble(), 17000.0);
        QCOMPARE(range.at(1).toDouble(), 24500.0);
        QCOMPARE(t.value(u"chip_hours").toDouble(), 356.0);
        QCOMPARE(t.value(u"cost_usd").toDouble(), 2450.0);
        QCOMPARE(t.value(u"energy_kwh").toDouble(), 310.0); // kWh, not joules
        QCOMPARE(t.value(u"co2_kg").toDouble(), 124.0);
        QCOMPARE(r.value(u"problems").toArray().size(), 0);
    }

    void inferenceInBaseUnits() {
        const QJsonObject r = parsed(resultToJson(test::sampleEvaluation()))
                                  .value(u"results")
                                  .toArray()
                                  .at(0)
                                  .toObject();
        const QJsonObject i = r.value(u"inference").toObject();
        QCOMPARE(i.value(u"fits").toBool(), true);
        QCOMPARE(i.value(u"batch").toInt(), 96);
        QCOMPARE(i.value(u"runtime").toString(), QStringLiteral("tensorrt-llm"));
        QCOMPARE(i.value(u"memory_per_chip_bytes").toDouble(), 7e10);
        QCOMPARE(i.value(u"ttft_s").toDouble(), 0.61);
        QCOMPARE(i.value(u"tpot_s").toDouble(), 0.031);
        QCOMPARE(i.value(u"throughput_tokens_per_s").toDouble(), 21000.0);
        QCOMPARE(i.value(u"throughput_samples_per_s").toDouble(), 82.0);
        QCOMPARE(i.value(u"latency_s").toDouble(), 8.5);
        QCOMPARE(i.value(u"cost_per_million_tokens_usd").toDouble(), 0.9);
        const QJsonObject s = r.value(u"spend").toObject();
        QCOMPARE(s.value(u"instances").toInt(), 8);
        QCOMPARE(s.value(u"usd_per_hour").toDouble(), 440.32);
        QCOMPARE(s.value(u"power_w").toDouble(), 58240.0);
        // Not in server mode: no fleet capacity.
        QVERIFY(!i.contains(u"max_requests_per_s") && !i.contains(u"replicas"));
    }

    void serverModeSaysTheFleetAndWhatItCarries() {
        Evaluation e = test::sampleEvaluation();
        e.results[0].inference->parallelism.dp = 3;
        e.results[0].inference->maxRequestsPerSecond = 95.5;
        const QJsonObject i = parsed(resultToJson(e))
                                  .value(u"results")
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(u"inference")
                                  .toObject();
        QCOMPARE(i.value(u"replicas").toInt(), 3);
        QCOMPARE(i.value(u"max_requests_per_s").toDouble(), 95.5);
    }

    void everyTimeAndRateHasARangeThatHoldsIt() {
        Evaluation e = test::sampleEvaluation();
        e.results[0].training->uncertainty = 0.25;
        e.results[0].inference->uncertainty = 0.5;
        const QJsonObject r = parsed(resultToJson(e)).value(u"results").toArray().at(0).toObject();
        const auto check = [](const QJsonObject &o, const char16_t *key, double u) {
            const QString name = QString::fromUtf16(key);
            const QJsonArray range = o.value(name + QStringLiteral("_range")).toArray();
            QCOMPARE(range.size(), 2);
            const double x = o.value(name).toDouble();
            QCOMPARE(range.at(0).toDouble(), x / (1 + u));
            QCOMPARE(range.at(1).toDouble(), x * (1 + u));
            QVERIFY(range.at(0).toDouble() <= x && x <= range.at(1).toDouble());
        };
        const QJsonObject t = r.value(u"training").toObject();
        for (const char16_t *key : {u"step_time_s", u"tokens_per_s", u"mfu"})
            check(t, key, 0.25);
        const QJsonObject i = r.value(u"inference").toObject();
        for (const char16_t *key : {u"ttft_s", u"tpot_s", u"throughput_tokens_per_s",
                                    u"throughput_samples_per_s", u"latency_s"})
            check(i, key, 0.5);
        // A candidate that does not fit has no measures, and no ranges either.
        const QJsonObject none =
            parsed(resultToJson(e)).value(u"results").toArray().at(1).toObject();
        QVERIFY(none.value(u"training").toObject().value(u"step_time_s_range").isNull());
        QVERIFY(none.value(u"inference").toObject().value(u"ttft_s_range").isNull());
    }

    void candidateThatDoesNotFitIsListedWithItsNeedAndNoMeasures() {
        const QJsonObject r = parsed(resultToJson(test::sampleEvaluation()))
                                  .value(u"results")
                                  .toArray()
                                  .at(1)
                                  .toObject();
        QCOMPARE(r.value(u"chip").toString(), QStringLiteral("nvidia-l4"));
        const QJsonObject t = r.value(u"training").toObject();
        QCOMPARE(t.value(u"fits").toBool(), false);
        QCOMPARE(t.value(u"memory_per_chip_bytes").toDouble(), 2.28e11);
        for (const char16_t *key : {u"step_time_s", u"tokens_per_s", u"mfu", u"time_to_train_s",
                                    u"time_to_train_s_range", u"cost_usd", u"energy_kwh"})
            QVERIFY2(t.value(key).isNull(), qPrintable(QString::fromUtf16(key)));
        const QJsonObject i = r.value(u"inference").toObject();
        QCOMPARE(i.value(u"fits").toBool(), false);
        QVERIFY(i.value(u"batch").isNull());
        QVERIFY(i.value(u"throughput_tokens_per_s").isNull());
        const QJsonArray problems = r.value(u"problems").toArray();
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.at(0).toString().startsWith(u"does not fit"));
    }

    void missingPriceAndPowerAreNullNotZero() {
        const QJsonObject r = parsed(resultToJson(test::sampleEvaluation()))
                                  .value(u"results")
                                  .toArray()
                                  .at(2)
                                  .toObject();
        QVERIFY(r.value(u"offering").isNull());
        const QJsonObject t = r.value(u"training").toObject();
        QCOMPARE(t.value(u"fits").toBool(), true);
        QCOMPARE(t.value(u"time_to_train_s").toDouble(), 20040.0);
        QVERIFY(t.value(u"cost_usd").isNull());
        QVERIFY(t.value(u"energy_kwh").isNull());
        QVERIFY(t.value(u"co2_kg").isNull());
        QVERIFY(r.value(u"inference").toObject().value(u"cost_per_million_tokens_usd").isNull());
        QCOMPARE(r.value(u"spend").toObject().value(u"price_problem").toString(),
                 QStringLiteral("no provider in the catalog rents huawei-ascend-910b"));
    }

    void nonFiniteNumbersAndControlCharactersStayValidJson() {
        Evaluation e = test::sampleEvaluation();
        e.scenarioName = "tab\there, newline\nthere, bell\a, back\\slash";
        e.results[0].training->mfu = std::numeric_limits<double>::quiet_NaN();
        e.results[0].training->stepTime = units::seconds(std::numeric_limits<double>::infinity());
        const QJsonObject doc = parsed(resultToJson(e));
        QCOMPARE(doc.value(u"scenario").toString(), QString::fromStdString(e.scenarioName));
        const QJsonObject t =
            doc.value(u"results").toArray().at(0).toObject().value(u"training").toObject();
        QVERIFY(t.value(u"mfu").isNull());
        QVERIFY(t.value(u"step_time_s").isNull());
    }

    void numbersReadBackExactly() {
        Evaluation e = test::sampleEvaluation();
        const double awkward = 0.1 + 0.2; // 0.30000000000000004
        e.results[0].training->stepTime = units::seconds(awkward);
        e.results[0].training->chipHours = 1e-300;
        const QJsonObject t = parsed(resultToJson(e))
                                  .value(u"results")
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(u"training")
                                  .toObject();
        QCOMPARE(t.value(u"step_time_s").toDouble(), awkward);
        QCOMPARE(t.value(u"chip_hours").toDouble(), 1e-300);
    }

    void emptyEvaluationIsAnEmptyList() {
        Evaluation e;
        const QJsonObject doc = parsed(resultToJson(e));
        QVERIFY(doc.value(u"results").isArray());
        QCOMPARE(doc.value(u"results").toArray().size(), 0);
    }

    void recommendationAndSearchLimitWhenGiven() {
        const Evaluation e = test::sampleEvaluation();
        Recommendation rec;
        Score winner;
        winner.result = 0;
        winner.time = units::seconds(20040);
        winner.cost = units::dollars(2450);
        winner.onParetoFront = true;
        Score out;
        out.result = 1;
        out.exclusions = {"does not fit"};
        rec.ranking = {winner, out};
        rec.paretoFront = {0};
        rec.why = "because";
        const QJsonObject doc = parsed(resultToJson(e, {&rec, 4096}));
        QCOMPARE(doc.value(u"max_chips").toInt(), 4096);
        const QJsonObject r = doc.value(u"recommendation").toObject();
        QCOMPARE(r.value(u"winner").toInt(), 0);
        QCOMPARE(r.value(u"why").toString(), QStringLiteral("because"));
        const QJsonArray ranking = r.value(u"ranking").toArray();
        QCOMPARE(ranking.size(), 2);
        QCOMPARE(ranking.at(0).toObject().value(u"chip").toString(),
                 QStringLiteral("nvidia-h100-sxm5-80gb"));
        QCOMPARE(ranking.at(0).toObject().value(u"cost_usd").toDouble(), 2450.0);
        QCOMPARE(ranking.at(1).toObject().value(u"eligible").toBool(), false);
        QVERIFY(ranking.at(1).toObject().value(u"time_s").isNull());
    }

    // Growth and sensitivity are extra keys: written only when given, beside the contract's,
    // which stay as they were.
    void growthAndSensitivityWhenGiven() {
        const Evaluation e = test::sampleEvaluation();
        Analysis details; // only its growth and sensitivity are written
        GrowthOutcome grows;
        grows.chipId = "nvidia-h100-sxm5-80gb";
        grows.chipsPerReplica = 8;
        grows.requestsPerSecondPerReplica = 12.5;
        grows.months = {{0, 1e6, 23.1, 2, 16, true, units::dollars(1.0e5)},
                        {1, 2e6, 46.3, 4, 32, true, units::dollars(2.0e5)},
                        {2, 4e6, 92.6, 8, 64, false, units::dollars(4.0e5)}};
        grows.firstShortMonth = 2;
        GrowthOutcome cannot;
        cannot.chipId = "nvidia-l4";
        cannot.problem = "nvidia-l4 cannot serve this model within the SLO at any count";
        GrowthOutcome unpriced = grows;
        unpriced.firstShortMonth.reset();
        for (GrowthMonth &m : unpriced.months)
            m.cost.reset();
        details.growth = {grows, cannot, unpriced};
        Sensitivity s;
        s.focus = Focus::training;
        s.baseTime = units::seconds(20040);
        s.baseCost = units::dollars(2450);
        TornadoBar price;
        price.input = SensitivityInput::price;
        price.lowSetting = "-20 %";
        price.highSetting = "+20 %";
        price.timeLow = price.timeHigh = units::seconds(20040);
        price.costLow = units::dollars(1960);
        price.costHigh = units::dollars(2940);
        TornadoBar count;
        count.input = SensitivityInput::chipCount;
        count.lowSetting = "32 chips";
        count.highSetting = "128 chips";
        count.timeLow = units::seconds(39000);
        count.timeHigh = units::seconds(10500);
        s.bars = {price, count};
        details.sensitivity = s;
        details.sensitivityResult = 0;

        const QJsonObject plain = parsed(resultToJson(e));
        const QJsonObject doc = parsed(resultToJson(e, {nullptr, std::nullopt, &details}));
        QVERIFY(!plain.contains(u"sensitivity"));
        const QJsonArray results = doc.value(u"results").toArray();
        for (qsizetype i = 0; i < results.size(); ++i) {
            QJsonObject r = results.at(i).toObject();
            QVERIFY(!plain.value(u"results").toArray().at(i).toObject().contains(u"growth"));
            QVERIFY(r.contains(u"growth"));
            r.remove(u"growth");
            QCOMPARE(r, plain.value(u"results").toArray().at(i).toObject());
        }

        const QJsonObject g = results.at(0).toObject().value(u"growth").toObject();
        QCOMPARE(g.value(u"chips_per_replica").toInt(), 8);
        QCOMPARE(g.value(u"requests_per_s_per_replica").toDouble(), 12.5);
        QCOMPARE(g.value(u"first_short_month").toInt(), 2);
        QVERIFY(!g.contains(u"problem"));
        const QJsonArray months = g.value(u"months").toArray();
        QCOMPARE(months.size(), 3);
        const QJsonObject last = months.at(2).toObject();
        QCOMPARE(last.value(u"month").toInt(), 2);
        QCOMPARE(last.value(u"demand_per_day").toDouble(), 4e6);
        QCOMPARE(last.value(u"requests_per_s").toDouble(), 92.6);
        QCOMPARE(last.value(u"replicas").toInt(), 8);
        QCOMPARE(last.value(u"chips").toInt(), 64);
        QCOMPARE(last.value(u"enough").toBool(), false);
        QCOMPARE(last.value(u"cost_usd").toDouble(), 4.0e5);
        const QJsonObject none = results.at(1).toObject().value(u"growth").toObject();
        QCOMPARE(none.value(u"problem").toString(), QString::fromStdString(cannot.problem));
        QCOMPARE(none.value(u"months").toArray().size(), 0);
        const QJsonObject free = results.at(2).toObject().value(u"growth").toObject();
        QVERIFY(free.value(u"first_short_month").isNull());
        QVERIFY(free.value(u"months").toArray().at(0).toObject().value(u"cost_usd").isNull());

        const QJsonObject t = doc.value(u"sensitivity").toObject();
        QCOMPARE(t.value(u"result").toInt(), 0);
        QCOMPARE(t.value(u"focus").toString(), QStringLiteral("training"));
        QCOMPARE(t.value(u"base_time_s").toDouble(), 20040.0);
        QCOMPARE(t.value(u"base_cost_usd").toDouble(), 2450.0);
        const QJsonArray bars = t.value(u"bars").toArray();
        QCOMPARE(bars.size(), 2);
        const QJsonObject p = bars.at(0).toObject();
        QCOMPARE(p.value(u"input").toString(), QStringLiteral("price"));
        QCOMPARE(p.value(u"low").toString(), QStringLiteral("-20 %"));
        QCOMPARE(p.value(u"cost_low_usd").toDouble(), 1960.0);
        QCOMPARE(p.value(u"cost_high_usd").toDouble(), 2940.0);
        // (2940 - 1960) / 2940: the spread over the larger end.
        QCOMPARE(p.value(u"swing").toDouble(), 980.0 / 2940.0);
        const QJsonObject c = bars.at(1).toObject();
        QCOMPARE(c.value(u"input").toString(), QStringLiteral("chip count"));
        QVERIFY(c.value(u"cost_low_usd").isNull());
        QCOMPARE(c.value(u"time_high_s").toDouble(), 10500.0);
        // The document's own keys keep the contract's order; the tornado comes last.
        const QByteArray json = resultToJson(e, {nullptr, std::nullopt, &details});
        QVERIFY(json.indexOf("\"results\"") < json.indexOf("\"sensitivity\""));
    }
};

QTEST_GUILESS_MAIN(TestResultJson)
#include "test_result_json.moc"
