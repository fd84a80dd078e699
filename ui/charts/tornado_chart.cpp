// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/tornado_chart.h"

#include "charts/output_unit.h"
#include "support/text.h"

#include <algorithm>
#include <cmath>

namespace accelplan::ui {

namespace {

constexpr double kBarWidth = 0.6;

QString inputName(SensitivityInput input) {
    switch (input) {
    case SensitivityInput::efficiency: return QObject::tr("Efficiency");
    case SensitivityInput::price: return QObject::tr("Price");
    case SensitivityInput::work: return QObject::tr("Work");
    case SensitivityInput::chipCount: return QObject::tr("Chip count");
    case SensitivityInput::utilization: return QObject::tr("Utilisation");
    case SensitivityInput::electricity: return QObject::tr("Electricity");
    }
    return {};
}

} // namespace

TornadoData tornadoData(const Analysis &a) {
    TornadoData d;
    if (!a.sensitivity || a.sensitivityResult >= a.evaluation.results.size())
        return d;
    const Sensitivity &s = *a.sensitivity;
    d.candidate = a.sensitivityResult;
    const CandidateResult &r = a.evaluation.results[a.sensitivityResult];
    d.candidateLabel = candidateLabel(*a.catalog, r.chipId, r.count);
    d.byCost = s.baseCost && s.baseCost->value() > 0;
    if (!d.byCost && !(s.baseTime && s.baseTime->value() > 0))
        return d;
    d.base = d.byCost ? s.baseCost->value() : s.baseTime->value();
    // Serving's cost is per million outputs and its time per request: the base says so.
    const bool serving = s.focus == Focus::inference;
    d.baseText = d.byCost ? formatted(units::dollars(d.base)) : formatted(units::seconds(d.base));
    if (serving)
        d.baseText += QLatin1Char(' ') +
                      (d.byCost ? perMillionOutputs(a.scenario) : QObject::tr("per request"));
    for (const TornadoBar &bar : s.bars) {
        TornadoRow row;
        row.input = inputName(bar.input);
        row.lowSetting = qs(bar.lowSetting);
        row.highSetting = qs(bar.highSetting);
        if (bar.timeLow)
            row.timeLow = bar.timeLow->value();
        if (bar.timeHigh)
            row.timeHigh = bar.timeHigh->value();
        if (bar.costLow)
            row.costLow = bar.costLow->value();
        if (bar.costHigh)
            row.costHigh = bar.costHigh->value();
        const auto low = d.byCost ? row.costLow : row.timeLow;
        const auto high = d.byCost ? row.costHigh : row.timeHigh;
        if (!low || !high)
            continue; // an end that cannot run (does not fit at half the chips)
        row.lowChange = *low / d.base - 1;
        row.highChange = *high / d.base - 1;
        d.rows.push_back(row);
    }
    return d;
}

TornadoChart::TornadoChart(QWidget *parent) : ChartView(parent) {
    setObjectName(QStringLiteral("tornadoChart"));
    setTitle(tr("Sensitivity"));
}

void TornadoChart::build(const Analysis &a) {
    data_ = tornadoData(a);
    setTitle(data_.candidateLabel.isEmpty()
                 ? tr("Sensitivity: what moves the answer most")
                 : tr("Sensitivity of %1: what moves the %2 most")
                       .arg(data_.candidateLabel, data_.byCost ? tr("cost") : tr("time")));
    if (!a.sweepsDone) {
        showEmpty(tr("Computing the sensitivity…"));
        return;
    }
    if (data_.rows.empty()) {
        showEmpty(tr("No candidate runs, so nothing to vary."));
        return;
    }
    QStringList labels;
    double extent = 0.05;
    for (const TornadoRow &row : data_.rows) {
        labels << QStringLiteral("%1 (%2 / %3)").arg(row.input, row.lowSetting, row.highSetting);
        extent = std::max({extent, std::abs(row.lowChange), std::abs(row.highChange)});
    }
    QCPAxisRect *rect = addPanel();
    QCPLegend *legendBox = addLegendRow();
    QCPAxis *keyAxis = rect->axis(QCPAxis::atLeft);
    QCPAxis *valueAxis = rect->axis(QCPAxis::atBottom);
    setCategories(keyAxis, labels, true);
    rect->axis(QCPAxis::atRight)->setRange(keyAxis->range());
    valueAxis->setLabel(
        tr("Change in %1 from %2 (%)").arg(data_.byCost ? tr("cost") : tr("time"), data_.baseText));
    valueAxis->setRange(-extent * 100 * 1.15, extent * 100 * 1.15);
    valueAxis->grid()->setZeroLinePen(QPen(textColor(), 1));

    const QColor lowColor = dark() ? QColor(0x6fa8ff) : QColor(0x1a66d2);
    const QColor highColor = dark() ? QColor(0xffab40) : QColor(0xd66a00);
    const auto series = [&](const QString &name, const QColor &color, bool high) {
        auto *bars = new QCPBars(keyAxis, valueAxis);
        bars->setName(name);
        bars->setWidth(kBarWidth);
        bars->setPen(QPen(color.darker(130), 1));
        bars->setBrush(color);
        for (std::size_t i = 0; i < data_.rows.size(); ++i)
            bars->addData(static_cast<double>(i),
                          100 * (high ? data_.rows[i].highChange : data_.rows[i].lowChange));
        bars->addToLegend(legendBox);
        const TornadoData d = data_;
        setTip(bars, [d, high](int i) {
            const TornadoRow &row = d.rows[static_cast<std::size_t>(i)];
            const auto cost = high ? row.costHigh : row.costLow;
            const auto time = high ? row.timeHigh : row.timeLow;
            QString text =
                QStringLiteral("%1 at %2").arg(row.input, high ? row.highSetting : row.lowSetting);
            if (time)
                text += tr("\nTime: %1").arg(formatted(units::seconds(*time)));
            if (cost)
                text += tr("\nCost: %1").arg(formatted(units::dollars(*cost)));
            text += tr("\n%1 %2 %")
                        .arg(d.byCost ? tr("Cost change") : tr("Time change"))
                        .arg(formattedNumber(100 * (high ? row.highChange : row.lowChange), 3));
            return text;
        });
    };
    series(tr("Input low"), lowColor, false);
    series(tr("Input high"), highColor, true);
}

} // namespace accelplan::ui
