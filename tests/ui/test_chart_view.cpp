// SPDX-License-Identifier: GPL-3.0-or-later
// What every chart shares, exercised on chart 1: drawn without being shown (onto a pixmap and
// onto any painter, as the PDF report does), exported as PNG, PDF and SVG, tooltips with
// exact values where the pointer is over a bar, and colours that follow a dark palette.

#include "charts/chart_colors.h"
#include "charts/drawn_candidates.h"
#include "charts/latency_chart.h"
#include "charts/memory_chart.h"
#include "charts/pareto_chart.h"
#include "charts/roofline_chart.h"
#include "charts/scaling_chart.h"
#include "charts/time_cost_chart.h"
#include "document/default_scenario.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"
#include "support/text.h"
#include "units/format.h"

#include <QImage>
#include <QPainter>
#include <QtTest>

#include <algorithm>

#include <cmath>

#include <array>

#include <set>

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

// The chart's lines of text (title, subtitles, messages).
QStringList texts(QCustomPlot &chart) {
    QStringList out;
    for (QCPLayoutElement *element : chart.plotLayout()->elements(true))
        if (auto *text = qobject_cast<QCPTextElement *>(element))
            out << text->text();
    return out;
}

int legendEntries(QCustomPlot &chart) {
    int n = 0;
    for (QCPLayoutElement *element : chart.plotLayout()->elements(true))
        if (auto *legend = qobject_cast<QCPLegend *>(element))
            n += legend->itemCount();
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
        // The markers differ too, for print and colour-blind readers; one chip at another
        // count keeps its colour and marker.
        QVERIFY(candidateShape(a, 0) != candidateShape(a, 1));
        Scenario three = s;
        three.candidates.push_back({"nvidia-h100-sxm5-80gb", 16, std::nullopt, {}});
        const Analysis b = analyze(three, catalog_);
        QCOMPARE(candidateColor(b, 2, false), candidateColor(b, 0, false));
        QVERIFY(candidateShape(b, 2) == candidateShape(b, 0));
    }

    // Protanopia and deuteranopia as Machado, Oliveira and Fernandes (2009) simulate them, at
    // full severity, on linear RGB: every two vendors stay apart by 15 CIELAB units or more
    // (about three times what one notices side by side), on light and dark backgrounds.
    void vendorsStayApartForColourBlindReaders() {
        using Matrix = std::array<std::array<double, 3>, 3>;
        const Matrix protan{{{0.152286, 1.052583, -0.204868},
                             {0.114503, 0.786281, 0.099216},
                             {-0.003882, -0.048116, 1.051998}}};
        const Matrix deutan{{{0.367322, 0.860646, -0.227968},
                             {0.280085, 0.672501, 0.047413},
                             {-0.011820, 0.042940, 0.968881}}};
        const auto linear = [](double c) {
            return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
        };
        const auto lab = [&](const QColor &color, const Matrix *m) {
            std::array<double, 3> rgb{linear(color.redF()), linear(color.greenF()),
                                      linear(color.blueF())};
            if (m) {
                std::array<double, 3> seen{};
                for (int i = 0; i < 3; ++i)
                    seen[i] = std::clamp(
                        (*m)[i][0] * rgb[0] + (*m)[i][1] * rgb[1] + (*m)[i][2] * rgb[2], 0.0, 1.0);
                rgb = seen;
            }
            const double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.9505;
            const double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
            const double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.089;
            const auto f = [](double t) {
                return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116;
            };
            return std::array<double, 3>{116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
        };
        const QStringList vendors{
            QStringLiteral("NVIDIA"), QStringLiteral("AMD"),   QStringLiteral("Google"),
            QStringLiteral("Huawei"), QStringLiteral("Intel"), QStringLiteral("AWS"),
            QStringLiteral("Apple"),  QStringLiteral("Groq"),  QStringLiteral("Cerebras")};
        for (const bool dark : {false, true})
            for (const Matrix *m : {static_cast<const Matrix *>(nullptr), &protan, &deutan})
                for (qsizetype i = 0; i < vendors.size(); ++i)
                    for (qsizetype j = i + 1; j < vendors.size(); ++j) {
                        const auto a = lab(vendorColor(vendors[i], dark), m);
                        const auto b = lab(vendorColor(vendors[j], dark), m);
                        const double apart = std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
                        QVERIFY2(apart >= 15, qPrintable(QStringLiteral("%1 and %2: %3 apart")
                                                             .arg(vendors[i], vendors[j])
                                                             .arg(apart)));
                    }
    }

    // Many candidates: each per-candidate chart draws the best-ranked of each chip (a legend of
    // thousands took minutes and showed nothing), says so, and keeps its bars on its rows.
    void manyCandidatesDrawTheBestOfEachChipAndSayWhich() {
        Scenario s = defaultScenario();
        s.candidates.clear();
        for (const Chip &chip : catalog_->chips)
            if (chip.chipClass == ChipClass::datacenter && s.candidates.size() < 60)
                for (int count : {8, 16, 32})
                    s.candidates.push_back({chip.id, count, std::nullopt, {}});
        const Analysis a = analyzeFully(s, catalog_);
        const DrawnCandidates drawn(a);
        QCOMPARE(drawn.shown(), kMaxDrawnCandidates);
        QVERIFY(!drawn.all());
        const QString note =
            QStringLiteral("12 of %1 candidates are drawn").arg(s.candidates.size());

        const TimeCostData rows = timeCostData(a);
        QCOMPARE(rows.rows.size(), kMaxDrawnCandidates);
        std::set<QString> chips;
        for (const TimeCostRow &row : rows.rows)
            chips.insert(chipLabel(*a.catalog, a.scenario.candidates[row.candidate].chipId));
        QCOMPARE(chips.size(), kMaxDrawnCandidates);        // one each of the 12 best chips
        for (const Score &score : a.recommendation.ranking) // the winner is among them
            if (score.eligible()) {
                QVERIFY(drawn.contains(score.result));
                break;
            }

        TimeCostChart timeCost;
        MemoryChart memory;
        LatencyChart latency;
        ParetoChart pareto;
        ScalingChart scaling;
        RooflineChart roofline;
        for (ChartView *chart : std::initializer_list<ChartView *>{&timeCost, &memory, &latency,
                                                                   &pareto, &scaling, &roofline}) {
            chart->setAnalysis(a);
            QVERIFY2(!chart->isEmpty(), qPrintable(chart->objectName()));
            QVERIFY2(texts(*chart).join(u'\n').contains(note), qPrintable(chart->objectName()));
            QVERIFY2(legendEntries(*chart) <= static_cast<int>(kMaxDrawnCandidates) + 8,
                     qPrintable(chart->objectName()));
        }
        // Bars sit on their rows (0 to 11), not at their candidate's position in the scenario.
        for (int i = 0; i < timeCost.plottableCount(); ++i)
            if (auto *bars = qobject_cast<QCPBars *>(timeCost.plottable(i)))
                for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
                    QVERIFY(it->key >= 0 && it->key < kMaxDrawnCandidates);
        QCOMPARE(memoryData(a).panels.front().rows.size(), kMaxDrawnCandidates);
        QVERIFY(latencyData(a).series.size() <= kMaxDrawnCandidates);
        QVERIFY(scalingData(a).series.size() <= kMaxDrawnCandidates);
    }

private:
    std::shared_ptr<const Catalog> catalog_;
    Analysis analysis_;
};

QTEST_MAIN(TestChartView)
#include "test_chart_view.moc"
