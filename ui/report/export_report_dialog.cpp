// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/export_report_dialog.h"

#include "report/report_writer.h"
#include "support/text.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QUrl>

namespace accelplan::ui::report {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("ExportReport", text); }

} // namespace

void exportReportDialog(QWidget *parent, const std::shared_ptr<const Analysis> &analysis,
                        const QString &scenarioFile) {
    if (!analysis) {
        QMessageBox::information(
            parent, tr("Export Report"),
            tr("The results are still being computed; try again in a moment."));
        return;
    }
    const QString a4 = tr("PDF, A4 paper (*.pdf)");
    const QString letter = tr("PDF, US Letter paper (*.pdf)");
    QString chosenFilter = a4;
    // Beside the scenario file and named after it; an unsaved scenario's report is named after
    // the scenario, in the home folder.
    const QString suggested =
        scenarioFile.isEmpty()
            ? QDir::home().filePath(fileStem(analysis->scenario.name, QStringLiteral("accelplan")) +
                                    QStringLiteral("-report.pdf"))
            : QFileInfo(scenarioFile).path() + QLatin1Char('/') +
                  QFileInfo(scenarioFile).completeBaseName().section(QLatin1Char('.'), 0, 0) +
                  QStringLiteral(".pdf");
    QString path = QFileDialog::getSaveFileName(parent, tr("Export Report"), suggested,
                                                a4 + QStringLiteral(";;") + letter, &chosenFilter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    QString error;
    const bool written =
        writeReport(makeReportInput(*analysis, scenarioFile), path,
                    chosenFilter == letter ? PaperSize::letter : PaperSize::a4, &error);
    QGuiApplication::restoreOverrideCursor();
    if (!written) {
        QMessageBox::warning(parent, tr("Export Report"), error);
        return;
    }
    const auto answer = QMessageBox::question(
        parent, tr("Export Report"),
        tr("The report is saved as %1. Open it now?").arg(QDir::toNativeSeparators(path)),
        QMessageBox::Open | QMessageBox::Close, QMessageBox::Open);
    if (answer == QMessageBox::Open)
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

} // namespace accelplan::ui::report
