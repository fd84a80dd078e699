// SPDX-License-Identifier: GPL-3.0-or-later
// The efficiency numbers as data: the shipped table reads, says what is wrong with a damaged
// one, writes back what it read, finds a chip's family, and a table installed for a thread
// changes what the formulas give on that thread only.

#include "efficiency/efficiency_data.h"
#include "efficiency/inference_efficiency.h"
#include "efficiency/training_efficiency.h"

#include <QFile>
#include <QtTest>

#include <thread>

using namespace accelplan;

namespace {

const std::string kHeader = "table,key,parameter,value,prior,prior_spread,low,high,fitted_on,"
                            "source\n";

Chip chipWith(std::string id, std::string software, std::string family = {}) {
    Chip c;
    c.id = std::move(id);
    c.kind = ChipKind::gpu;
    c.software = std::move(software);
    c.efficiencyFamily = std::move(family);
    c.peak[indexOf(Precision::bf16)] = units::flopsPerSecond(1e15);
    return c;
}

std::string errorOf(const std::string &text) {
    std::string error;
    const auto data = EfficiencyData::fromCsv(text, &error);
    return data ? std::string("read") : error;
}

} // namespace

class TestEfficiencyData : public QObject {
    Q_OBJECT

private slots:
    void theShippedTableReadsAndWritesBackTheSame() {
        const EfficiencyData &shipped = shippedEfficiencyData();
        QVERIFY(shipped.rows().size() > 100);
        std::string error;
        const auto again = EfficiencyData::fromCsv(shipped.toCsv(), &error);
        QVERIFY2(again, error.c_str());
        QCOMPARE(again->toCsv(), shipped.toCsv());
        // Every row stays within its own bounds (the reader refuses one that does not).
        for (const EfficiencyRow &r : shipped.rows())
            QVERIFY2(r.low <= r.value && r.value <= r.high, r.parameter.c_str());
        // The pieces embedded at build time join into the file the fit wrote, byte for byte.
        QFile file(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../resources/efficiency/efficiency.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(shipped.toCsv(), file.readAll().toStdString());
    }

    void aDamagedTableSaysWhichLineAndWhat() {
        QCOMPARE(errorOf("table,key\n"), std::string("line 1: the header is not the efficiency "
                                                     "table's columns"));
        QCOMPARE(errorOf(kHeader + "training,stack:cuda,memory,x,0.8,0.3,0.2,0.95,,s\n"),
                 std::string("line 2: 'value' is not a number: 'x'"));
        QCOMPARE(errorOf(kHeader + "training,stack:cuda,memory,1.5,0.8,0.3,0.2,0.95,,s\n"),
                 std::string("line 2: memory 1.5 is outside its bounds 0.2 to 0.95"));
        QCOMPARE(errorOf(kHeader + "nowhere,stack:cuda,memory,0.5,0.8,0.3,0.2,0.95,,s\n"),
                 std::string("line 2: unknown table 'nowhere'"));
        QCOMPARE(errorOf(kHeader + "training,stack:cuda,memory,0.5,0.8,0.3,0.2,0.95,,s\n"
                                   "training,stack:cuda,memory,0.6,0.8,0.3,0.2,0.95,,s\n"),
                 std::string("line 3: a second row for training stack:cuda memory"));
        QCOMPARE(errorOf(kHeader + "training,stack:cuda,memory,0.5,0.8,0.3,0.2,0.95,,\"s\n"),
                 std::string("line 2: a quoted field is not closed"));
        QCOMPARE(errorOf(kHeader + "training,stack:cuda,memory,0.5\n"),
                 std::string("line 2: 4 fields, not 10"));
    }

    void quotedSourcesSurviveTheRoundTrip() {
        const std::string text = kHeader +
                                 "training,stack:cuda,memory,0.5,0.8,0.3,0.2,0.95,HL01 HL02,"
                                 "\"GEMM sweep, \"\"8192^3\"\"\nsecond line\"\n";
        std::string error;
        const auto data = EfficiencyData::fromCsv(text, &error);
        QVERIFY2(data, error.c_str());
        QCOMPARE(data->rows().front().source, std::string("GEMM sweep, \"8192^3\"\nsecond line"));
        QCOMPARE(data->rows().front().fittedOn, std::string("HL01 HL02"));
        QCOMPARE(data->toCsv(), text);
    }

    void aChipUsesItsEfficiencyFamilyElseItsStack() {
        const EfficiencyData &d = shippedEfficiencyData();
        QCOMPARE(
            d.familyKey("training", chipWith("nvidia-h100-pcie-80gb", "CUDA", "nvidia-h100-pcie")),
            std::string("nvidia-h100-pcie"));
        // The family, not the id, chooses the rows: no id prefix is read.
        QCOMPARE(d.familyKey("training", chipWith("my-hopper", "CUDA", "nvidia-h100")),
                 std::string("nvidia-h100"));
        QCOMPARE(d.familyKey("training", chipWith("nvidia-h100-sxm5-80gb", "CUDA")),
                 std::string("stack:cuda"));
        QCOMPARE(d.familyKey("training", chipWith("acme-x1", "ROCm 6")), std::string("stack:rocm"));
        QCOMPARE(d.familyKey("training", chipWith("acme-x1", "ROCm 6", "stack:xla")),
                 std::string("stack:xla"));
        // A family the table lacks: the stack's rows, and the evaluation says so.
        const Chip unknown = chipWith("acme-x1", "ROCm 6", "acme-x");
        QCOMPARE(d.familyKey("training", unknown), std::string("stack:rocm"));
        QVERIFY(unknownFamilyNote(unknown, d).value_or("").find("stack:rocm") != std::string::npos);
        QVERIFY(!unknownFamilyNote(chipWith("acme-x1", "ROCm 6", "amd-mi300x"), d));
        // Serving rows are per stack only.
        QCOMPARE(d.familyKey("inference", chipWith("nvidia-h100-sxm5-80gb", "CUDA", "nvidia-h100")),
                 std::string("stack:cuda"));
    }

    void catalogValidateAsksForAKnownFamily() {
        const EfficiencyData &d = shippedEfficiencyData();
        Catalog catalog;
        catalog.chips = {chipWith("a", "CUDA", "nvidia-h100"), chipWith("b", "CUDA"),
                         chipWith("c", "CUDA", "nvidia-h999")};
        const std::vector<ValidationProblem> problems = unknownEfficiencyFamilies(catalog, d);
        QCOMPARE(problems.size(), std::size_t(2));
        QCOMPARE(problems[0].subject, std::string("b"));
        QCOMPARE(problems[0].field, std::string("efficiency_family"));
        QCOMPARE(problems[1].subject, std::string("c"));
        QVERIFY(problems[1].message.find("nvidia-h999") != std::string::npos);
        // The families offered: architectures first, then the stacks' generic rows.
        const std::vector<std::string> families = d.families("training");
        QVERIFY(!families.empty() && !families.front().starts_with("stack:"));
        QVERIFY(families.back().starts_with("stack:"));
        // A malformed name is refused by the rules of any import.
        Chip bad = chipWith("d", "CUDA", "Not A Family");
        bad.vendor = bad.name = "x";
        bool refused = false;
        for (const ValidationProblem &p : validateChip(bad))
            refused = refused || p.field == "efficiency_family";
        QVERIFY(refused);
    }

    void anInstalledTableChangesThisThreadOnly() {
        const Chip chip = chipWith("acme-x1", "CUDA");
        const double shipped = trainingEfficiency(chip, Precision::bf16).matmul;
        EfficiencyData changed = shippedEfficiencyData();
        for (std::size_t i = 0; i < changed.rows().size(); ++i) {
            const EfficiencyRow &r = changed.rows()[i];
            if (r.table == "training" && r.key == "stack:cuda" && r.parameter == "matmul_16bit")
                changed.row(i).value = shipped / 2;
        }
        {
            ScopedEfficiencyData installed(changed);
            QCOMPARE(trainingEfficiency(chip, Precision::bf16).matmul, shipped / 2);
            double elsewhere = 0;
            std::thread other(
                [&] { elsewhere = trainingEfficiency(chip, Precision::bf16).matmul; });
            other.join();
            QCOMPARE(elsewhere, shipped);
        }
        QCOMPARE(trainingEfficiency(chip, Precision::bf16).matmul, shipped);
    }

    void aRuntimesRowComesBeforeItsStacks() {
        // Transformers NeuronX compiles the prompt pass itself and has its own prefill row; NxD
        // Inference, on the same chips, has none and reads the Neuron stack's.
        const Chip trainium = chipWith("acme-trn", "Neuron SDK");
        EfficiencyData changed = shippedEfficiencyData();
        for (std::size_t i = 0; i < changed.rows().size(); ++i) {
            const EfficiencyRow &r = changed.rows()[i];
            if (r.table == "inference" && r.parameter == "prefill_compute" &&
                (r.key == "stack:neuron" || r.key == "runtime:transformers-neuronx"))
                changed.row(i).value = r.key == "stack:neuron" ? 0.4 : 0.1;
        }
        ScopedEfficiencyData installed(changed);
        QVERIFY(!changed.find("inference", "runtime:neuron", "prefill_compute"));
        QCOMPARE(inferenceEfficiency(trainium, Precision::bf16, "neuron").prefillCompute, 0.4);
        QCOMPARE(
            inferenceEfficiency(trainium, Precision::bf16, "transformers-neuronx").prefillCompute,
            0.1);
    }

    void aWidthWithoutARowIsTheNextWiderOneLowered() {
        // The shipped H100 row has no 4-bit figure: fp4 training reads the 8-bit one, lowered.
        Chip h100 = chipWith("nvidia-h100-sxm5-80gb", "CUDA", "nvidia-h100");
        h100.peak[indexOf(Precision::fp4)] = units::flopsPerSecond(4e15);
        h100.peak[indexOf(Precision::fp8)] = units::flopsPerSecond(2e15);
        const EfficiencyData &d = shippedEfficiencyData();
        QVERIFY(!d.find("training", "nvidia-h100", "matmul_4bit"));
        QCOMPARE(trainingEfficiency(h100, Precision::fp4).matmul,
                 *d.find("training", "nvidia-h100", "matmul_8bit") *
                     d.global("training", "narrower_format_share"));
    }
};

QTEST_GUILESS_MAIN(TestEfficiencyData)
#include "test_efficiency_data.moc"
