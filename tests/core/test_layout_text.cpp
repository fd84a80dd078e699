// SPDX-License-Identifier: GPL-3.0-or-later
// A layout is spelled one way on every surface (CLI table, workspace, report).

#include "evaluation/layout_text.h"

#include <QtTest>

using namespace accelplan;

class TestLayoutText : public QObject {
    Q_OBJECT

private slots:
    void trainingLayoutInFull() {
        Parallelism p;
        p.dp = 8;
        p.tp = 8;
        p.zero = 1;
        p.microbatch = 2;
        p.recompute = Recompute::selective;
        QCOMPARE(layoutText(p, LayoutUse::training),
                 std::string("dp 8 · tp 8 · pp 1 · ZeRO-1 · micro-batch 2 · selective recompute"));
    }

    void splitsOfOneAndZeroStageZeroAreLeftOut() {
        Parallelism p;
        p.dp = 4;
        QCOMPARE(layoutText(p, LayoutUse::training),
                 std::string("dp 4 · tp 1 · pp 1 · micro-batch 1"));
        p.cp = 2;
        p.ep = 4;
        QCOMPARE(layoutText(p, LayoutUse::training),
                 std::string("dp 4 · tp 1 · pp 1 · cp 2 · ep 4 · micro-batch 1"));
    }

    void servingShowsTheReplicaSplitsOnly() {
        Parallelism p;
        p.tp = 8;
        p.zero = 3;
        p.microbatch = 4;
        p.recompute = Recompute::full;
        QCOMPARE(layoutText(p, LayoutUse::serving), std::string("dp 1 · tp 8 · pp 1"));
    }
};

QTEST_GUILESS_MAIN(TestLayoutText)
#include "test_layout_text.moc"
