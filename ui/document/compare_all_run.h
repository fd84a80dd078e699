// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs "compare every chip" off the UI thread: each chip at its best count for the scenario
// (plan/count_search.h), one chip at a time, telling how far it got after each and stopping
// between chips when cancelled. The ranked result arrives as an Analysis, as the CLI's compare
// prints it.

#include "plan/analysis.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <vector>

namespace accelplan::ui {

class CompareAllRun : public QObject {
    Q_OBJECT
public:
    explicit CompareAllRun(QObject *parent = nullptr);
    // Cancels a run in progress and waits for it to stop (at most one chip's search).
    ~CompareAllRun() override;

    // Starts comparing `bases` (everyChip()) for `scenario`, each searched up to `maxChips`.
    // A run already going is cancelled first.
    void start(const Scenario &scenario, std::shared_ptr<const Catalog> catalog,
               std::vector<Candidate> bases, int maxChips);
    void cancel();
    bool isRunning() const { return running_; }
    // Waits for the background thread to go idle; for tests.
    void waitForIdle();

signals:
    // `done` of `total` searches finished; `current` names the chip searched next.
    void progress(int done, int total, const QString &current);
    void finished(std::shared_ptr<const accelplan::Analysis> analysis);
    void cancelled();

private:
    QThreadPool pool_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    quint64 generation_ = 0; // of the run whose signals are still wanted
    bool running_ = false;
};

} // namespace accelplan::ui
