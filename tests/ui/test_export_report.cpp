// SPDX-License-Identifier: GPL-3.0-or-later
// The app's Export Report: the file it suggests, the report written where the user chose, and
// the offer to open it once saved.

#include "document/default_scenario.h"
#include "helpers/modal_answers.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"
#include "report/export_report_dialog.h"
#include "support/text.h"
#include "units/format.h"

#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

namespace {

// The default scenario's report exported through the app's dialog to `pdf`, its later question
// answered with Close; the analysis it shows.
std::shared_ptr<const Analysis> exportDefaultScenario(test::ModalAnswers &answers,
                                                      const QString &pdf) {
    answers.setFiles({pdf});
    answers.setButton(QMessageBox::Close);
    auto analysis =
        std::make_shared<const Analysis>(analyzeFully(defaultScenario(), test::shippedCatalog()));
    report::exportReportDialog(nullptr, analysis, QString());
    return analysis;
}

} // namespace

class TestExportReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateUserFiles(); }

    void aFileStemIsTheScenarioNameInLowerCaseWords() {
        QCOMPARE(fileStem("Llama 3.1 70B: fine-tune and serve", QStringLiteral("x")),
                 QStringLiteral("llama-3-1-70b-fine-tune-and-serve"));
        QCOMPARE(fileStem("  ---  ", QStringLiteral("scenario")), QStringLiteral("scenario"));
        QCOMPARE(fileStem("", QStringLiteral("scenario")), QStringLiteral("scenario"));
        QCOMPARE(fileStem(std::string(300, 'a'), QStringLiteral("x")).size(), 80);
    }

    void theSavedReportIsOfferedToOpen() {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("plan"));
        test::ModalAnswers answers;
        exportDefaultScenario(answers, pdf);
        // ".pdf" is added to a name without it.
        QVERIFY(QFileInfo(pdf + QStringLiteral(".pdf")).size() > 10000);
        QVERIFY2(answers.seen().join(u'\n').contains(QStringLiteral("Open it now?")),
                 qPrintable(answers.seen().join(u'\n')));
    }

    // With amounts shown in euros the report's numbers are in euros and its summary states the
    // rate and its date, as a reader of the PDF (pdftotext) sees it.
    void aReportInAnotherCurrencyStatesItsRate() {
        units::setShownCurrency({"EUR", 0.9, "2026-12-01"});
        const auto dollarsAgain = qScopeGuard([] { units::setShownCurrency({}); });
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("euros.pdf"));
        test::ModalAnswers answers;
        const auto analysis = exportDefaultScenario(answers, pdf);
        QProcess text;
        text.start(QStringLiteral("pdftotext"),
                   {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000) && text.exitCode() == 0);
        const QString said = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(said.contains(QStringLiteral("Amounts in EUR at 0.9 per US dollar (rate of "
                                              "2026-12-01).")),
                 qPrintable(said.left(3000)));
        const auto &r = analysis->evaluation.results.front();
        QVERIFY(r.spend && r.spend->trainingCost);
        units::FormatOptions options;
        options.significantDigits = 3;
        options.currency = units::Currency{"EUR", 0.9, ""};
        const QString euros =
            QString::fromStdString(units::format(r.spend->trainingCost->nominal, options));
        QVERIFY2(euros.startsWith(u'€') && said.contains(euros), qPrintable(euros));
    }
};

QTEST_MAIN(TestExportReport)
#include "test_export_report.moc"
