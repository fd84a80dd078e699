// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/roofline_chart.h"

#include "charts/chart_colors.h"
#include "charts/drawn_candidates.h"
#include "inference/serving_model.h"
#include "support/text.h"
#include "workload/counts.h"

#include <algorithm>
#include <limits>

namespace accelplan::ui {

namespace {

constexpr double kTera = 1e12;

// A weight matrix product of m tokens by an h × h matrix: 2·m·h² FLOPs over the bytes of the
// input, the weights and the output, (2·m·h + h²) elements.
double matmulIntensity(double m, double h, double bytesPerElement) {
    return 2 * m * h / (bytesPerElement * (2 * m + h));
}

std::optional<OperatingPoint> trainingPoint(const Analysis &a, std::size_t i, const Chip &chip) {
    const CandidateResult &r = a.evaluation.results[i];
    if (!a.scenario.training || !r.training || !r.training->fits || r.training->mfu <= 0)
        return std::nullopt;
    const TrainingSettings &t = *a.scenario.training;
    const auto peak = chip.peakAt(t.precision);
    if (!peak)
        return std::nullopt;
    const double b = bytesPerElement(t.precision);
    double intensity = 0;
    if (const TransformerShape *shape = a.scenario.workload.transformer()) {
        const double tokens = static_cast<double>(r.training->parallelism.microbatch) * t.seqLen;
        intensity = matmulIntensity(tokens, shape->hidden, b);
    } else if (const GenericShape *g = a.scenario.workload.generic()) {
        const double perSample = g->activationBytesPerSample.value() + g->params * b;
        intensity = perSample > 0 ? g->forwardFlopsPerSample.value() *
                                        r.training->parallelism.microbatch / perSample
                                  : 0;
    }
    if (intensity <= 0)
        return std::nullopt;
    return OperatingPoint{
        i,         OperatingPoint::Kind::training,  candidateLabel(*a.catalog, r.chipId, r.count),
        intensity, r.training->mfu * peak->value(), peak->value()};
}

std::optional<OperatingPoint> servingPoint(const Analysis &a, std::size_t i, const Chip &chip) {
    const CandidateResult &r = a.evaluation.results[i];
    if (!a.scenario.inference || !r.inference || !r.inference->fits || r.count <= 0)
        return std::nullopt;
    const InferenceSettings &s = *a.scenario.inference;
    const auto peak = chip.peakAt(s.mathPrecision());
    if (!peak)
        return std::nullopt;
    const double b = servingBytesPerWeight(s.precision); // the weights', whatever the math's
    const double replicas = std::max(1, r.inference->parallelism.dp);
    const double batch = std::max(1.0, r.inference->batch / replicas); // per replica
    const double weightBytes = parameterCount(a.scenario.workload) * b;
    const TransformerShape *shape = a.scenario.workload.transformer();
    if (shape && !shape->encoderOnly && r.inference->throughputTokensPerSecond > 0 &&
        s.phase != InferencePhase::prefill) {
        // One decode step reads every weight once and each request's cache.
        const int context = s.inputTokens + s.outputTokens / 2;
        const double flopsPerToken = forwardFlopsPerToken(*shape, context).value();
        const double kvBytes =
            batch * context * kvCacheBytesPerToken(*shape, servingKvPrecision(s)).value();
        const double intensity = batch * flopsPerToken / (weightBytes + kvBytes);
        const double achieved = r.inference->throughputTokensPerSecond * flopsPerToken / r.count;
        return OperatingPoint{i,
                              OperatingPoint::Kind::decode,
                              candidateLabel(*a.catalog, r.chipId, r.count),
                              intensity,
                              achieved,
                              peak->value()};
    }
    const GenericShape *g = a.scenario.workload.generic();
    if (!g || r.inference->throughputSamplesPerSecond <= 0)
        return std::nullopt;
    const double flops = inferenceFlopsPerSample(*g).value();
    const double bytes = weightBytes + batch * g->activationBytesPerSample.value();
    if (bytes <= 0)
        return std::nullopt;
    return OperatingPoint{i,
                          OperatingPoint::Kind::serving,
                          candidateLabel(*a.catalog, r.chipId, r.count),
                          batch * flops / bytes,
                          r.inference->throughputSamplesPerSecond * flops / r.count,
                          peak->value()};
}

QString kindName(OperatingPoint::Kind kind) {
    switch (kind) {
    case OperatingPoint::Kind::training: return QObject::tr("Training");
    case OperatingPoint::Kind::decode: return QObject::tr("Serving (decode)");
    case OperatingPoint::Kind::serving: return QObject::tr("Serving");
    }
    return {};
}

} // namespace

RooflineData rooflineData(const Analysis &a) {
    RooflineData d;
    // The roof of each precision the scenario computes in: training's, then serving's.
    std::vector<Precision> precisions;
    if (a.scenario.training)
        precisions.push_back(a.scenario.training->precision);
    if (a.scenario.inference &&
        (precisions.empty() || precisions.front() != a.scenario.inference->mathPrecision()))
        precisions.push_back(a.scenario.inference->mathPrecision());
    const DrawnCandidates drawn(a);
    for (std::size_t i = 0; i < a.evaluation.results.size(); ++i) {
        const Chip *chip = a.chipOf(i);
        if (!chip || !drawn.contains(i))
            continue;
        for (Precision precision : precisions) {
            const bool known = std::any_of(d.roofs.begin(), d.roofs.end(), [&](const Roof &r) {
                return r.chipId == chip->id && r.precision == precision;
            });
            const auto peak = chip->peakAt(precision);
            if (!known && peak && chip->memoryBandwidth)
                d.roofs.push_back({chip->id, i, chipLabel(*a.catalog, chip->id), precision,
                                   peak->value(), chip->memoryBandwidth->value()});
        }
        if (auto p = trainingPoint(a, i, *chip))
            d.points.push_back(*p);
        if (auto p = servingPoint(a, i, *chip))
            d.points.push_back(*p);
    }
    return d;
}

RooflineChart::RooflineChart(QWidget *parent) : ChartView(parent) {
    setObjectName(QStringLiteral("rooflineChart"));
    setTitle(tr("Roofline"));
}

void RooflineChart::build(const Analysis &a) {
    data_ = rooflineData(a);
    std::vector<Precision> precisions;
    for (const Roof &r : data_.roofs)
        if (std::find(precisions.begin(), precisions.end(), r.precision) == precisions.end())
            precisions.push_back(r.precision);
    const QString precision =
        precisions.size() == 2 ? tr("%1 (solid) and %2 (dotted)")
                                     .arg(qs(toString(precisions[0])), qs(toString(precisions[1])))
                               : (precisions.empty() ? QString() : qs(toString(precisions[0])));
    setTitle(tr("Roofline at %1 with the workload's operating points").arg(precision));
    if (data_.roofs.empty()) {
        showEmpty(tr("No candidate chip has a known peak rate and memory bandwidth."));
        return;
    }
    double minI = 1, maxI = 1e4, minF = std::numeric_limits<double>::max(), maxF = 0;
    for (const Roof &r : data_.roofs) {
        maxF = std::max(maxF, r.peak);
        minF = std::min(minF, r.bandwidth * minI);
        maxI = std::max(maxI, r.ridge() * 10);
    }
    for (const OperatingPoint &p : data_.points) {
        minI = std::min(minI, p.intensity / 2);
        maxI = std::max(maxI, p.intensity * 2);
        minF = std::min(minF, p.achieved / 2);
    }
    minF = std::max(minF, maxF * 1e-5);
    QCPAxisRect *rect = addPanel();
    QCPLegend *legendBox = addLegendRow();
    QCPAxis *x = rect->axis(QCPAxis::atBottom);
    QCPAxis *y = rect->axis(QCPAxis::atLeft);
    setLogScale(x);
    setLogScale(y);
    x->setLabel(tr("Arithmetic intensity (FLOP per byte of memory traffic)"));
    y->setLabel(tr("Compute per chip (TFLOP/s)"));
    x->setRange(minI, maxI);
    y->setRange(minF / kTera, maxF / kTera * 2);
    for (QCPAxis *axis : {rect->axis(QCPAxis::atTop), rect->axis(QCPAxis::atRight)})
        axis->setScaleType(QCPAxis::stLogarithmic);
    rect->axis(QCPAxis::atTop)->setRange(x->range());
    rect->axis(QCPAxis::atRight)->setRange(y->range());

    for (const Roof &roof : data_.roofs) {
        const QColor color = candidateColor(a, roof.candidate, dark());
        auto *line = new QCPGraph(x, y);
        const bool primary = roof.precision == precisions.front();
        line->setName(roof.label);
        line->setPen(QPen(color, primary ? 2 : 1.5, primary ? Qt::SolidLine : Qt::DotLine));
        const double left = std::min(minI, roof.ridge()), right = std::max(maxI, roof.ridge());
        line->addData(left, roof.bandwidth * left / kTera);
        line->addData(roof.ridge(), roof.peak / kTera);
        line->addData(right, roof.peak / kTera);
        if (primary)
            line->addToLegend(legendBox);
        else
            line->removeFromLegend();
        const Roof r = roof;
        setTip(line, [r](int) {
            return tr("%1 at %2\nPeak %3, memory %4\nRidge at %5 FLOP/B")
                .arg(r.label, qs(toString(r.precision)), formatted(units::flopsPerSecond(r.peak)),
                     formatted(units::bytesPerSecond(r.bandwidth)), formattedNumber(r.ridge(), 3));
        });
    }
    for (const OperatingPoint &p : data_.points) {
        const QColor color = candidateColor(a, p.candidate, dark());
        auto *point = new QCPGraph(x, y);
        point->setLineStyle(QCPGraph::lsNone);
        const auto shape = p.kind == OperatingPoint::Kind::training ? QCPScatterStyle::ssCircle
                                                                    : QCPScatterStyle::ssTriangle;
        point->setScatterStyle(QCPScatterStyle(shape, QPen(textColor(), 1), color, 11));
        point->addData(p.intensity, p.achieved / kTera);
        point->removeFromLegend();
        setTip(point, [p](int) {
            return tr("%1 — %2\n%3 FLOP/B, %4 per chip (%5 of peak)")
                .arg(p.label, kindName(p.kind), formattedNumber(p.intensity, 3),
                     formatted(units::flopsPerSecond(p.achieved)),
                     qs(units::formatPercent(p.achieved / p.peak, 1)));
        });
    }
    // What the marker shapes mean, in neutral colours.
    for (auto kind : {OperatingPoint::Kind::training, OperatingPoint::Kind::decode}) {
        if (std::none_of(data_.points.begin(), data_.points.end(),
                         [&](const OperatingPoint &p) { return p.kind == kind; }))
            continue;
        auto *key = new QCPGraph(x, y);
        key->setLineStyle(QCPGraph::lsNone);
        key->setScatterStyle(QCPScatterStyle(kind == OperatingPoint::Kind::training
                                                 ? QCPScatterStyle::ssCircle
                                                 : QCPScatterStyle::ssTriangle,
                                             QPen(textColor(), 1), Qt::NoBrush, 9));
        key->setName(kindName(kind));
        key->addToLegend(legendBox);
    }
}

} // namespace accelplan::ui
