// SPDX-License-Identifier: GPL-3.0-or-later
// The model against every published measurement of tests/calibration/data (index.csv and
// index-unseen.csv), the way `accelplan-cli calibrate` does it: the efficiency table fitted on
// all cases (in-sample), and each case predicted by a fit that did not see it (grouped 5-fold
// cross-validation: a fold holds whole groups of chip family x workload family).
//
// Printed: every case with both errors, and the median and p90 per chip family and per kind.
// Held:
//  - every case gets a number;
//  - the shipped table (resources/efficiency/efficiency.csv) is what the fit writes: no value
//    in it was set by hand;
//  - four in five cases of each kind fall inside their stated range (from the family's
//    cross-validated errors);
//  - the cross-validated error, per kind, is no worse than this round reached. The issue's
//    target is a median of 12 % and a p90 of 40 %; the gates below are the ratchet towards it.

#include "catalog/catalog_store.h"
#include "helpers/test_env.h"
#include "io/calibration_cases.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <thread>

using namespace accelplan;

namespace {

// A symmetric error as the percentage people read: ln(2) is "100.0 %".
QString percent(double logError) {
    return QString::number(100 * (std::exp(logError) - 1), 'f', 1) + QStringLiteral(" %");
}

// What the cross-validated |ln(predicted / measured)| may not exceed, per kind: a ratchet at the
// figures last measured. The estimate moves with the fold split alone: adding two cases to two
// groups reshuffled the folds and moved the inference median from 24.5 % to 27.7 % with the
// same model, and 4 to 7 folds give 23.6 % to 27.7 % (training 15.0 % to 19.4 %).
struct Gate {
    const char *kind;
    double median;
    double p90;
};
constexpr Gate kGates[] = {{"training", 0.19, 0.49}, {"inference", 0.22, 0.62}};

QString signedPercent(const std::optional<double> &e) {
    if (!e)
        return QStringLiteral("no number");
    return (*e >= 0 ? QStringLiteral("+") : QStringLiteral("-")) + percent(std::fabs(*e));
}

void printSummary(const std::string &name, const fit::CrossValidation &cv,
                  const std::vector<std::size_t> &which) {
    const auto in = fit::absoluteErrors(cv.inSample, which),
               held = fit::absoluteErrors(cv.heldOut, which);
    const auto twice =
        std::count_if(held.begin(), held.end(), [](double e) { return e >= std::log(2.0); });
    qInfo("%-18s n=%-3zu in-sample median %8s p90 %8s | cross-validated median %8s p90 %8s, "
          "off by 2x or more: %lld",
          name.c_str(), which.size(), qPrintable(percent(fit::quantile(in, 0.5))),
          qPrintable(percent(fit::quantile(in, 0.9))),
          qPrintable(percent(fit::quantile(held, 0.5))),
          qPrintable(percent(fit::quantile(held, 0.9))), static_cast<long long>(twice));
}

} // namespace

