// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/output_unit.h"

#include <QObject>

namespace accelplan::ui {

bool servesTokens(const Scenario &scenario) {
    const TransformerShape *shape = scenario.workload.transformer();
    return scenario.inference && shape && !shape->encoderOnly &&
           scenario.inference->phase != InferencePhase::prefill;
}

QString perMillionOutputs(const Scenario &scenario) {
    return servesTokens(scenario) ? QObject::tr("per million output tokens")
                                  : QObject::tr("per million samples");
}

} // namespace accelplan::ui
