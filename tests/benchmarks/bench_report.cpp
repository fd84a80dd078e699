// SPDX-License-Identifier: GPL-3.0-or-later
// PDF report speed, from the scenario and catalog to the finished file (evaluation, both layout
// passes, every chart). Targets: under 2 s for 8 candidates (issue 10); in proportion to the
// candidates for 2,000 (issue 22: it took 95 s, charts drawing every candidate's legend entry).

#include "catalog/catalog_store.h"
#include "report/report_writer.h"
#include "workload/presets.h"

#include <QApplication>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace accelplan;

namespace {

Scenario eightCandidates() {
    Scenario s;
    s.name = "Benchmark: Llama 3.1 70B on eight chips";
    s.workload = *findPreset("llama-3.1-70b");
    TrainingSettings t;
    t.tokens = 2e10;
    t.seqLen = 8192;
    s.training = t;
    s.inference = InferenceSettings{};
    for (const char *chip :
         {"nvidia-h100-sxm5-80gb", "nvidia-h200-sxm-141gb", "nvidia-b200", "amd-mi300x",
          "google-tpu-v6e", "google-tpu-v5p", "intel-gaudi3", "aws-trainium2"})
        s.candidates.push_back(Candidate{chip, 64, {}, {}});
    return s;
}

// 40 data-centre chips at 50 counts each.
Scenario manyCandidates(const Catalog &catalog) {
    Scenario s = eightCandidates();
    s.name = "Benchmark: Llama 3.1 70B on 2,000 candidates";
    s.candidates.clear();
    std::vector<std::string> chips;
    for (const Chip &chip : catalog.chips)
        if (chip.chipClass == ChipClass::datacenter && chips.size() < 40)
            chips.push_back(chip.id);
    for (int count = 8; s.candidates.size() < 2000; count += 8)
        for (const std::string &chip : chips)
            s.candidates.push_back(Candidate{chip, count, {}, {}});
    s.candidates.resize(2000);
    return s;
}

void writeReports(benchmark::State &state, bool many) {
    QString error;
    QTemporaryDir dir;
    auto catalog = data::loadCatalog(dir.filePath(QStringLiteral("catalog.sqlite")), &error);
    if (!catalog) {
        state.SkipWithError(error.toStdString().c_str());
        return;
    }
    const Scenario scenario = many ? manyCandidates(*catalog) : eightCandidates();
    const auto shared = std::make_shared<const Catalog>(std::move(*catalog));
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    for (auto _ : state) {
        const auto input = ui::report::makeReportInput(scenario, shared, {});
        if (!ui::report::writeReport(input, path, ui::report::PaperSize::a4, &error))
            state.SkipWithError(error.toStdString().c_str());
    }
}
void report(benchmark::State &state) { writeReports(state, false); }
void reportOf2000Candidates(benchmark::State &state) { writeReports(state, true); }
BENCHMARK(report)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(reportOf2000Candidates)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
