// SPDX-License-Identifier: GPL-3.0-or-later
// A filesystem that is really full (a small tmpfs, mounted when the tests run as root): saving a
// scenario from the workspace and writing the catalog from the catalog editor both fail with a
// message naming the file, the files on disk stay as they were, and once there is room again
// the same save and the same edit go through. Skipped, with the reason, where no tmpfs can be
// mounted (not root, or no permission in a container).

#include "catalog_editor/catalog_editor_window.h"
#include "catalog_editor/catalog_session.h"
#include "helpers/shipped_catalog.h"
#include "helpers/test_env.h"
#include "io/scenario_json.h"
#include "workspace/main_window.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <QTimer>

#include <unistd.h>

using accelplan::ui::CatalogEditorWindow;
using accelplan::ui::CatalogSession;
using accelplan::ui::MainWindow;

namespace {

constexpr int kFilesystemKiB = 4096;

bool run(const QString &program, const QStringList &args, QString *output) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    const bool ok =
        p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    *output = QString::fromLocal8Bit(p.readAll()).trimmed();
    return ok;
}

// Fills the filesystem holding `dir` to the last byte with a file; returns its path.
QString fillUp(const QString &dir) {
    const QString path = QDir(dir).filePath(QStringLiteral("filler"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    const QByteArray block(4096, 'x');
    while (f.write(block) == block.size() && f.flush()) {
    }
    const QByteArray byte(1, 'x');
    while (f.write(byte) == 1 && f.flush()) {
    }
    return path;
}

// The text of the next modal message box, which is then closed.
void readNextMessageBox(QString *text) {
    QTimer::singleShot(0, [text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *text = box->text() + u'\n' + box->informativeText();
            box->accept();
        }
    });
}

QByteArray fileState(const QString &path) {
    return accelplan::test::readFile(path) + "|" +
           accelplan::test::readFile(path + QStringLiteral("-wal"));
}

} // namespace

class TestFullDisk : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        accelplan::test::isolateUserFiles();
        if (geteuid() != 0)
            QSKIP("a tmpfs is mounted only by root; run as root to test a full filesystem");
        QVERIFY(mountPoint_.isValid());
        QString output;
        if (!run(QStringLiteral("mount"),
                 {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                  QStringLiteral("size=%1k").arg(kFilesystemKiB), QStringLiteral("tmpfs"),
                  mountPoint_.path()},
                 &output))
            QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs here: ") + output));
        mounted_ = true;
        catalog_ = accelplan::test::shippedCatalog();
    }

    void cleanupTestCase() {
        QString output;
        if (mounted_ && !run(QStringLiteral("umount"), {mountPoint_.path()}, &output))
            qWarning("cannot unmount %s: %s", qPrintable(mountPoint_.path()), qPrintable(output));
    }

    void savingAScenarioOnAFullDiskKeepsTheFile() {
        const QString path =
            QDir(mountPoint_.path()).filePath(QStringLiteral("plan.accelplan.json"));
        MainWindow w(catalog_);
        QVERIFY(w.saveTo(path));
        const QByteArray before = accelplan::test::readFile(path);
        w.document()->setName("A longer name, so that the new file is larger than the old one");
        w.document()->setCandidateCount(0, 1024);

        const QString filler = fillUp(mountPoint_.path());
        QVERIFY(!filler.isEmpty());
        QString message;
        readNextMessageBox(&message);
        QVERIFY(!w.saveTo(path));
        QVERIFY2(message.contains(QStringLiteral("plan.accelplan.json")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not saved")), qPrintable(message));
        QCOMPARE(accelplan::test::readFile(path), before);
        QVERIFY(w.document()->isModified());
        QCOMPARE(QDir(mountPoint_.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 2);

        QVERIFY(QFile::remove(filler));
        QVERIFY(w.saveTo(path));
        const auto read = accelplan::data::readScenarioFile(path);
        QVERIFY(read.scenario && *read.scenario == w.document()->scenario());
        QFile::remove(path);
    }

    void writingTheCatalogOnAFullDiskChangesNothing() {
        const QString path = QDir(mountPoint_.path()).filePath(QStringLiteral("catalog.sqlite"));
        QString error;
        auto session = CatalogSession::open(path, &error);
        QVERIFY2(session, qPrintable(error));
        CatalogEditorWindow editor(std::move(session), nullptr);
        const accelplan::Catalog before = *editor.session()->catalog();
        // A change to every chip: far more than the last free byte.
        const QString filler = fillUp(mountPoint_.path());
        QVERIFY(!filler.isEmpty());
        const QByteArray bytes = fileState(path);

        QStringList refusals;
        for (const accelplan::Chip &chip : before.chips) {
            accelplan::Chip changed = chip;
            changed.notes = std::string(2000, 'n');
            if (!editor.session()->saveChip(changed, QStringLiteral("notes"), &error))
                refusals << error;
        }
        QVERIFY2(!refusals.isEmpty(), "every write went through on a full disk");
        QVERIFY2(refusals.front().contains(QStringLiteral("catalog.sqlite")),
                 qPrintable(refusals.front()));
        // What was refused is not in the file; what went through is, and the file is sound.
        QString reason;
        auto store = accelplan::data::CatalogStore::open(path, &reason);
        QVERIFY2(store, qPrintable(reason));
        QVERIFY2(store->checkIntegrity().isEmpty(),
                 qPrintable(store->checkIntegrity().join(u'\n')));
        const auto onDisk = store->load(&reason);
        QVERIFY2(onDisk, qPrintable(reason));
        QVERIFY(onDisk->chips == editor.session()->catalog()->chips);
        store.reset();
        if (refusals.size() == static_cast<qsizetype>(before.chips.size()))
            QVERIFY(onDisk->chips == before.chips);
        qInfo("%lld of %zu chip writes refused on the full disk (%lld bytes before)",
              refusals.size(), before.chips.size(), bytes.size());

        QVERIFY(QFile::remove(filler));
        accelplan::Chip changed = before.chips.front();
        changed.notes = "written once there is room";
        QVERIFY2(editor.session()->saveChip(changed, QStringLiteral("notes"), &error),
                 qPrintable(error));
    }

private:
    QTemporaryDir mountPoint_;
    bool mounted_ = false;
    std::shared_ptr<const accelplan::Catalog> catalog_;
};

QTEST_MAIN(TestFullDisk)
#include "test_full_disk.moc"
