// SPDX-License-Identifier: GPL-3.0-or-later
// What every chart shares, exercised on chart 1: drawn without being shown (onto a pixmap and
// onto any painter, as the PDF report does), exported as PNG, PDF and SVG, tooltips with
// exact values where the pointer is over a bar, and colours that follow a dark palette.

#include "charts/chart_colors.h"
#include "charts/time_cost_chart.h"
#include "document/default_scenario.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"
#include "units/format.h"

#include <QImage>
#include <QPainter>
#include <QtTest>

using namespace accelplan;
using namespace accelplan::ui;

namespace {

// How many pixels differ from the top-left one (the background).
int inkedPixels(const QImage &image) {
    const QRgb background = image.pixel(0, 0);
    int n = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            n += image.pixel(x, y) != background ? 1 : 0;
    return n;
}

QByteArray head(const QString &path, int n) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(n) : QByteArray();
}

} // namespace

class TestChartView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        test::isolateUserFiles();
        catalog_ = test::shippedCatalog();
        analysis_ = analyzeFully(defaultScenario(), catalog_);
    }

    void drawsWithoutBeingShown() {
        TimeCostChart chart;
        chart.setAnalysis(analysis_);
        QVERIFY(!chart.isVisible());
        const QImage pixmap = chart.renderPixmap(QSize(800, 500)).toImage();
        QCOMPARE(pixmap.size(), QSize(800, 500));
        QVERIFY(inkedPixels(pixmap) > 2000);

        QImage page(1000, 700, QImage::Format_ARGB32);
        page.fill(Qt::white);
        {
            QPainter painter(&page);
            chart.paint(painter, QRectF(100, 100, 600, 400), QSize(900, 600));
        }
        QVERIFY(inkedPixels(page) > 1000);
        // Nothing outside the target rectangle.
        QCOMPARE(inkedPixels(page.copy(0, 0, 1000, 90)), 0);
        QCOMPARE(inkedPixels(page.copy(0, 510, 1000, 190)), 0);
    }

    void exportsPngPdfAndSvg() {
        TimeCostChart chart;
        chart.setAnalysis(analysis_);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("c.png"));
        const QString pdf = dir.filePath(QStringLiteral("c.pdf"));
        const QString svg = dir.filePath(QStringLiteral("c.svg"));
        QVERIFY(chart.exportPng(png));
        QVERIFY(chart.exportPdf(pdf));
        QVERIFY(chart.exportSvg(svg));
        QCOMPARE(head(png, 4), QByteArray("\x89PNG"));
        QCOMPARE(head(pdf, 5), QByteArray("%PDF-"));
        const QByteArray svgText = test::readFile(svg);
        QVERIFY(svgText.contains("<svg"));
        // Vector output: the axis label is text, not pixels.
        QVERIFY(svgText.contains("Time to train"));
        QCOMPARE(QImage(png).size(), ChartView::kDefaultExportSize * 2);
    }

    void hoverOverABarGivesItsExactValues() {
        TimeCostChart chart;
        chart.resize(1000, 600);
        chart.setAnalysis(analysis_);
        chart.replot(QCustomPlot::rpImmediateRefresh);
        QCPBars *bar = nullptr;
        for (int i = 0; i < chart.plottableCount() && !bar; ++i)
            bar = qobject_cast<QCPBars *>(chart.plottable(i));
        QVERIFY(bar);
        const QCPBarsData &d = *bar->data()->begin();
        const QPointF centre(bar->valueAxis()->coordToPixel(d.value / 2),
                             bar->keyAxis()->coordToPixel(d.key));
        const QString tip = chart.hoverText(centre);
        const CandidateResult &r = analysis_.evaluation.results[0];
        QVERIFY2(tip.contains(QStringLiteral("H100")), qPrintable(tip));
        QVERIFY2(
            tip.contains(QString::fromStdString(units::format(r.training->timeToTrain.nominal))),
            qPrintable(tip));
        QVERIFY(chart.hoverText(QPointF(2, 2)).isEmpty());
    }

    void darkPaletteRedrawsInDarkColours() {
        TimeCostChart chart;
        chart.setAnalysis(analysis_);
        QPalette dark = chart.palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        chart.setPalette(dark);
        const QImage drawn = chart.renderPixmap(QSize(400, 300)).toImage();
        QCOMPARE(QColor(drawn.pixel(2, 2)), QColor(30, 30, 30));
        QCPBars *bar = qobject_cast<QCPBars *>(chart.plottable(0));
        QVERIFY(bar);
        QCOMPARE(bar->brush().color(), candidateColor(analysis_, 0, true));
        QVERIFY(candidateColor(analysis_, 0, true) != candidateColor(analysis_, 0, false));
    }

    void vendorsKeepTheirColourAndShadesTellChipsApart() {
        QCOMPARE(vendorColor(QStringLiteral("NVIDIA"), false),
                 vendorColor(QStringLiteral("NVIDIA"), false));
        QVERIFY(vendorColor(QStringLiteral("NVIDIA"), false) !=
                vendorColor(QStringLiteral("AMD"), false));
        QCOMPARE(vendorColor(QStringLiteral("Intel (Habana)"), false),
                 vendorColor(QStringLiteral("Intel"), false));
        Scenario s = defaultScenario();
        s.candidates = {{"nvidia-h100-sxm5-80gb", 8, std::nullopt, {}},
                        {"nvidia-b200", 8, std::nullopt, {}}};
        const Analysis a = analyze(s, catalog_);
        QVERIFY(candidateColor(a, 0, false) != candidateColor(a, 1, false));
        QCOMPARE(candidateColor(a, 0, false).hue() / 20, candidateColor(a, 1, false).hue() / 20);
    }

private:
    std::shared_ptr<const Catalog> catalog_;
    Analysis analysis_;
};

QTEST_MAIN(TestChartView)
#include "test_chart_view.moc"
