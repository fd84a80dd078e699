// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The scenario's settings as a form: the workload (a preset or a custom shape), training,
// inference and costs, then the goal, constraints and growth plan (PlanPanel). Every edit goes to
// the document as an undo step; the form reloads from the document whenever it changes (undo, redo,
// open), so the two never disagree.

#include "document/scenario_document.h"
#include "workspace/form_panel.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace accelplan::ui {

class PlanPanel;

class ScenarioPanel : public FormPanel {
    Q_OBJECT
public:
    explicit ScenarioPanel(ScenarioDocument *document, QWidget *parent = nullptr);

    // Reloads every field from the document.
    void refresh();
    PlanPanel *planPanel() const { return plan_; }

private:
    QWidget *buildWorkload();
    QWidget *buildTraining();
    QWidget *buildInference();
    QWidget *buildCosts();

    void chooseModel();
    void commitShape(int field);
    void commitTraining(int field);
    void commitInference(int field);
    void commitCosts(int field);
    void refreshWorkload();

    ScenarioDocument *document_;
    PlanPanel *plan_;

    QLineEdit *name_;
    QComboBox *model_;
    QLabel *modelSummary_;
    QWidget *transformerForm_;
    QSpinBox *layers_, *hidden_, *heads_, *kvHeads_, *ffnHidden_, *vocab_, *experts_,
        *expertsPerToken_;
    QCheckBox *gatedFfn_;
    QWidget *genericForm_;
    QDoubleSpinBox *params_, *forwardFlops_, *activationBytes_;

    QGroupBox *training_;
    QFormLayout *trainingForm_;
    QDoubleSpinBox *tokens_, *samples_, *epochs_;
    QSpinBox *seqLen_, *globalBatch_, *loraRank_;
    QComboBox *trainPrecision_, *method_, *optimizer_, *recompute_;

    QGroupBox *inference_;
    QComboBox *inferPrecision_, *kvPrecision_, *mathPrecision_, *mode_, *phase_, *runtime_;
    QSpinBox *inputTokens_, *outputTokens_, *batch_, *drafts_;
    QDoubleSpinBox *ttftSlo_, *tpotSlo_, *latencySlo_, *requestRate_, *acceptance_;

    QComboBox *pricing_;
    QDoubleSpinBox *electricity_, *pue_, *grid_, *amortization_;
};

} // namespace accelplan::ui
