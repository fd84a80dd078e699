// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the recommendation aims for and may choose from, and how demand grows: the scenario's
// goal (objective, focus, deadline, budget), constraints (providers, on premises, software
// ecosystems) and growth plan, as a form. Each edit is an undo step on the document.

#include "document/scenario_document.h"
#include "workspace/form_panel.h"

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLineEdit;
class QSpinBox;

namespace accelplan::ui {

class PlanPanel : public FormPanel {
    Q_OBJECT
public:
    explicit PlanPanel(ScenarioDocument *document, QWidget *parent = nullptr);

    void refresh();

private:
    QWidget *buildGoal();
    QWidget *buildConstraints();
    QWidget *buildGrowth();
    void commitGoal(int field);
    void commitConstraints(int field);
    void commitGrowth(int field);
    // The deadline's and budget's measure follows the focus: days and a run's cost when
    // training, seconds and a month's cost when serving.
    bool trainingFocus() const;

    ScenarioDocument *document_;

    QGroupBox *goal_;
    QComboBox *objective_, *focus_;
    QDoubleSpinBox *deadline_, *budget_;

    QGroupBox *constraints_;
    QLineEdit *providers_, *regions_;
    QCheckBox *onPremises_;
    std::vector<QCheckBox *> ecosystems_, frameworks_;

    QGroupBox *growth_;
    QComboBox *demandUnit_, *curve_;
    QDoubleSpinBox *start_, *end_, *peakFactor_;
    QSpinBox *months_, *maxChips_;
};

} // namespace accelplan::ui
