// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/results_model.h"

#include "evaluation/layout_text.h"
#include "inference/generic_serving.h"
#include "io/csv.h"
#include "support/shown_currency.h"
#include "support/text.h"
#include "workload/presets.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <cmath>
#include <limits>

namespace accelplan::ui {

namespace {

using Column = ResultsModel::Column;

struct ColumnInfo {
    const char *title;    // long titles on two lines: the overview fits a 1280-pixel window
    const char *csvTitle; // with the unit of the CSV numbers
    const char *tip;
};

ColumnInfo infoOf(Column c) {
    switch (c) {
    case Column::rank: return {"#", "rank", "Rank under the scenario's goal; – when ruled out"};
    case Column::chip: return {"Chip", "chip", ""};
    case Column::count: return {"Chips", "chips", "Number of chips"};
    case Column::offering: return {"Offering", "offering", "Where the chips are rented"};
    case Column::trainFits: return {"Trains", "training_fits", "Whether training fits"};
    case Column::timeToTrain: return {"Time to\ntrain", "time_to_train_s", ""};
    case Column::timeRange: return {"Range", "time_to_train_range_s", "Uncertainty of the time"};
    case Column::trainingCost: return {"Training\ncost", "training_cost_usd", ""};
    case Column::mfu: return {"MFU", "mfu", "Model FLOPs utilisation"};
    case Column::layout: return {"Layout", "layout", "Parallel layout the search chose"};
    case Column::trainMemory: return {"Memory/chip\n(train)", "training_memory_per_chip_bytes", ""};
    case Column::energy: return {"Energy", "energy_kwh", "Energy of the training run"};
    case Column::co2: return {"CO₂", "co2_kg", "Emissions of the training run"};
    case Column::inferFits: return {"Serves", "inference_fits", "Whether serving fits"};
    case Column::batch: return {"Batch", "batch", "Requests in flight"};
    case Column::ttft: return {"TTFT", "ttft_s", "Time to first token"};
    case Column::tpot: return {"TPOT", "tpot_s", "Time per output token"};
    case Column::throughput:
        return {"Throughput", "throughput_per_s", "Output tokens (or samples) per second"};
    case Column::latency: return {"Latency", "latency_s", "One request from start to end"};
    case Column::realTime:
        return {"Real-time\nfactor", "real_time_factor",
                "Time to transcribe over the audio's length: below 1 keeps up with speech"};
    case Column::requestEnergy:
        return {"Energy/\nrequest", "energy_per_request_j",
                "Energy at the wall for one request (no PUE on an edge device)"};
    case Column::costPerMillion:
        return {"$/M\ntokens", "cost_per_million_usd", "Per million output tokens (or samples)"};
    case Column::monthlyCost:
        return {"Monthly", "monthly_cost_usd", "The fleet around the clock for a month"};
    case Column::inferMemory:
        return {"Memory/chip\n(serve)", "inference_memory_per_chip_bytes", ""};
    case Column::problems: return {"Problems", "problems", ""};
    }
    return {"", "", ""};
}

QString yesNo(bool v) { return v ? QObject::tr("yes") : QObject::tr("no"); }

} // namespace

ResultsModel::ResultsModel(QObject *parent) : QAbstractTableModel(parent) {}

QString ResultsModel::keyOf(Column c) { return QLatin1String(infoOf(c).csvTitle); }

std::optional<Column> ResultsModel::columnFromKey(const QString &key) {
    for (int i = 0; i <= static_cast<int>(Column::problems); ++i)
        if (keyOf(static_cast<Column>(i)) == key)
            return static_cast<Column>(i);
    return std::nullopt;
}

void ResultsModel::setAnalysis(std::shared_ptr<const Analysis> analysis) {
    const std::vector<Column> columns = analysis ? columnsFor(*analysis) : std::vector<Column>{};
    const bool sameShape =
        analysis_ && analysis && columns == columns_ &&
        analysis->evaluation.results.size() == analysis_->evaluation.results.size();
    if (!sameShape)
        beginResetModel();
    analysis_ = std::move(analysis);
    columns_ = columns;
    rank_.assign(analysis_ ? analysis_->evaluation.results.size() : 0, 0);
    if (analysis_) {
        int rank = 0;
        for (const Score &s : analysis_->recommendation.ranking)
            if (s.eligible() && s.result < rank_.size())
                rank_[s.result] = ++rank;
    }
    chooseDurationUnits();
    if (sameShape)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    else
        endResetModel();
}

void ResultsModel::chooseDurationUnits() {
    durationUnitFor_.clear();
    if (!analysis_)
        return;
    std::map<Column, std::vector<double>> values;
    for (const CandidateResult &r : analysis_->evaluation.results) {
        if (r.training && r.training->fits)
            values[Column::timeToTrain].push_back(r.training->timeToTrain.nominal.value());
        if (r.inference && r.inference->fits) {
            values[Column::ttft].push_back(r.inference->ttft.value());
            values[Column::tpot].push_back(r.inference->tpot.value());
            values[Column::latency].push_back(r.inference->latency.value());
        }
    }
    for (auto &[column, v] : values) {
        std::erase_if(v, [](double x) { return !(x > 0) || !std::isfinite(x); });
        if (v.empty())
            continue;
        auto middle = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
        std::nth_element(v.begin(), middle, v.end());
        durationUnitFor_[column] = *middle;
    }
    if (const auto it = durationUnitFor_.find(Column::timeToTrain); it != durationUnitFor_.end())
        durationUnitFor_[Column::timeRange] = it->second;
}

QString ResultsModel::duration(Column c, double seconds) const {
    units::FormatOptions options;
    if (const auto it = durationUnitFor_.find(c); it != durationUnitFor_.end())
        options.durationUnitFor = it->second;
    return qs(units::formatMeasure(seconds, units::Measure::Time, options));
}

std::vector<Column> ResultsModel::columnsFor(const Analysis &a) const {
    std::vector<Column> out{Column::rank, Column::chip, Column::count, Column::offering};
    if (a.scenario.training)
        out.insert(out.end(),
                   {Column::trainFits, Column::timeToTrain, Column::timeRange, Column::trainingCost,
                    Column::mfu, Column::layout, Column::trainMemory, Column::energy, Column::co2});
    if (a.scenario.inference) {
        // The columns follow the model: TTFT and TPOT where text is generated, the real-time
        // factor for speech, energy per request where a chip's power is known.
        const Workload &w = a.scenario.workload;
        const TransformerShape *t = w.transformer();
        const bool speech = w.generic() && w.generic()->speech;
        out.insert(out.end(), {Column::inferFits, Column::batch});
        if ((t && !t->encoderOnly) || speech)
            out.insert(out.end(), {Column::ttft, Column::tpot});
        out.insert(out.end(), {Column::throughput, Column::latency});
        if (speech)
            out.push_back(Column::realTime);
        if (std::any_of(a.evaluation.results.begin(), a.evaluation.results.end(),
                        [](auto &r) { return r.inference && r.inference->energyPerRequest; }))
            out.push_back(Column::requestEnergy);
        out.insert(out.end(), {Column::costPerMillion, Column::monthlyCost, Column::inferMemory});
    }
    out.push_back(Column::problems);
    return out;
}

int ResultsModel::columnOf(Column c) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i] == c)
            return static_cast<int>(i);
    return -1;
}

int ResultsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() || !analysis_ ? 0
                                          : static_cast<int>(analysis_->evaluation.results.size());
}

int ResultsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 ||
        section >= static_cast<int>(columns_.size()))
        return QAbstractTableModel::headerData(section, orientation, role);
    const ColumnInfo info = infoOf(columns_[static_cast<std::size_t>(section)]);
    if (role == Qt::DisplayRole)
        return tr(info.title).replace(u'$', shownCurrencySign());
    if (role == Qt::ToolTipRole && *info.tip)
        return tr(info.tip);
    if (role == CsvRole)
        return QString::fromLatin1(info.csvTitle);
    return {};
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const {
    if (!analysis_ || !index.isValid() || index.row() >= rowCount() ||
        index.column() >= columnCount())
        return {};
    const int row = index.row();
    const Column c = columns_[static_cast<std::size_t>(index.column())];
    const CandidateResult &r = analysis_->evaluation.results[static_cast<std::size_t>(row)];
    switch (role) {
    case Qt::DisplayRole: return display(row, c);
    case SortRole: {
        const QVariant n = number(row, c);
        if (c == Column::rank && rank_[static_cast<std::size_t>(row)] == 0)
            return std::numeric_limits<int>::max();
        return n.isValid() ? n : display(row, c);
    }
    case CsvRole: {
        const QVariant n = number(row, c);
        return n.isValid() ? n : display(row, c);
    }
    case Qt::TextAlignmentRole:
        if (c == Column::chip || c == Column::offering || c == Column::layout ||
            c == Column::problems)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (rank_[static_cast<std::size_t>(row)] == 1) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (rank_[static_cast<std::size_t>(row)] == 0)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        for (const Score &s : analysis_->recommendation.ranking)
            if (s.result == static_cast<std::size_t>(row))
                for (const std::string &why : s.exclusions)
                    lines << tr("Ruled out: %1").arg(qs(why));
        for (const std::string &p : r.problems)
            lines << qs(p);
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
    }
    default: return {};
    }
}

