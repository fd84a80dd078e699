// SPDX-License-Identifier: GPL-3.0-or-later
// The training simulation against published measurements: every training case of
// tests/calibration/data (MLPerf Training, large published runs) evaluated the way the
// CLI does it (scenario reader, catalog created from the shipped seed, evaluate()), printed
// with its error, summarised per chip family, and held to the targets: median error
// within 10 %, no case off by more than 2x. Error is symmetric: |ln(predicted / measured)|.

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
#include <map>
#include <vector>

using namespace accelplan;
using namespace accelplan::test;

namespace {

// The targets, as symmetric errors: a 10 % median and nothing beyond a factor of 2.
const double kMedianTarget = std::log(1.10);
const double kWorstTarget = std::log(2.0);

struct Case {
    QString id;
    QString file;
    QString field; // "training.time_to_train_s", ...
    double measured = 0;
};

// index.csv: id,file,compare_field,measured_value,... (the first four fields are never
// quoted; the note at the end may be).
std::vector<Case> trainingCases(QFile &f) {
    QTextStream in(&f);
    in.readLine(); // header
    std::vector<Case> cases;
    while (!in.atEnd()) {
        const QStringList parts = in.readLine().split(u',');
        if (parts.size() < 4 || !parts[2].startsWith(QLatin1String("training.")))
            continue;
        cases.push_back({parts[0], parts[1], parts[2], parts[3].toDouble()});
    }
    return cases;
}

} // namespace

class TestTrainingCalibration : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::optional<Catalog> catalog_;

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        QVERIFY(dir_.isValid());
        QString error;
        catalog_ = data::loadCatalog(dir_.filePath(QStringLiteral("catalog.sqlite")), &error);
        QVERIFY2(catalog_.has_value(), qPrintable(error));
    }

    void trainingCasesMeetTargets() {
        const QString base = test::requiredEnv("ACCELPLAN_CALIBRATION_DIR");
        QFile index(base + QStringLiteral("/index.csv"));
        QVERIFY2(index.open(QIODevice::ReadOnly | QIODevice::Text),
                 qPrintable(QStringLiteral("cannot read %1").arg(index.fileName())));
        const std::vector<Case> cases = trainingCases(index);
        QVERIFY(cases.size() >= 60);

        std::map<QString, std::vector<double>> byFamily;
        std::vector<double> all;
        QStringList unanswered;
        QString worstCase;
        double worst = 0;
        for (const Case &c : cases) {
            const auto read = data::readScenarioFile(base + u'/' + c.file);
            QVERIFY2(read.scenario.has_value(), qPrintable(c.id));
            const Evaluation evaluation = evaluate(*read.scenario, *catalog_);
            QCOMPARE(evaluation.results.size(), std::size_t(1));
            const CandidateResult &r = evaluation.results.front();
            const double predicted = fieldOf(r, c.field);
            if (!(predicted > 0) || !std::isfinite(predicted)) {
                unanswered << c.id;
                qInfo("%-5s %-24s %-26s no number: %s", qPrintable(c.id), r.chipId.c_str(),
                      qPrintable(c.field), r.problems.empty() ? "" : r.problems.front().c_str());
                continue;
            }
            const double error = std::fabs(std::log(predicted / c.measured));
            byFamily[chipFamilyOf(r.chipId)].push_back(error);
            all.push_back(error);
            if (error > worst) {
                worst = error;
                worstCase = c.id;
            }
            qInfo("%-5s %-24s %-26s predicted %-11.4g measured %-11.4g %s%s", qPrintable(c.id),
                  r.chipId.c_str(), qPrintable(c.field), predicted, c.measured,
                  predicted > c.measured ? "+" : "-", qPrintable(percent(error)));
        }

        for (const auto &[family, errors] : byFamily)
            qInfo("%-16s n=%-3zu median %9s  p90 %9s  worst %9s", qPrintable(family), errors.size(),
                  qPrintable(percent(quantile(errors, 0.5))),
                  qPrintable(percent(quantile(errors, 0.9))),
                  qPrintable(percent(quantile(errors, 1.0))));
        QVERIFY(!all.empty());
        const double median = quantile(all, 0.5);
        qInfo("%-16s n=%-3zu median %9s  p90 %9s  worst %9s (%s)", "all training", all.size(),
              qPrintable(percent(median)), qPrintable(percent(quantile(all, 0.9))),
              qPrintable(percent(worst)), qPrintable(worstCase));

        QVERIFY2(unanswered.isEmpty(),
                 qPrintable(QStringLiteral("no prediction for ") + unanswered.join(u", ")));
        QVERIFY2(worst <= kWorstTarget,
                 qPrintable(QStringLiteral("%1 is off by more than 2x").arg(worstCase)));
        QVERIFY2(median <= kMedianTarget,
                 qPrintable(
                     QStringLiteral("median error %1 above the 10 % target").arg(percent(median))));
    }
};

QTEST_GUILESS_MAIN(TestTrainingCalibration)
#include "test_training_calibration.moc"
