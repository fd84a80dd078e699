// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the scenario reader (data/io/scenario_json.h) on arbitrary bytes. Beyond not
// crashing, it keeps its promises: either a scenario or errors, never both or neither; every
// error names the file and says why; and a scenario it accepts is written and read back as
// the very same scenario, the written text being stable from then on.

#include "fuzz_target.h"

#include "io/scenario_json.h"

#include <QByteArray>
#include <QString>

#include <cstdio>

#ifdef ACCELPLAN_FUZZ_JSON_MUTATOR
#include "json_mutator.h"

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t *data, std::size_t size,
                                               std::size_t maxSize, unsigned int seed) {
    return accelplan::fuzz::mutateJson(data, size, maxSize, seed);
}
#endif

using namespace accelplan;
using namespace accelplan::data;

namespace {

const QString kFile = QStringLiteral("fuzz.json");

void checkErrors(const IoErrors &errors) {
    for (const IoError &e : errors) {
        FUZZ_CHECK(e.file == kFile);
        FUZZ_CHECK(!e.reason.trimmed().isEmpty());
        FUZZ_CHECK(e.line >= 0 && e.column >= 0);
    }
}

void checkRoundTrip(const Scenario &scenario) {
    const QByteArray written = scenarioToJson(scenario);
    const ScenarioReadResult back = readScenarioJson(written, kFile);
    if (!back.scenario)
        std::fprintf(stderr, "the written scenario does not read back:\n%s\n%s",
                     written.constData(), qPrintable(toString(back.errors)));
    FUZZ_CHECK(back.scenario.has_value());
    FUZZ_CHECK(*back.scenario == scenario);
    FUZZ_CHECK(scenarioToJson(*back.scenario) == written);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const ScenarioReadResult r = readScenarioJson(bytes, kFile);
    FUZZ_CHECK(r.scenario.has_value() == r.errors.isEmpty());
    checkErrors(r.errors);
    if (r.scenario)
        checkRoundTrip(*r.scenario);
    return 0;
}
