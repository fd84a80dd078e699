// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Computes a scenario's Analysis off the UI thread. Each request gets a generation number;
// a request overtaken by a newer one is skipped before it starts, and a result that arrives
// after a newer request is dropped, so that the window only ever shows the latest scenario.
// Work runs on one background thread in two parts: the evaluation first (fast), then the
// chip-count sweeps (slower), each delivered as soon as it is done.

#include "plan/analysis.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <utility>

namespace accelplan::ui {

class Recompute : public QObject {
    Q_OBJECT
public:
    explicit Recompute(std::shared_ptr<const Catalog> catalog, QObject *parent = nullptr);
    ~Recompute() override;

    const std::shared_ptr<const Catalog> &catalog() const { return catalog_; }
    // Requests from now on use `catalog` (after the catalog editor saved a change).
    void setCatalog(std::shared_ptr<const Catalog> catalog) { catalog_ = std::move(catalog); }
    // The latest complete result (null before the first one).
    const std::shared_ptr<const Analysis> &latest() const { return latest_; }
    bool isBusy() const { return pending_ > 0; }
    // Waits for the background thread to go idle; for tests and the benchmark.
    void waitForIdle();

public slots:
    void request(const accelplan::Scenario &scenario);

signals:
    // What is being computed now, in words for the status bar.
    void progress(const QString &what);
    // The evaluation and recommendation for the latest request (sweeps not yet done).
    void evaluated(std::shared_ptr<const accelplan::Analysis> analysis);
    // The same with the chip-count sweeps added.
    void completed(std::shared_ptr<const accelplan::Analysis> analysis);

private:
    void deliver(quint64 generation, std::shared_ptr<const Analysis> analysis, bool complete,
                 qint64 elapsedMs);

    std::shared_ptr<const Catalog> catalog_;
    std::shared_ptr<std::atomic<quint64>> generation_;
    std::shared_ptr<const Analysis> latest_;
    QThreadPool pool_;
    int pending_ = 0; // requests whose result has not been delivered or dropped
};

} // namespace accelplan::ui
