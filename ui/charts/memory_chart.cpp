// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/memory_chart.h"

#include "charts/axis_scale.h"
#include "charts/drawn_candidates.h"
#include "support/text.h"

#include <algorithm>

namespace accelplan::ui {

namespace {

constexpr double kBarWidth = 0.62;

std::array<double, kMemoryParts.size()> partsOf(const MemoryBreakdown &m) {
    return {m.weights.value(),     m.gradients.value(), m.optimizer.value(),
            m.activations.value(), m.kvCache.value(),   m.other.value()};
}

} // namespace

QString memoryPartName(MemoryPart part) {
    switch (part) {
    case MemoryPart::weights: return QObject::tr("Weights");
    case MemoryPart::gradients: return QObject::tr("Gradients");
    case MemoryPart::optimizer: return QObject::tr("Optimizer state");
    case MemoryPart::activations: return QObject::tr("Activations");
    case MemoryPart::kvCache: return QObject::tr("KV cache");
    case MemoryPart::other: return QObject::tr("Runtime and buffers");
    }
    return {};
}

MemoryData memoryData(const Analysis &a) {
    MemoryData d;
    const DrawnCandidates drawn(a);
    const auto panel = [&](const QString &title, bool training) {
        MemoryPanel p;
        p.title = title;
        for (std::size_t i = 0; i < a.evaluation.results.size(); ++i) {
            if (!drawn.contains(i))
                continue;
            const CandidateResult &r = a.evaluation.results[i];
            MemoryRow row;
            row.candidate = i;
            row.label = candidateLabel(*a.catalog, r.chipId, r.count);
            if (training && r.training) {
                row.bytes = partsOf(r.training->memory);
                row.fits = r.training->fits;
            } else if (!training && r.inference) {
                row.bytes = partsOf(r.inference->memory);
                row.fits = r.inference->fits;
            }
            for (double b : row.bytes)
                row.total += b;
            if (const Chip *chip = a.chipOf(i); chip && chip->memory)
                row.capacity = chip->memory->value();
            p.rows.push_back(row);
        }
        d.panels.push_back(std::move(p));
    };
    if (a.scenario.training)
        panel(QObject::tr("Training"), true);
    if (a.scenario.inference)
        panel(QObject::tr("Serving"), false);
    return d;
}

MemoryChart::MemoryChart(QWidget *parent) : ChartView(parent) {
    setObjectName(QStringLiteral("memoryChart"));
    setTitle(tr("Memory per chip"));
}

void MemoryChart::build(const Analysis &a) {
    data_ = memoryData(a);
    setTitle(tr("Memory per chip against capacity"));
    if (data_.panels.empty() || data_.panels.front().rows.empty()) {
        showEmpty(tr("No candidates, or neither training nor inference to size."));
        return;
    }
    double maxBytes = 0;
    for (const MemoryPanel &p : data_.panels)
        for (const MemoryRow &row : p.rows)
            maxBytes = std::max({maxBytes, row.total, row.capacity.value_or(0)});
    const AxisScale scale = memoryScale(maxBytes);
    QCPLegend *legendBox = nullptr;
    const int columns = static_cast<int>(data_.panels.size());
    std::vector<QCPAxisRect *> rects;
    for (int c = 0; c < columns; ++c)
        rects.push_back(addPanel(c));
    legendBox = addLegendRow();

    for (int c = 0; c < columns; ++c) {
        const MemoryPanel &panel = data_.panels[static_cast<std::size_t>(c)];
        QCPAxisRect *rect = rects[static_cast<std::size_t>(c)];
        QStringList labels;
        for (const MemoryRow &row : panel.rows)
            labels << row.label;
        QCPAxis *keyAxis = rect->axis(QCPAxis::atLeft);
        QCPAxis *valueAxis = rect->axis(QCPAxis::atBottom);
        setCategories(keyAxis, labels, c == 0);
        rect->axis(QCPAxis::atRight)->setRange(keyAxis->range());
        valueAxis->setLabel(tr("%1: memory per chip (%2)").arg(panel.title, scale.unit));
        valueAxis->setRange(0, scale.of(maxBytes) * 1.1);

        QCPBars *below = nullptr;
        for (std::size_t part = 0; part < kMemoryParts.size(); ++part) {
            auto *bars = new QCPBars(keyAxis, valueAxis);
            const QColor color = memoryPartColor(kMemoryParts[part], dark());
            bars->setWidth(kBarWidth);
            bars->setPen(QPen(color.darker(125), 0.8));
            bars->setBrush(color);
            bars->setStackingGap(0);
            for (std::size_t position = 0; position < panel.rows.size(); ++position)
                bars->addData(static_cast<double>(position),
                              scale.of(panel.rows[position].bytes[part]));
            if (below)
                bars->moveAbove(below);
            below = bars;
            bars->setName(memoryPartName(kMemoryParts[part]));
            bars->removeFromLegend();
            if (c == 0)
                bars->addToLegend(legendBox);
            const std::vector<MemoryRow> rows = panel.rows;
            const QString partName = memoryPartName(kMemoryParts[part]);
            const QString panelTitle = panel.title;
            setTip(bars, [rows, part, partName, panelTitle](int i) {
                const MemoryRow &row = rows[static_cast<std::size_t>(i)];
                QString text = QStringLiteral("%1 — %2\n%3: %4\nTotal: %5")
                                   .arg(row.label, panelTitle, partName,
                                        formatted(units::bytes(row.bytes[part])),
                                        formatted(units::bytes(row.total)));
                if (row.capacity)
                    text += tr(" of %1").arg(formatted(units::bytes(*row.capacity)));
                return text;
            });
        }
        // Capacity: a red line across each bar, a little taller than the bar (in plot
        // coordinates, so it follows the rows at any size).
        const QColor red = dark() ? QColor(0xff5252) : QColor(0xc62828);
        bool named = false;
        for (std::size_t position = 0; position < panel.rows.size(); ++position) {
            const MemoryRow &row = panel.rows[position];
            if (!row.capacity)
                continue;
            auto *capacity = new QCPGraph(keyAxis, valueAxis);
            capacity->setLineStyle(QCPGraph::lsLine);
            capacity->setPen(QPen(red, 2.5));
            const double key = static_cast<double>(position);
            const double half = kBarWidth / 2 + 0.08;
            capacity->addData(key - half, scale.of(*row.capacity));
            capacity->addData(key + half, scale.of(*row.capacity));
            capacity->setName(tr("Chip capacity"));
            capacity->removeFromLegend();
            if (c == 0 && !named) {
                capacity->addToLegend(legendBox);
                named = true;
            }
            setTip(capacity, [row](int) {
                return tr("%1\nCapacity: %2, used %3 (%4)")
                    .arg(row.label, formatted(units::bytes(*row.capacity)),
                         formatted(units::bytes(row.total)),
                         row.fits ? tr("fits") : tr("does not fit"));
            });
        }
    }
}

} // namespace accelplan::ui
