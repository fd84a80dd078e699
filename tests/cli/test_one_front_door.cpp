// SPDX-License-Identifier: GPL-3.0-or-later
// One front door: for every shipped example, the CLI's result document, the workspace's
// analysis (computed off the UI thread as the window does) and the PDF report's input carry the
// same growth plan and the same sensitivity, because all three come from plan/analysis.h.

#include "document/recompute.h"
#include "helpers/near.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"
#include "io/scenario_json.h"
#include "report/report_input.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace accelplan;
using namespace accelplan::test;

namespace {

using test::near;

// JSON null for a value that does not exist, as the result document writes it.
bool sameNumber(const QJsonValue &json, const std::optional<double> &value) {
    if (!value || !std::isfinite(*value))
        return json.isNull();
    return json.isDouble() && near(json.toDouble(), *value);
}

template <class Q> std::optional<double> valueOf(const std::optional<Q> &q) {
    return q ? std::optional<double>(q->value()) : std::nullopt;
}

// The sensitivity and growth of two analyses are the same, to the last bit.
void compareAnalyses(const Analysis &a, const Analysis &b, const QString &what) {
    QVERIFY2(a.sensitivity.has_value() == b.sensitivity.has_value(), qPrintable(what));
    if (a.sensitivity) {
        QCOMPARE(a.sensitivityResult, b.sensitivityResult);
        QCOMPARE(a.sensitivity->bars.size(), b.sensitivity->bars.size());
        for (std::size_t k = 0; k < a.sensitivity->bars.size(); ++k) {
            const TornadoBar &x = a.sensitivity->bars[k], &y = b.sensitivity->bars[k];
            QVERIFY2(x.input == y.input && x.timeLow == y.timeLow && x.timeHigh == y.timeHigh &&
                         x.costLow == y.costLow && x.costHigh == y.costHigh,
                     qPrintable(what));
        }
    }
    QCOMPARE(a.growth.size(), b.growth.size());
    for (std::size_t k = 0; k < a.growth.size(); ++k) {
        QVERIFY2(a.growth[k].months == b.growth[k].months, qPrintable(what));
        QCOMPARE(a.growth[k].firstShortMonth, b.growth[k].firstShortMonth);
    }
}

// The CLI's document says what the analysis holds.
void compareWithDocument(const QJsonObject &doc, const Analysis &a, const QString &what) {
    const QJsonObject s = doc.value(u"sensitivity").toObject();
    QVERIFY2(s.isEmpty() == !a.sensitivity.has_value(), qPrintable(what));
    if (a.sensitivity) {
        QCOMPARE(std::size_t(s.value(u"result").toInt()), a.sensitivityResult);
        const QJsonArray bars = s.value(u"bars").toArray();
        QCOMPARE(std::size_t(bars.size()), a.sensitivity->bars.size());
        for (qsizetype k = 0; k < bars.size(); ++k) {
            const QJsonObject bar = bars[k].toObject();
            const TornadoBar &b = a.sensitivity->bars[std::size_t(k)];
            QCOMPARE(bar.value(u"input").toString().toStdString(), std::string(toString(b.input)));
            QVERIFY2(sameNumber(bar.value(u"time_low_s"), valueOf(b.timeLow)) &&
                         sameNumber(bar.value(u"time_high_s"), valueOf(b.timeHigh)) &&
                         sameNumber(bar.value(u"cost_low_usd"), valueOf(b.costLow)) &&
                         sameNumber(bar.value(u"cost_high_usd"), valueOf(b.costHigh)),
                     qPrintable(what + QStringLiteral(": bar %1").arg(k)));
        }
    }
    const QJsonArray results = doc.value(u"results").toArray();
    QCOMPARE(std::size_t(results.size()), a.evaluation.results.size());
    for (std::size_t k = 0; k < a.growth.size(); ++k) {
        const QJsonArray months =
            results[qsizetype(k)].toObject().value(u"growth").toObject().value(u"months").toArray();
        QCOMPARE(std::size_t(months.size()), a.growth[k].months.size());
        for (qsizetype m = 0; m < months.size(); ++m) {
            const QJsonObject month = months[m].toObject();
            const GrowthMonth &g = a.growth[k].months[std::size_t(m)];
            QCOMPARE(month.value(u"chips").toInt(), g.chips);
            QCOMPARE(month.value(u"replicas").toInt(), g.replicas);
            QVERIFY2(sameNumber(month.value(u"cost_usd"), valueOf(g.cost)), qPrintable(what));
        }
    }
}

} // namespace

class TestOneFrontDoor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { isolateUserFiles(); }

    void everySurfaceShowsTheSameGrowthAndSensitivity() {
        const QDir examples(requiredEnv("ACCELPLAN_SOURCE_DIR") +
                            QStringLiteral("/resources/examples"));
        const QStringList files = examples.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.size() >= 6);
        const auto catalog = shippedCatalog();
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("catalog.sqlite"));
        int withSensitivity = 0, withGrowth = 0;
        for (const QString &name : files) {
            const QString path = examples.filePath(name);
            const auto read = data::readScenarioFile(path);
            QVERIFY2(read.scenario, qPrintable(name));

            ui::Recompute workspace(catalog);
            QSignalSpy completed(&workspace, &ui::Recompute::completed);
            workspace.request(*read.scenario);
            QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, 120000);
            const Analysis &shown = *workspace.latest();

            const ui::report::ReportInput report =
                ui::report::makeReportInput(*read.scenario, catalog, path);
            compareAnalyses(shown, report.analysis, name + QStringLiteral(": workspace, report"));

            const CliRun run = runCli({QStringLiteral("evaluate"), path, QStringLiteral("--format"),
                                       QStringLiteral("json"), QStringLiteral("--catalog"), db});
            QVERIFY2(run.exitCode == 0, run.err.constData());
            const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
            compareWithDocument(doc, shown, name + QStringLiteral(": CLI, workspace"));

            withSensitivity += shown.sensitivity ? 1 : 0;
            withGrowth += shown.growth.empty() ? 0 : 1;
        }
        // The comparison means something: the examples have tornado charts and a growth plan.
        QVERIFY(withSensitivity >= 5);
        QVERIFY(withGrowth >= 1);
    }
};

QTEST_MAIN(TestOneFrontDoor)
#include "test_one_front_door.moc"
