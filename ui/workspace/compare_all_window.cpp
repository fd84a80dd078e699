// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace/compare_all_window.h"

#include "plan/count_search.h"
#include "plan/ecosystem.h"
#include "support/filter_choices.h"
#include "support/text.h"
#include "units/format.h"
#include "workspace/results_table.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <set>

namespace accelplan::ui {
namespace {

// "Compare 60 chips", and when the scenario trains and serves, that each is searched twice.
QString comparisonsText(const std::vector<Candidate> &bases) {
    std::set<std::string> chips;
    bool bothHalves = false;
    for (const Candidate &c : bases) {
        chips.insert(c.chipId);
        bothHalves = bothHalves || c.role != Role::both;
    }
    const QString n = chips.size() == 1
                          ? CompareAllWindow::tr("Compare 1 chip")
                          : CompareAllWindow::tr("Compare %1 chips").arg(chips.size());
    return bothHalves ? CompareAllWindow::tr("%1 for training and for serving").arg(n) : n;
}

} // namespace

CompareAllWindow::CompareAllWindow(ScenarioDocument *document,
                                   std::shared_ptr<const Catalog> catalog, QWidget *parent)
    : QDialog(parent), document_(document), catalog_(std::move(catalog)) {
    setObjectName(QStringLiteral("compareAllWindow"));
    setWindowTitle(tr("Compare Every Chip"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(
        tr("Each chip of the catalog at its best count for this scenario, found by search and "
           "ranked by the scenario's goal. Narrow the chips with the filters; choose rows and "
           "add them to the candidates to study them in the workspace."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    kind_ = filterCombo(this, QStringLiteral("compareKind"), tr("All kinds"));
    vendor_ = filterCombo(this, QStringLiteral("compareVendor"), tr("All vendors"));
    chipClass_ = filterCombo(this, QStringLiteral("compareClass"), tr("All classes"));
    ecosystem_ = filterCombo(this, QStringLiteral("compareEcosystem"), tr("All ecosystems"));
    provider_ = filterCombo(this, QStringLiteral("compareProvider"), tr("Any provider"));
    kind_->setToolTip(tr("Only chips of this kind: GPU, TPU, NPU, CPU"));
    vendor_->setToolTip(tr("Only this vendor's chips"));
    chipClass_->setToolTip(tr("Only data-centre, workstation or edge chips"));
    ecosystem_->setToolTip(tr("Only chips programmed through this software ecosystem"));
    provider_->setToolTip(tr("Only chips this cloud provider rents"));
    maxChips_ = new QSpinBox(this);
    maxChips_->setObjectName(QStringLiteral("compareMaxChips"));
    maxChips_->setRange(1, kMaxChips);
    maxChips_->setValue(kDefaultMaxChips);
    maxChips_->setSuffix(tr(" chips"));
    maxChips_->setToolTip(tr("The most chips of one kind the search considers"));

    auto *filters = new QHBoxLayout;
    for (QWidget *w :
         std::initializer_list<QWidget *>{kind_, vendor_, chipClass_, ecosystem_, provider_})
        filters->addWidget(w);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("Up to"), this));
    filters->addWidget(maxChips_);
    filters->addStretch(1);
    layout->addLayout(filters);
    fillFilters();

    auto *runRow = new QHBoxLayout;
    compare_ = new QPushButton(this);
    compare_->setObjectName(QStringLiteral("compareButton"));
    compare_->setDefault(true);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setObjectName(QStringLiteral("compareCancel"));
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("compareProgress"));
    progress_->setTextVisible(true);
    runRow->addWidget(compare_);
    runRow->addWidget(progress_, 1);
    runRow->addWidget(cancel_);
    runRow->addStretch(0);
    layout->addLayout(runRow);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("compareStatus"));
    status_->setWordWrap(true);
    layout->addWidget(status_);

    results_ = new ResultsTable(this);
    results_->setObjectName(QStringLiteral("compareResults"));
    layout->addWidget(results_->createFocusBar(this));
    layout->addWidget(results_, 1);
    layout->setSpacing(4);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    add_ = buttons->addButton(tr("Add Selected to Candidates"), QDialogButtonBox::ActionRole);
    add_->setObjectName(QStringLiteral("addToCandidates"));
    add_->setEnabled(false);
    layout->addWidget(buttons);

    for (QComboBox *combo : {kind_, vendor_, chipClass_, ecosystem_, provider_})
        connect(combo, &QComboBox::currentIndexChanged, this, &CompareAllWindow::updateCount);
    connect(document_, &ScenarioDocument::scenarioChanged, this, [this] {
        updateCount();
        if (shown_ && !run_.isRunning())
            status_->setText(tr("The scenario has changed since this comparison: compare again "
                                "to follow it."));
    });
    connect(compare_, &QPushButton::clicked, this, &CompareAllWindow::compare);
    connect(cancel_, &QPushButton::clicked, this, &CompareAllWindow::cancel);
    connect(add_, &QPushButton::clicked, this, &CompareAllWindow::addSelectedToCandidates);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(&run_, &CompareAllRun::progress, this, &CompareAllWindow::showProgress);
    connect(&run_, &CompareAllRun::finished, this, &CompareAllWindow::showResult);
    connect(&run_, &CompareAllRun::cancelled, this, [this] {
        setRunning(false);
        status_->setText(tr("Cancelled: the table shows the last finished comparison."));
    });
    connect(results_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { add_->setEnabled(!results_->selectedSourceRows().empty()); });

    setRunning(false);
    updateCount();
    resize(1100, 640);
}

void CompareAllWindow::fillFilters() {
    setChoices(kind_, kindChoices());
    setChoices(vendor_, vendorChoices(*catalog_));
    setChoices(chipClass_, classChoices());
    setChoices(ecosystem_, ecosystemChoices());
    setChoices(provider_, providerChoices(*catalog_));
}

void CompareAllWindow::setCatalog(std::shared_ptr<const Catalog> catalog) {
    catalog_ = std::move(catalog);
    fillFilters();
    updateCount();
}

ChipFilter CompareAllWindow::filter() const {
    ChipFilter f;
    const auto text = [](const QComboBox *c) { return c->currentData().toString().toStdString(); };
    f.kind = chipKindFromString(text(kind_));
    f.vendor = text(vendor_);
    f.chipClass = chipClassFromString(text(chipClass_));
    if (const std::string e = text(ecosystem_); !e.empty())
        f.ecosystem = ecosystemFromString(e);
    f.provider = text(provider_);
    return f;
}

int CompareAllWindow::comparisonCount() const {
    return static_cast<int>(everyChip(*catalog_, document_->scenario(), filter()).size());
}

void CompareAllWindow::updateCount() {
    const std::vector<Candidate> bases = everyChip(*catalog_, document_->scenario(), filter());
    compare_->setText(comparisonsText(bases));
    compare_->setEnabled(!bases.empty() && !run_.isRunning());
}

void CompareAllWindow::setRunning(bool running) {
    compare_->setEnabled(!running && comparisonCount() > 0);
    cancel_->setEnabled(running);
    progress_->setVisible(running);
    for (QWidget *w : std::initializer_list<QWidget *>{kind_, vendor_, chipClass_, ecosystem_,
                                                       provider_, maxChips_})
        w->setEnabled(!running);
}

void CompareAllWindow::compare() {
    const Scenario &scenario = document_->scenario();
    if (!scenario.training && !scenario.inference) {
        status_->setText(tr("The scenario neither trains nor serves: give it training or "
                            "inference first."));
        return;
    }
    std::vector<Candidate> bases = everyChip(*catalog_, scenario, filter());
    if (bases.empty())
        return;
    setRunning(true);
    status_->clear();
    run_.start(scenario, catalog_, std::move(bases), maxChips_->value());
}

void CompareAllWindow::cancel() { run_.cancel(); }

void CompareAllWindow::showProgress(int done, int total, const QString &current) {
    progress_->setRange(0, total);
    progress_->setValue(done);
    progress_->setFormat(current.isEmpty() ? tr("%v of %m") : tr("%v of %m: %1").arg(current));
}

void CompareAllWindow::showResult(std::shared_ptr<const Analysis> analysis) {
    setRunning(false);
    shown_ = analysis;
    results_->setAnalysis(analysis);
    add_->setEnabled(false);
    const auto &ranking = analysis->recommendation.ranking;
    const auto eligible = std::count_if(ranking.begin(), ranking.end(),
                                        [](const auto &entry) { return entry.eligible(); });
    status_->setText(tr("%1 compared, %2 of them able to do the work as asked. Choose rows and "
                        "add them to the candidates to see them in the workspace's charts.")
                         .arg(analysis->evaluation.results.size())
                         .arg(eligible));
    emit compared();
}

void CompareAllWindow::addSelectedToCandidates() {
    if (!shown_)
        return;
    std::vector<Candidate> candidates = document_->scenario().candidates;
    int added = 0, updated = 0;
    for (int row : results_->selectedSourceRows()) {
        const Candidate &compared = shown_->scenario.candidates[std::size_t(row)];
        auto same = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate &c) {
            return c.chipId == compared.chipId && c.role == compared.role;
        });
        if (same == candidates.end()) {
            candidates.push_back(compared);
            ++added;
        } else if (*same != compared) {
            *same = compared;
            ++updated;
        }
    }
    if (added + updated == 0) {
        status_->setText(tr("Those chips are already candidates at these counts."));
        return;
    }
    document_->setCandidates(candidates, tr("Add Compared Chips"));
    QStringList done;
    if (added > 0)
        done << tr("%1 added to the candidates").arg(qs(units::formatChips(added)));
    if (updated > 0)
        done << tr("%1 already there set to the compared count")
                    .arg(qs(units::formatChips(updated)));
    status_->setText(done.join(tr("; ")) + QLatin1Char('.'));
}

} // namespace accelplan::ui
