// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/recompute.h"

#include <QMetaObject>

#include <utility>

namespace accelplan::ui {

namespace {

QString candidatesText(std::size_t n) {
    return n == 1 ? Recompute::tr("1 candidate") : Recompute::tr("%1 candidates").arg(n);
}

} // namespace

Recompute::Recompute(std::shared_ptr<const Catalog> catalog, QObject *parent)
    : QObject(parent), catalog_(std::move(catalog)),
      generation_(std::make_shared<std::atomic<quint64>>(0)) {
    // One thread: requests run in order and a newer one finds the older ones already skipped.
    pool_.setMaxThreadCount(1);
}

Recompute::~Recompute() {
    ++*generation_; // whatever is queued skips itself
    pool_.clear();
    pool_.waitForDone();
}

void Recompute::waitForIdle() { pool_.waitForDone(); }

void Recompute::request(const Scenario &scenario) {
    const quint64 generation = ++*generation_;
    ++pending_;
    emit progress(tr("Computing %1…").arg(candidatesText(scenario.candidates.size())));
    auto latestGeneration = generation_;
    auto catalog = catalog_;
    pool_.start([this, scenario, generation, latestGeneration, catalog] {
        QElapsedTimer timer;
        timer.start();
        if (latestGeneration->load() != generation) {
            QMetaObject::invokeMethod(
                this, [this] { --pending_; }, Qt::QueuedConnection);
            return;
        }
        auto analysis = std::make_shared<Analysis>(analyze(scenario, catalog));
        const qint64 evaluatedMs = timer.elapsed();
        std::shared_ptr<const Analysis> first = std::make_shared<Analysis>(*analysis);
        QMetaObject::invokeMethod(
            this,
            [this, generation, first, evaluatedMs] {
                deliver(generation, first, false, evaluatedMs);
            },
            Qt::QueuedConnection);
        if (latestGeneration->load() == generation)
            addCountSweeps(*analysis);
        if (latestGeneration->load() == generation)
            addSensitivityAndGrowth(*analysis);
        const qint64 totalMs = timer.elapsed();
        std::shared_ptr<const Analysis> full = std::move(analysis);
        QMetaObject::invokeMethod(
            this, [this, generation, full, totalMs] { deliver(generation, full, true, totalMs); },
            Qt::QueuedConnection);
    });
}

void Recompute::deliver(quint64 generation, std::shared_ptr<const Analysis> analysis, bool complete,
                        qint64 elapsedMs) {
    if (complete)
        --pending_;
    if (generation != generation_->load())
        return; // a newer request is on its way
    if (complete && !analysis->sweepsDone)
        return; // overtaken while sweeping (the newer result follows)
    latest_ = analysis;
    const QString n = candidatesText(analysis->scenario.candidates.size());
    if (complete) {
        emit progress(tr("Computed %1 and every chart in %2 ms").arg(n).arg(elapsedMs));
        emit completed(std::move(analysis));
    } else {
        emit progress(tr("Computed %1 in %2 ms; computing scaling, sensitivity and growth…")
                          .arg(n)
                          .arg(elapsedMs));
        emit evaluated(std::move(analysis));
    }
}

} // namespace accelplan::ui
