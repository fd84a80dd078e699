// SPDX-License-Identifier: GPL-3.0-or-later
// The editor's session against another program writing the same catalog file: a record that
// accelplan-cli (or a second AccelPlan) changed since the session read it is not overwritten,
// whether by a new edit, an undo, a delete or a whole-catalog write; the refusal says so, and
// the session then shows the other program's change, so the edit can be made again on top.

#include "catalog/catalog_store.h"
#include "catalog_editor/catalog_session.h"
#include "helpers/test_env.h"
#include "io/catalog_file.h"

#include <QSignalSpy>
#include <QtTest>

using accelplan::Catalog;
using accelplan::Chip;
using accelplan::Offering;
using accelplan::data::CatalogStore;
using accelplan::ui::CatalogSession;

namespace {

const std::string kH100 = "nvidia-h100-sxm5-80gb";
const QString kChangedElsewhere = QStringLiteral("changed by another program");

std::unique_ptr<CatalogSession> openSession(const QString &path) {
    QString error;
    auto session = CatalogSession::open(path, &error);
    if (!session)
        qFatal("cannot open the test catalog: %s", qPrintable(error));
    return session;
}

// The other program is accelplan-cli, run as a user would. (A second CatalogStore in this
// process would not do: opening one reads the file outside SQLite, which drops the locks
// SQLite holds for the session's connection in this process.)
accelplan::test::CliRun cli(const QStringList &args) { return accelplan::test::runCli(args); }

// What the catalog file holds, as accelplan-cli exports it.
Catalog onDisk(const QTemporaryDir &dir, const QString &path) {
    const QString json = dir.filePath(QStringLiteral("on-disk.json"));
    QFile::remove(json);
    const auto run = cli({QStringLiteral("catalog"), QStringLiteral("export"), json,
                          QStringLiteral("--catalog"), path});
    if (run.exitCode != 0)
        qFatal("accelplan-cli cannot export the test catalog: %s", run.err.constData());
    auto read = accelplan::data::readCatalogFile(json);
    if (!read.catalog)
        qFatal("cannot read the export: %s", qPrintable(read.problems.join(u'\n')));
    return *read.catalog;
}

// accelplan-cli merges these records into the catalog file.
void otherProgramWrites(const QTemporaryDir &dir, const QString &path, const Catalog &records) {
    const QString json = dir.filePath(QStringLiteral("theirs.json"));
    QString error;
    if (!accelplan::data::writeCatalogFile(json, records, &error))
        qFatal("%s", qPrintable(error));
    const auto run = cli({QStringLiteral("catalog"), QStringLiteral("import"), json,
                          QStringLiteral("--catalog"), path});
    if (run.exitCode != 0)
        qFatal("accelplan-cli refused the import: %s", run.err.constData());
}

Catalog withChip(const Catalog &from, const Chip &chip) {
    Catalog c;
    c.dataVersion = from.dataVersion;
    c.chips.push_back(chip);
    return c;
}

double tdpOf(const Catalog &catalog, const std::string &chip) {
    return catalog.findChip(chip)->tdp->value();
}

} // namespace

class TestCatalogSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { accelplan::test::isolateUserFiles(); }

    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        path_ = dir_->filePath(QStringLiteral("catalog.sqlite"));
        session_ = openSession(path_);
    }

    void cleanup() { session_.reset(); }

    void editOfAChipTheCliChangedIsRefusedThenMadeOnTop() {
        Chip theirs = *session_->catalog()->findChip(kH100);
        theirs.tdp = accelplan::units::watts(650);
        theyWrite(theirs);
        QCOMPARE(tdpOf(disk(), kH100), 650.0);

        // The editor still shows 700 W and edits the bandwidth of what it shows.
        QCOMPARE(tdpOf(*session_->catalog(), kH100), 700.0);
        QSignalSpy changed(session_.get(), &CatalogSession::catalogChanged);
        Chip edited = *session_->catalog()->findChip(kH100);
        edited.memoryBandwidth = accelplan::units::bytesPerSecond(2e12);
        QString error;
        QVERIFY(!session_->saveChip(edited, QStringLiteral("bandwidth"), &error));
        QVERIFY2(error.contains(kChangedElsewhere), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("now shows")), qPrintable(error));
        const Catalog after = disk();
        QCOMPARE(tdpOf(after, kH100), 650.0); // not overwritten
        QCOMPARE(after.findChip(kH100)->memoryBandwidth->value(), 3.35e12);
        QCOMPARE(session_->undoStack()->count(), 0);
        // The session caught up with the file.
        QCOMPARE(changed.count(), 1);
        QCOMPARE(tdpOf(*session_->catalog(), kH100), 650.0);

        // Made again on what the file holds now, the edit keeps the CLI's TDP.
        edited = *session_->catalog()->findChip(kH100);
        edited.memoryBandwidth = accelplan::units::bytesPerSecond(2e12);
        QVERIFY2(session_->saveChip(edited, QStringLiteral("bandwidth"), &error),
                 qPrintable(error));
        const Catalog done = disk();
        QCOMPARE(tdpOf(done, kH100), 650.0);
        QCOMPARE(done.findChip(kH100)->memoryBandwidth->value(), 2e12);
    }

    void undoOverAChangeElsewhereIsRefused() {
        QString error;
        Chip edited = *session_->catalog()->findChip(kH100);
        edited.notes = "mine";
        QVERIFY2(session_->saveChip(edited, QStringLiteral("notes"), &error), qPrintable(error));
        Chip theirs = edited;
        theirs.notes = "theirs";
        theyWrite(theirs);

        QSignalSpy failed(session_.get(), &CatalogSession::writeFailed);
        session_->undoStack()->undo();
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(kChangedElsewhere),
                 qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(disk().findChip(kH100)->notes, std::string("theirs"));
        QCOMPARE(session_->catalog()->findChip(kH100)->notes, std::string("theirs"));
    }

    void offeringChangedElsewhereIsNotOverwritten() {
        const Offering before = *session_->catalog()->offeringsFor(kH100).front();
        Catalog records;
        records.dataVersion = session_->catalog()->dataVersion;
        records.offerings.push_back(before);
        records.offerings.back().notes = "negotiated";
        theyWrite(records);

        Offering mine = before;
        mine.region = "my-region";
        QString error;
        QVERIFY(!session_->saveOffering(before, mine, &error));
        QVERIFY2(error.contains(kChangedElsewhere), qPrintable(error));
        const Catalog after = disk();
        const Offering *stored = after.findOffering(before.id());
        QVERIFY(stored);
        QCOMPARE(stored->notes, std::string("negotiated"));
        QCOMPARE(stored->region, before.region);
    }

    void deleteOfAChipChangedElsewhereIsRefused() {
        const std::string b200 = "nvidia-b200";
        Chip theirs = *session_->catalog()->findChip(b200);
        theirs.notes = "theirs";
        theyWrite(theirs);
        QString error;
        QVERIFY(!session_->deleteChip(b200, &error));
        QVERIFY2(error.contains(kChangedElsewhere), qPrintable(error));
        QVERIFY(disk().findChip(b200));
    }

    void chipAddedElsewhereMeanwhileIsNotOverwritten() {
        Chip theirs = *session_->catalog()->findChip(kH100);
        theirs.id = "acme-x1";
        theirs.name = "theirs";
        theirs.provenance = accelplan::Provenance::userAdded;
        theyWrite(theirs);
        Chip mine = theirs;
        mine.name = "mine";
        QString error;
        QVERIFY(!session_->addChip(mine, &error));
        QVERIFY2(error.contains(QStringLiteral("added by another program")), qPrintable(error));
        QCOMPARE(disk().findChip("acme-x1")->name, std::string("theirs"));
    }

    void wholeCatalogWritesWaitForTheSessionToCatchUp() {
        QString error;
        const QString exported = dir_->filePath(QStringLiteral("all.json"));
        QVERIFY2(accelplan::data::writeCatalogFile(exported, *session_->catalog(), &error),
                 qPrintable(error));
        Chip theirs = *session_->catalog()->findChip(kH100);
        theirs.notes = "theirs";
        theyWrite(theirs);

        // Replacing the catalog with a file made before the other program's change.
        const auto refused = session_->importFile(exported, CatalogStore::ImportMode::replace);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.problems.join(u'\n').contains(QStringLiteral("another program")),
                 qPrintable(refused.problems.join(u'\n')));
        QCOMPARE(disk().findChip(kH100)->notes, std::string("theirs"));

        // Having shown the change, the session may replace it on purpose.
        QCOMPARE(session_->catalog()->findChip(kH100)->notes, std::string("theirs"));
        const auto done = session_->importFile(exported, CatalogStore::ImportMode::replace);
        QVERIFY2(done.ok, qPrintable(done.problems.join(u'\n')));
        QVERIFY(disk().findChip(kH100)->notes != "theirs");

        // Undoing it while another program changed something is refused too.
        theirs.notes = "theirs again";
        theyWrite(theirs);
        session_->undoStack()->undo();
        QCOMPARE(disk().findChip(kH100)->notes, std::string("theirs again"));
    }

private:
    Catalog disk() { return onDisk(*dir_, path_); }
    void theyWrite(const Catalog &records) { otherProgramWrites(*dir_, path_, records); }
    void theyWrite(const Chip &chip) { theyWrite(withChip(*session_->catalog(), chip)); }

    std::unique_ptr<QTemporaryDir> dir_;
    QString path_;
    std::unique_ptr<CatalogSession> session_;
};

QTEST_MAIN(TestCatalogSession)
#include "test_catalog_session.moc"