QVariant ResultsModel::display(int row, Column c) const {
    const Analysis &a = *analysis_;
    const CandidateResult &r = a.evaluation.results[static_cast<std::size_t>(row)];
    const QString none = QStringLiteral("—");
    const TrainingResult *t = r.training && r.training->fits ? &*r.training : nullptr;
    const InferenceResult *i = r.inference && r.inference->fits ? &*r.inference : nullptr;
    const Chip *chip = a.catalog->findChip(r.chipId);
    switch (c) {
    case Column::rank: {
        const int rank = rank_[static_cast<std::size_t>(row)];
        return rank > 0 ? QString::number(rank) : QStringLiteral("–");
    }
    case Column::chip:
        // A candidate judged for one half says which: compare lists each chip once for each.
        if (r.role == accelplan::Role::training)
            return tr("%1 · training").arg(chipLabel(*a.catalog, r.chipId));
        if (r.role == accelplan::Role::serving)
            return tr("%1 · serving").arg(chipLabel(*a.catalog, r.chipId));
        return chipLabel(*a.catalog, r.chipId);
    case Column::count: return r.count;
    case Column::offering: {
        if (r.spend && r.spend->pricing == Pricing::owned)
            return tr("owned");
        return r.offering.empty() ? none : qs(r.offering);
    }
    case Column::trainFits: return r.training ? yesNo(r.training->fits) : none;
    case Column::timeToTrain: return t ? duration(c, t->timeToTrain.nominal.value()) : none;
    case Column::timeRange:
        return t ? duration(c, t->timeToTrain.low.value()) + QStringLiteral(" – ") +
                       duration(c, t->timeToTrain.high.value())
                 : none;
    case Column::trainingCost:
        return t && r.spend && r.spend->trainingCost ? formatted(r.spend->trainingCost->nominal)
                                                     : none;
    case Column::mfu: return t ? qs(units::formatPercent(t->mfu, 1)) : none;
    case Column::layout: return t ? qs(layoutText(t->parallelism, LayoutUse::training)) : none;
    case Column::trainMemory:
        if (!r.training)
            return none;
        if (chip && chip->memory)
            return tr("%1 of %2")
                .arg(formatted(r.training->memory.total()), formatted(*chip->memory));
        return formatted(r.training->memory.total());
    case Column::energy: return t && t->energy.value() > 0 ? formatted(t->energy) : none;
    case Column::co2:
        return t && t->co2.value() > 0 ? tr("%1 kg").arg(formattedNumber(t->co2.value())) : none;
    case Column::inferFits: return r.inference ? yesNo(r.inference->fits) : none;
    case Column::batch: return i ? QVariant(i->batch) : QVariant(none);
    case Column::ttft: return i && i->ttft.value() > 0 ? duration(c, i->ttft.value()) : none;
    case Column::tpot: return i && i->tpot.value() > 0 ? duration(c, i->tpot.value()) : none;
    case Column::throughput:
        if (!i)
            return none;
        if (i->throughputTokensPerSecond > 0)
            return tr("%1 tok/s").arg(formattedNumber(i->throughputTokensPerSecond));
        return tr("%1 %2s/s")
            .arg(formattedNumber(i->throughputSamplesPerSecond),
                 qs(std::string(sampleNoun(a.scenario.workload))));
    case Column::latency: return i ? duration(c, i->latency.value()) : none;
    case Column::realTime:
        return i && realTimeFactor(*i, a.scenario.workload, *a.scenario.inference)
                   ? formattedNumber(
                         *realTimeFactor(*i, a.scenario.workload, *a.scenario.inference), 3)
                   : none;
    case Column::requestEnergy:
        return i && i->energyPerRequest ? formatted(*i->energyPerRequest) : none;
    case Column::costPerMillion:
        if (!i || !r.spend || !r.spend->fleetRate)
            return none;
        if (i->throughputTokensPerSecond > 0)
            return formatted(i->costPerMillionTokens);
        return r.spend->costPerMillionSamples ? formatted(*r.spend->costPerMillionSamples) : none;
    case Column::monthlyCost:
        // A training candidate of a scenario that also serves runs no fleet for months.
        if (a.scenario.inference && !r.inference)
            return none;
        return r.spend && r.spend->monthlyCost ? formatted(*r.spend->monthlyCost) : none;
    case Column::inferMemory:
        if (!r.inference)
            return none;
        if (chip && chip->memory)
            return tr("%1 of %2")
                .arg(formatted(r.inference->memory.total()), formatted(*chip->memory));
        return formatted(r.inference->memory.total());
    case Column::problems: {
        QStringList all;
        for (const std::string &p : r.problems)
            all << qs(p);
        return all.join(QStringLiteral("; "));
    }
    }
    return {};
}

