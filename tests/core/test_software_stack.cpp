// SPDX-License-Identifier: GPL-3.0-or-later
// One classifier of software stacks: training efficiency, serving efficiency and the team's
// ecosystem constraint all read a chip the same way (JAX and MindSpore name their stacks).

#include "hardware/software_stack.h"
#include "plan/ecosystem.h"

#include <QtTest>

using namespace accelplan;

namespace {

Chip chipWith(const std::string &software, ChipKind kind = ChipKind::gpu) {
    Chip c;
    c.id = "x";
    c.kind = kind;
    c.software = software;
    return c;
}

// By name, so that a failure says which stack it got.
QString stackOf(const Chip &chip) {
    const std::string_view name = toString(softwareStackOf(chip));
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

} // namespace

class TestSoftwareStack : public QObject {
    Q_OBJECT

private slots:
    void frontendsNameTheirStacks() {
        QCOMPARE(stackOf(chipWith("JAX only")), QStringLiteral("XLA"));
        QCOMPARE(stackOf(chipWith("MindSpore 2.3")), QStringLiteral("CANN"));
        QCOMPARE(stackOf(chipWith("XLA (JAX / PyTorch-XLA)")), QStringLiteral("XLA"));
        QCOMPARE(stackOf(chipWith("CANN / MindSpore")), QStringLiteral("CANN"));
        QCOMPARE(stackOf(chipWith("Intel Gaudi software (SynapseAI)")),
                 QStringLiteral("SynapseAI"));
        QCOMPARE(stackOf(chipWith("AWS Neuron SDK")), QStringLiteral("Neuron"));
        QCOMPARE(stackOf(chipWith("Core ML / MLX")), QStringLiteral("Metal"));
        QCOMPARE(stackOf(chipWith("GroqWare")), QStringLiteral("other"));
    }

    void caseDoesNotMatter() {
        QCOMPARE(stackOf(chipWith("cuda 12")), QStringLiteral("CUDA"));
        QCOMPARE(stackOf(chipWith("RoCm")), QStringLiteral("ROCm"));
    }

    void aCpuIsACpuWhateverItsLibraries() {
        QCOMPARE(stackOf(chipWith("oneDNN / OpenVINO", ChipKind::cpu)), QStringLiteral("CPU"));
        QCOMPARE(stackOf(chipWith("ZenDNN")), QStringLiteral("CPU"));
    }

    // The ecosystem a team names follows the same reading: a MindSpore-only chip is in
    // CANN/MindSpore, a JAX-only chip in JAX/XLA, a CPU in none of the six.
    void ecosystemsFollowTheStack() {
        QVERIFY(ecosystemOf(chipWith("MindSpore")) == Ecosystem::cann);
        QVERIFY(ecosystemOf(chipWith("JAX")) == Ecosystem::xla);
        QVERIFY(ecosystemOf(chipWith("Gaudi")) == Ecosystem::synapseAi);
        QVERIFY(!ecosystemOf(chipWith("oneDNN", ChipKind::cpu)));
        QVERIFY(!ecosystemOf(chipWith("Core ML")));
    }
};

QTEST_GUILESS_MAIN(TestSoftwareStack)
#include "test_software_stack.moc"
