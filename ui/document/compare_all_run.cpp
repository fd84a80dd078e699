// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/compare_all_run.h"

#include "plan/count_search.h"

#include <QMetaObject>

#include <utility>

namespace accelplan::ui {
namespace {

QString chipName(const Catalog &catalog, const Candidate &base) {
    const Chip *chip = catalog.findChip(base.chipId);
    QString name = QString::fromStdString(chip ? chip->name : base.chipId);
    if (base.role == Role::training)
        return CompareAllRun::tr("%1 (training)").arg(name);
    if (base.role == Role::serving)
        return CompareAllRun::tr("%1 (serving)").arg(name);
    return name;
}

} // namespace

CompareAllRun::CompareAllRun(QObject *parent)
    : QObject(parent), cancel_(std::make_shared<std::atomic<bool>>(false)) {
    pool_.setMaxThreadCount(1);
}

CompareAllRun::~CompareAllRun() {
    cancel_->store(true);
    pool_.waitForDone();
}

void CompareAllRun::waitForIdle() { pool_.waitForDone(); }

void CompareAllRun::cancel() {
    if (!running_)
        return;
    cancel_->store(true);
    running_ = false;
    ++generation_; // what the stopped run still sends is not wanted
    emit cancelled();
}

void CompareAllRun::start(const Scenario &scenario, std::shared_ptr<const Catalog> catalog,
                          std::vector<Candidate> bases, int maxChips) {
    cancel();
    // Each run has its own flag: the old run's stays set while it winds down.
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    running_ = true;
    const quint64 generation = ++generation_;
    auto stop = cancel_;
    const int total = static_cast<int>(bases.size());
    emit progress(0, total, bases.empty() ? QString() : chipName(*catalog, bases.front()));
    pool_.start([this, scenario, catalog, bases = std::move(bases), maxChips, stop, generation,
                 total] {
        Evaluation evaluation;
        evaluation.scenarioName = scenario.name;
        evaluation.catalogVersion = catalog->dataVersion;
        for (int i = 0; i < total; ++i) {
            if (stop->load())
                return;
            evaluation.results.push_back(searchBestCount(scenario, *catalog, bases[i], maxChips));
            const QString next = i + 1 < total ? chipName(*catalog, bases[i + 1]) : QString();
            QMetaObject::invokeMethod(
                this,
                [this, generation, i, total, next] {
                    if (generation == generation_)
                        emit progress(i + 1, total, next);
                },
                Qt::QueuedConnection);
        }
        if (stop->load())
            return;
        std::shared_ptr<const Analysis> analysis =
            std::make_shared<Analysis>(analyzeEvaluation(scenario, catalog, std::move(evaluation)));
        QMetaObject::invokeMethod(
            this,
            [this, generation, analysis] {
                if (generation != generation_)
                    return;
                running_ = false;
                emit finished(analysis);
            },
            Qt::QueuedConnection);
    });
}

} // namespace accelplan::ui
