// SPDX-License-Identifier: GPL-3.0-or-later
// The scenario document: every edit is one undo step, consecutive edits of one field merge,
// undo and redo restore the values, and the modified flag follows the clean state.

#include "document/default_scenario.h"
#include "document/scenario_document.h"
#include "helpers/test_env.h"

#include <QSignalSpy>
#include <QtTest>

using accelplan::Scenario;
using accelplan::ui::ScenarioDocument;

class TestScenarioDocument : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { accelplan::test::isolateUserFiles(); }

    void resetStartsCleanWithoutHistory() {
        ScenarioDocument doc;
        doc.setName("changed");
        QVERIFY(doc.isModified());
        QSignalSpy changed(&doc, &ScenarioDocument::scenarioChanged);
        doc.reset(accelplan::ui::defaultScenario(), QStringLiteral("/tmp/x.json"));
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.undoStack()->count(), 0);
        QCOMPARE(doc.filePath(), QStringLiteral("/tmp/x.json"));
        QCOMPARE(doc.displayName(), QStringLiteral("x.json"));
        QCOMPARE(changed.count(), 1);
    }

    void editIsUndoable() {
        ScenarioDocument doc;
        doc.reset(accelplan::ui::defaultScenario(), {});
        const Scenario before = doc.scenario();
        QSignalSpy modified(&doc, &ScenarioDocument::modifiedChanged);
        doc.setCandidateCount(0, 128);
        QCOMPARE(doc.scenario().candidates[0].count, 128);
        QVERIFY(doc.isModified());
        QCOMPARE(modified.count(), 1);
        doc.undoStack()->undo();
        QVERIFY(doc.scenario() == before);
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        QCOMPARE(doc.scenario().candidates[0].count, 128);
    }

    void sameFieldEditsMerge() {
        ScenarioDocument doc;
        doc.reset(accelplan::ui::defaultScenario(), {});
        doc.setCandidateCount(1, 65);
        doc.setCandidateCount(1, 66);
        doc.setCandidateCount(1, 67);
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.setCandidateCount(2, 8); // another candidate: a step of its own
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().candidates[1].count, 64);
    }

    void editBackToStartIsNoStep() {
        ScenarioDocument doc;
        doc.reset(accelplan::ui::defaultScenario(), {});
        doc.setCandidateCount(0, 32);
        doc.setCandidateCount(0, 64);
        QVERIFY(!doc.isModified());
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void unchangedEditIsNoStep() {
        ScenarioDocument doc;
        doc.reset(accelplan::ui::defaultScenario(), {});
        doc.setCosts(doc.scenario().costs);
        doc.setName(doc.scenario().name);
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void countChangeDropsLayoutThatNoLongerMultipliesUp() {
        ScenarioDocument doc;
        Scenario s = accelplan::ui::defaultScenario();
        s.candidates[0].parallelism.dp = 4;
        s.candidates[0].parallelism.tp = 8;
        s.candidates[0].parallelism.pp = 2;
        s.candidates[1].parallelism.tp = 8;
        doc.reset(s, {});
        doc.setCandidateCount(0, 128);
        QVERIFY(!doc.scenario().candidates[0].parallelism.dp);
        doc.setCandidateCount(1, 128);
        QCOMPARE(doc.scenario().candidates[1].parallelism.tp, 8); // a partial pin still holds
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().candidates[0].parallelism.dp, 4);
    }

    void addRemoveAndSections() {
        ScenarioDocument doc;
        doc.reset(accelplan::ui::defaultScenario(), {});
        doc.addCandidate({"nvidia-b200", 16, std::nullopt, {}});
        QCOMPARE(doc.scenario().candidates.size(), std::size_t(5));
        doc.removeCandidate(0);
        QCOMPARE(doc.scenario().candidates.front().chipId, std::string("amd-mi300x"));
        doc.setTraining(std::nullopt);
        QVERIFY(!doc.scenario().training);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Remove training"));
        for (int i = 0; i < 3; ++i)
            doc.undoStack()->undo();
        QVERIFY(doc.scenario() == accelplan::ui::defaultScenario());
    }

    void saveMarksClean() {
        ScenarioDocument doc;
        doc.reset(accelplan::ui::defaultScenario(), {});
        doc.setName("saved");
        QSignalSpy path(&doc, &ScenarioDocument::filePathChanged);
        doc.markSaved(QStringLiteral("/tmp/saved.json"));
        QVERIFY(!doc.isModified());
        QCOMPARE(path.count(), 1);
        doc.undoStack()->undo();
        QVERIFY(doc.isModified()); // the file holds the renamed scenario
    }
};

QTEST_GUILESS_MAIN(TestScenarioDocument)
#include "test_scenario_document.moc"
