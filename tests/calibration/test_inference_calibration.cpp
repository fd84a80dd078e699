// SPDX-License-Identifier: GPL-3.0-or-later
// The inference simulation against published measurements: every inference case of
// tests/calibration/data (MLPerf Inference Offline/Server/Interactive, vendor serving
// benchmarks) evaluated the way the CLI does it (scenario reader, catalog created from the
// shipped seed, evaluate()), printed with its error, summarised per case family (IN, SV, HL)
// and per chip family, and held to the targets: median error within 10 %, no case off
// by more than 2x. Error is symmetric: |ln(predicted / measured)|.
//
// A case that misses the 2x target can be marked as an expected failure, with its reason, so
// the miss stays visible (XFAIL) and the test fails the day it is fixed (XPASS). None is now.

#include "calibration/calibration_support.h"
#include "catalog/catalog_store.h"
#include "evaluation/evaluate.h"
#include "helpers/test_env.h"
#include "io/scenario_json.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

using namespace accelplan;
using namespace accelplan::test;

namespace {

const double kMedianTarget = std::log(1.10);
const double kWorstTarget = std::log(2.0);

// Cases known to miss the 2x target, with the reason; see inference_efficiency.cpp.
const std::map<QString, const char *> kKnownMisses{};

struct Case {
    QString id;
    QString file;
    QString field; // "inference.throughput_tokens_per_s", ...
    double measured = 0;
};

// index.csv: id,file,compare_field,measured_value,... (the first four fields are never quoted).
std::vector<Case> inferenceCases(QFile &f) {
    QTextStream in(&f);
    in.readLine(); // header
    std::vector<Case> cases;
    while (!in.atEnd()) {
        const QStringList parts = in.readLine().split(u',');
        if (parts.size() < 4 || !parts[2].startsWith(QLatin1String("inference.")))
            continue;
        cases.push_back({parts[0], parts[1], parts[2], parts[3].toDouble()});
    }
    return cases;
}

void printSummary(const QString &name, const std::vector<double> &errors) {
    qInfo("%-18s n=%-3zu median %9s  p90 %9s  worst %9s", qPrintable(name), errors.size(),
          qPrintable(percent(quantile(errors, 0.5))), qPrintable(percent(quantile(errors, 0.9))),
          qPrintable(percent(quantile(errors, 1.0))));
}

} // namespace

class TestInferenceCalibration : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::optional<Catalog> catalog_;
    std::map<QString, double> errors_; // by case id

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        QVERIFY(dir_.isValid());
        QString error;
        catalog_ = data::loadCatalog(dir_.filePath(QStringLiteral("catalog.sqlite")), &error);
        QVERIFY2(catalog_.has_value(), qPrintable(error));
    }

    void everyCaseIsAnswered() {
        const QString base = test::requiredEnv("ACCELPLAN_CALIBRATION_DIR");
        QFile index(base + QStringLiteral("/index.csv"));
        QVERIFY2(index.open(QIODevice::ReadOnly | QIODevice::Text),
                 qPrintable(QStringLiteral("cannot read %1").arg(index.fileName())));
        const std::vector<Case> cases = inferenceCases(index);
        QVERIFY(cases.size() >= 60);

        std::map<QString, std::vector<double>> byCaseFamily, byChipFamily;
        std::vector<double> all;
        QStringList unanswered;
        for (const Case &c : cases) {
            const auto read = data::readScenarioFile(base + u'/' + c.file);
            QVERIFY2(read.scenario.has_value(), qPrintable(c.id));
            const Evaluation evaluation = evaluate(*read.scenario, *catalog_);
            QCOMPARE(evaluation.results.size(), std::size_t(1));
            const CandidateResult &r = evaluation.results.front();
            const double predicted = fieldOf(r, c.field);
            if (!(predicted > 0) || !std::isfinite(predicted)) {
                unanswered << c.id;
                qInfo("%-5s %-24s %-34s no number: %s", qPrintable(c.id), r.chipId.c_str(),
                      qPrintable(c.field), r.problems.empty() ? "" : r.problems.front().c_str());
                continue;
            }
            const double error = std::fabs(std::log(predicted / c.measured));
            errors_[c.id] = error;
            byCaseFamily[c.id.left(2)].push_back(error);
            byChipFamily[chipFamilyOf(r.chipId)].push_back(error);
            all.push_back(error);
            qInfo("%-5s %-24s %-34s predicted %-11.4g measured %-11.4g %s%s", qPrintable(c.id),
                  r.chipId.c_str(), qPrintable(c.field), predicted, c.measured,
                  predicted > c.measured ? "+" : "-", qPrintable(percent(error)));
        }
        for (const auto &[family, errors] : byCaseFamily)
            printSummary(family, errors);
        for (const auto &[family, errors] : byChipFamily)
            printSummary(family, errors);
        QVERIFY(!all.empty());
        printSummary(QStringLiteral("all"), all);
        QVERIFY2(unanswered.isEmpty(), qPrintable(QStringLiteral("no prediction for ") +
                                                  unanswered.join(QStringLiteral(", "))));
    }

    void medianErrorWithinTenPercent() {
        std::vector<double> all;
        for (const auto &[id, error] : errors_)
            all.push_back(error);
        QVERIFY(!all.empty());
        const double median = quantile(all, 0.5);
        QVERIFY2(median <= kMedianTarget,
                 qPrintable(QStringLiteral("median error %1").arg(percent(median))));
    }

    void noCaseOffByMoreThanTwice_data() {
        QTest::addColumn<double>("error");
        if (errors_.empty()) // nothing was evaluated: fail here too rather than pass vacuously
            QTest::newRow("no cases evaluated") << std::numeric_limits<double>::infinity();
        for (const auto &[id, error] : errors_)
            QTest::newRow(qPrintable(id)) << error;
    }

    void noCaseOffByMoreThanTwice() {
        QFETCH(double, error);
        const QString id = QString::fromUtf8(QTest::currentDataTag());
        if (const auto known = kKnownMisses.find(id); known != kKnownMisses.end())
            QEXPECT_FAIL("", known->second, Continue);
        QVERIFY2(error <= kWorstTarget,
                 qPrintable(id + QStringLiteral(" off by ") + percent(error)));
    }
};

QTEST_GUILESS_MAIN(TestInferenceCalibration)
#include "test_inference_calibration.moc"