class TestCrossValidation : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        QVERIFY(dir_.isValid());
        QString error;
        const auto catalog = data::loadCatalog(dir_.filePath(QStringLiteral("c.sqlite")), &error);
        QVERIFY2(catalog, qPrintable(error));
        catalog_ = *catalog;
        auto read = data::readCalibrationCases(test::requiredEnv("ACCELPLAN_CALIBRATION_DIR"));
        QVERIFY2(read.errors.isEmpty(), qPrintable(data::toString(read.errors)));
        cases_ = std::move(read.cases);
        QVERIFY(cases_.size() >= 200);
        // As `accelplan-cli calibrate` runs by default.
        fit::Options options;
        options.threads = int(std::max(1U, std::thread::hardware_concurrency()));
        cv_ = fit::crossValidate(shippedEfficiencyData(), cases_, catalog_, 5, options);
    }

    void everyCaseIsAnsweredAndPrinted() {
        std::map<std::string, std::vector<std::size_t>> byFamily, byKind;
        QStringList unanswered;
        for (std::size_t i = 0; i < cases_.size(); ++i) {
            const fit::Case &c = cases_[i];
            qInfo("%-6s %-28s %-34s fold %d  in-sample %10s  held out %10s", c.id.c_str(),
                  c.group.c_str(), c.field.c_str(), cv_.foldOf[i],
                  qPrintable(signedPercent(cv_.inSample[i])),
                  qPrintable(signedPercent(cv_.heldOut[i])));
            if (!cv_.inSample[i])
                unanswered << QString::fromStdString(c.id);
            byFamily[c.group.substr(0, c.group.find('/'))].push_back(i);
            byKind[c.kind].push_back(i);
        }
        for (const auto &[family, which] : byFamily)
            printSummary(family, cv_, which);
        for (const auto &[kind, which] : byKind)
            printSummary(kind, cv_, which);
        QVERIFY2(unanswered.isEmpty(),
                 qPrintable(QStringLiteral("no prediction for ") + unanswered.join(u", ")));
    }

    void theShippedTableIsWhatTheFitWrites() {
        const auto &shipped = shippedEfficiencyData().rows();
        const auto &fitted = cv_.all.rows();
        QCOMPARE(fitted.size(), shipped.size());
        const QString hint =
            QStringLiteral(" (run `accelplan-cli calibrate --cases tests/calibration/data --write "
                           "resources/efficiency/efficiency.csv`)");
        for (std::size_t j = 0; j < shipped.size(); ++j) {
            const QString row = QString::fromStdString(shipped[j].table + ' ' + shipped[j].key +
                                                       ' ' + shipped[j].parameter);
            QVERIFY2(std::fabs(fitted[j].value - shipped[j].value) <=
                         1e-6 * std::max(1.0, std::fabs(shipped[j].value)),
                     qPrintable(row +
                                QStringLiteral(": shipped %1, the fit gives %2")
                                    .arg(shipped[j].value)
                                    .arg(fitted[j].value) +
                                hint));
            QVERIFY2(fitted[j].fittedOn == shipped[j].fittedOn,
                     qPrintable(row + QStringLiteral(": fitted on other cases") + hint));
        }
    }

    void groupsStayWholeAndTheCrossValidatedErrorHolds() {
        std::map<std::string, int> foldOfGroup;
        for (std::size_t i = 0; i < cases_.size(); ++i) {
            const auto [it, added] = foldOfGroup.emplace(cases_[i].group, cv_.foldOf[i]);
            QVERIFY2(added || it->second == cv_.foldOf[i], cases_[i].group.c_str());
        }
        for (const Gate &gate : kGates) {
            std::vector<std::size_t> which;
            for (std::size_t i = 0; i < cases_.size(); ++i)
                if (cases_[i].kind == gate.kind)
                    which.push_back(i);
            QVERIFY(!which.empty());
            const auto held = fit::absoluteErrors(cv_.heldOut, which);
            const double median = fit::quantile(held, 0.5), p90 = fit::quantile(held, 0.9);
            QVERIFY2(median <= gate.median,
                     qPrintable(QStringLiteral("%1: cross-validated median %2, gate %3")
                                    .arg(QLatin1String(gate.kind), percent(median),
                                         percent(gate.median))));
            QVERIFY2(
                p90 <= gate.p90,
                qPrintable(QStringLiteral("%1: cross-validated p90 %2, gate %3")
                               .arg(QLatin1String(gate.kind), percent(p90), percent(gate.p90))));
        }
    }

    // A time's or rate's range is x / (1 + u) to x (1 + u), u from its family's row (training:
    // chip family, serving: stack): the measured value should fall inside for four cases in
    // five that the fit did not see.
    void rangesHoldTheMeasuredValue() {
        const EfficiencyData &table = shippedEfficiencyData();
        for (const std::string kind : {"training", "inference"}) {
            int cases = 0, insideInSample = 0, insideHeldOut = 0;
            for (std::size_t i = 0; i < cases_.size(); ++i) {
                if (cases_[i].kind != kind)
                    continue;
                const Chip *chip = catalog_.findChip(cases_[i].scenario.candidates.front().chipId);
                QVERIFY(chip);
                const auto u = table.find(kind, table.familyKey(kind, *chip), "uncertainty");
                QVERIFY2(u, cases_[i].id.c_str());
                const double halfWidth = std::log(1 + *u);
                ++cases;
                insideInSample += cv_.inSample[i] && std::fabs(*cv_.inSample[i]) <= halfWidth;
                insideHeldOut += cv_.heldOut[i] && std::fabs(*cv_.heldOut[i]) <= halfWidth;
            }
            QVERIFY(cases > 0);
            qInfo("%s ranges hold the measured value: %d of %d cases in-sample (%.0f %%), %d of "
                  "%d held out (%.0f %%)",
                  kind.c_str(), insideInSample, cases, 100.0 * insideInSample / cases,
                  insideHeldOut, cases, 100.0 * insideHeldOut / cases);
            QVERIFY2(insideHeldOut >= 0.8 * cases,
                     qPrintable(QStringLiteral("only %1 of %2 held-out %3 cases inside their "
                                               "ranges")
                                    .arg(insideHeldOut)
                                    .arg(cases)
                                    .arg(QString::fromStdString(kind))));
        }
    }

private:
    QTemporaryDir dir_;
    Catalog catalog_;
    std::vector<fit::Case> cases_;
    fit::CrossValidation cv_;
};

QTEST_GUILESS_MAIN(TestCrossValidation)
#include "test_cross_validation.moc"
