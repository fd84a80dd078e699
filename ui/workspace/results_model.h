// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The results table's model: one row per candidate, the columns the scenario asks for
// (training, inference, spend). Cells show numbers with units; the sort role holds the plain
// number so that "2 h" sorts before "3 days"; the CSV role holds the number in the unit the
// CSV header names.

#include "plan/analysis.h"

#include <QAbstractTableModel>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace accelplan::ui {

class ResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1, CsvRole };

    enum class Column {
        rank,
        chip,
        count,
        offering,
        trainFits,
        timeToTrain,
        timeRange,
        trainingCost,
        mfu,
        layout,
        trainMemory,
        energy,
        co2,
        inferFits,
        batch,
        ttft,
        tpot,
        throughput,
        latency,
        realTime,
        requestEnergy,
        costPerMillion,
        monthlyCost,
        inferMemory,
        problems,
    };

    explicit ResultsModel(QObject *parent = nullptr);

    // A column's name that stays across versions, for the settings ("time_to_train_s"), and back.
    static QString keyOf(Column c);
    static std::optional<Column> columnFromKey(const QString &key);

    void setAnalysis(std::shared_ptr<const Analysis> analysis);
    const Analysis *analysis() const { return analysis_.get(); }
    const std::vector<Column> &columns() const { return columns_; }
    int columnOf(Column c) const; // -1 when not shown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The rows (all when `rows` is empty) as CSV: a header line naming each column's unit,
    // then plain numbers, as spreadsheets read them.
    QString toCsv(const std::vector<int> &rows = {}) const;

private:
    QVariant display(int row, Column c) const;
    QVariant number(int row, Column c) const;
    std::vector<Column> columnsFor(const Analysis &analysis) const;
    // A duration in `c`'s shared unit, so the rows of one column compare at a glance.
    QString duration(Column c, double seconds) const;
    // The seconds each duration column picks its unit for: the median of its values.
    void chooseDurationUnits();

    std::shared_ptr<const Analysis> analysis_;
    std::vector<Column> columns_;
    std::vector<int> rank_; // per row: 1-based rank, 0 when excluded
    std::map<Column, double> durationUnitFor_;
};

} // namespace accelplan::ui
