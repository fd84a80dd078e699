// SPDX-License-Identifier: GPL-3.0-or-later
// The app's Export Report: the file it suggests, the report written where the user chose, and
// the offer to open it once saved.

#include "document/default_scenario.h"
#include "helpers/modal_answers.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"
#include "report/export_report_dialog.h"
#include "support/text.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

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
        answers.setFiles({pdf});
        answers.setButton(QMessageBox::Close);
        const auto analysis = std::make_shared<const Analysis>(
            analyzeFully(defaultScenario(), test::shippedCatalog()));
        report::exportReportDialog(nullptr, analysis, QString());
        // ".pdf" is added to a name without it.
        QVERIFY(QFileInfo(pdf + QStringLiteral(".pdf")).size() > 10000);
        QVERIFY2(answers.seen().join(u'\n').contains(QStringLiteral("Open it now?")),
                 qPrintable(answers.seen().join(u'\n')));
    }
};

QTEST_MAIN(TestExportReport)
#include "test_export_report.moc"