// The plain number behind a cell (base units: s, $, bytes, kWh, kg); invalid for text cells.
QVariant ResultsModel::number(int row, Column c) const {
    const Analysis &a = *analysis_;
    const CandidateResult &r = a.evaluation.results[static_cast<std::size_t>(row)];
    const TrainingResult *t = r.training && r.training->fits ? &*r.training : nullptr;
    const InferenceResult *i = r.inference && r.inference->fits ? &*r.inference : nullptr;
    switch (c) {
    case Column::rank: return rank_[static_cast<std::size_t>(row)];
    case Column::count: return r.count;
    case Column::timeToTrain: return t ? QVariant(t->timeToTrain.nominal.value()) : QVariant();
    case Column::timeRange: return t ? QVariant(t->timeToTrain.high.value()) : QVariant();
    case Column::trainingCost:
        return t && r.spend && r.spend->trainingCost
                   ? QVariant(r.spend->trainingCost->nominal.value())
                   : QVariant();
    case Column::mfu: return t ? QVariant(t->mfu) : QVariant();
    case Column::trainMemory:
        return r.training ? QVariant(r.training->memory.total().value()) : QVariant();
    case Column::energy:
        return t ? QVariant(t->energy.value() / units::kJoulesPerKilowattHour) : QVariant();
    case Column::co2: return t ? QVariant(t->co2.value()) : QVariant();
    case Column::batch: return i ? QVariant(i->batch) : QVariant();
    case Column::ttft: return i ? QVariant(i->ttft.value()) : QVariant();
    case Column::tpot: return i ? QVariant(i->tpot.value()) : QVariant();
    case Column::throughput:
        return i ? QVariant(i->throughputTokensPerSecond > 0 ? i->throughputTokensPerSecond
                                                             : i->throughputSamplesPerSecond)
                 : QVariant();
    case Column::latency: return i ? QVariant(i->latency.value()) : QVariant();
    case Column::realTime:
        return i && realTimeFactor(*i, a.scenario.workload, *a.scenario.inference)
                   ? QVariant(*realTimeFactor(*i, a.scenario.workload, *a.scenario.inference))
                   : QVariant();
    case Column::requestEnergy:
        return i && i->energyPerRequest ? QVariant(i->energyPerRequest->value()) : QVariant();
    case Column::costPerMillion:
        if (!i || !r.spend || !r.spend->fleetRate)
            return {};
        if (i->throughputTokensPerSecond > 0)
            return i->costPerMillionTokens.value();
        return r.spend->costPerMillionSamples ? QVariant(r.spend->costPerMillionSamples->value())
                                              : QVariant();
    case Column::monthlyCost:
        if (a.scenario.inference && !r.inference)
            return {};
        return r.spend && r.spend->monthlyCost ? QVariant(r.spend->monthlyCost->value())
                                               : QVariant();
    case Column::inferMemory:
        return r.inference ? QVariant(r.inference->memory.total().value()) : QVariant();
    default: return {};
    }
}

QString ResultsModel::toCsv(const std::vector<int> &rows) const {
    QStringList header;
    for (int col = 0; col < columnCount(); ++col) {
        if (columns_[static_cast<std::size_t>(col)] == Column::timeRange)
            header << QStringLiteral("time_to_train_low_s")
                   << QStringLiteral("time_to_train_high_s");
        else
            header << headerData(col, Qt::Horizontal, CsvRole).toString();
    }
    QByteArray out = data::csvLine(header);
    std::vector<int> selected = rows;
    if (selected.empty())
        for (int row = 0; row < rowCount(); ++row)
            selected.push_back(row);
    for (int row : selected) {
        if (row < 0 || row >= rowCount())
            continue;
        const CandidateResult &r = analysis_->evaluation.results[static_cast<std::size_t>(row)];
        const bool fits = r.training && r.training->fits;
        QStringList cells;
        for (int col = 0; col < columnCount(); ++col) {
            const Column c = columns_[static_cast<std::size_t>(col)];
            if (c == Column::timeRange) {
                cells << (fits ? QString::number(r.training->timeToTrain.low.value(), 'g', 10)
                               : QString())
                      << (fits ? QString::number(r.training->timeToTrain.high.value(), 'g', 10)
                               : QString());
                continue;
            }
            if (c == Column::chip) {
                cells << qs(r.chipId);
                continue;
            }
            const QVariant n = number(row, c);
            if (n.isValid())
                cells << (n.typeId() == QMetaType::Double ? QString::number(n.toDouble(), 'g', 10)
                                                          : n.toString());
            else {
                const QString text = display(row, c).toString();
                cells << (text == QStringLiteral("—") ? QString() : text);
            }
        }
        out += data::csvLine(cells);
    }
    return QString::fromUtf8(out);
}

} // namespace accelplan::ui
