// SPDX-License-Identifier: GPL-3.0-or-later
// PDF report speed. Target (issue 10): under 2 s for a scenario of 8 candidates, from the
// scenario and catalog to the finished file (evaluation, both layout passes, every chart).

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

void report(benchmark::State &state) {
    QString error;
    QTemporaryDir dir;
    auto catalog = data::loadCatalog(dir.filePath(QStringLiteral("catalog.sqlite")), &error);
    if (!catalog) {
        state.SkipWithError(error.toStdString().c_str());
        return;
    }
    const Scenario scenario = eightCandidates();
    const auto shared = std::make_shared<const Catalog>(std::move(*catalog));
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    for (auto _ : state) {
        const auto input = ui::report::makeReportInput(scenario, shared, {});
        if (!ui::report::writeReport(input, path, ui::report::PaperSize::a4, &error))
            state.SkipWithError(error.toStdString().c_str());
    }
}
BENCHMARK(report)->Unit(benchmark::kMillisecond)->MinTime(2.0);

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
