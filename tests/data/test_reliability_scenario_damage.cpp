// SPDX-License-Identifier: GPL-3.0-or-later
// A damaged scenario file is refused with a located reason, whatever the damage: cut off at any
// byte, any byte overwritten, blocks of the file lost, or bytes that are not a scenario at all.
// The sweeps here are systematic (every position) where the fuzzer (tests/fuzz) is random.

#include "helpers/test_env.h"
#include "io/scenario_json.h"

#include <QDir>

#include <random>

using namespace accelplan;
using namespace accelplan::data;

namespace {

const QString kFile = QStringLiteral("plan.json");

QByteArray example() {
    return R"({
  "format": "accelplan.scenario/1",
  "name": "Llama 3.1 70B: fine-tune and serve",
  "workload": { "model": "llama-3.1-70b" },
  "training": { "tokens": 2.0e10, "seq_len": 8192, "global_batch": 512, "precision": "bf16" },
  "inference": { "precision": "fp8", "input_tokens": 2048, "output_tokens": 256,
                 "mode": "server", "slo": { "ttft_s": 2.0, "tpot_s": 0.1 } },
  "candidates": [
    { "chip": "nvidia-h100-sxm5-80gb", "count": 64 },
    { "chip": "huawei-ascend-910b", "count": 64, "parallelism": { "tp": 8, "pp": 2, "dp": 4 } }
  ],
  "costs": { "pricing": "on-demand", "electricity_usd_per_kwh": 0.10, "pue": 1.3 }
}
)";
}

// What every answer of the reader must be: a scenario or errors, each error naming the file,
// saying something, and pointing somewhere (a JSON path or a line) unless it is about the
// whole document.
QString brokenPromise(const ScenarioReadResult &r) {
    if (r.scenario.has_value() == !r.errors.isEmpty())
        return QStringLiteral("a scenario and errors at once, or neither");
    for (const IoError &e : r.errors) {
        if (e.file != kFile || e.reason.trimmed().isEmpty())
            return QStringLiteral("an error without file or reason: ") + e.toString();
    }
    return {};
}

} // namespace

class TestReliabilityScenarioDamage : public QObject {
    Q_OBJECT

private slots:
    void theExampleIsValid() {
        const ScenarioReadResult r = readScenarioJson(example(), kFile);
        QVERIFY2(r.errors.isEmpty(), qPrintable(toString(r.errors)));
    }

    // A file cut off anywhere (a copy interrupted, a disk full while another program wrote
    // it) is a syntax error at a line and column inside what is left.
    void cutOffAtEveryByte() {
        const QByteArray full = example();
        const qsizetype end = full.trimmed().size();
        for (qsizetype n = 0; n < end; ++n) {
            const QByteArray cut = full.left(n);
            const ScenarioReadResult r = readScenarioJson(cut, kFile);
            QVERIFY2(brokenPromise(r).isEmpty(), qPrintable(brokenPromise(r)));
            QVERIFY2(!r.scenario, qPrintable(QStringLiteral("accepted when cut at %1").arg(n)));
            QCOMPARE(r.errors.size(), 1);
            const IoError &e = r.errors.front();
            if (cut.trimmed().isEmpty()) {
                QVERIFY(e.reason.contains(QStringLiteral("empty")));
                continue;
            }
            QVERIFY2(e.line >= 1 && e.line <= cut.count('\n') + 1 && e.column >= 1,
                     qPrintable(QStringLiteral("cut at %1: %2").arg(n).arg(e.toString())));
        }
    }

    // Any single byte overwritten with any of a few telling values (NUL, a quote, a brace, a
    // digit, a letter, a high byte): no crash, no scenario with errors, every error located.
    void everyByteOverwritten() {
        const QByteArray full = example();
        const char replacements[] = {'\0', '"', '}', '[', '9', 'x', '-', ' ', '\xff', '\xc3'};
        int accepted = 0;
        for (qsizetype i = 0; i < full.size(); ++i) {
            for (char c : replacements) {
                QByteArray damaged = full;
                damaged[i] = c;
                const ScenarioReadResult r = readScenarioJson(damaged, kFile);
                QVERIFY2(brokenPromise(r).isEmpty(),
                         qPrintable(QStringLiteral("byte %1 = %2: %3")
                                        .arg(i)
                                        .arg(int(static_cast<unsigned char>(c)))
                                        .arg(brokenPromise(r))));
                accepted += r.scenario.has_value();
            }
        }
        // Some changes leave a valid scenario (a digit of a count, a letter of the name); most
        // must not.
        QVERIFY2(accepted < full.size() * int(std::size(replacements)) / 2,
                 qPrintable(QString::number(accepted)));
    }

    // Blocks of 512 bytes lost (zeroed, as a damaged disk or a crashed copy leaves them) and
    // random bytes: each gives located errors.
    void lostBlocksAndNoise() {
        QByteArray big = example();
        // Pad the name so that the document spans several blocks.
        big.replace("fine-tune and serve", QByteArray(3000, 'n'));
        for (qsizetype block = 0; block * 512 < big.size(); ++block) {
            QByteArray damaged = big;
            for (qsizetype i = block * 512; i < std::min(big.size(), (block + 1) * 512); ++i)
                damaged[i] = '\0';
            const ScenarioReadResult r = readScenarioJson(damaged, kFile);
            QVERIFY(!r.scenario);
            QCOMPARE(r.errors.size(), 1);
            QVERIFY2(r.errors.front().reason.contains(QStringLiteral("not a text file")),
                     qPrintable(r.errors.front().toString()));
            QVERIFY(r.errors.front().line >= 1);
        }
        std::mt19937 random(2026);
        for (int round = 0; round < 200; ++round) {
            QByteArray noise(1 + round * 37, '\0');
            for (char &c : noise)
                c = char(random());
            const ScenarioReadResult r = readScenarioJson(noise, kFile);
            QVERIFY(!r.scenario);
            QVERIFY2(brokenPromise(r).isEmpty(), qPrintable(brokenPromise(r)));
        }
    }

    // Other kinds of file given where a scenario belongs: each named for what it is.
    void otherFilesInItsPlace() {
        const struct {
            QByteArray bytes;
            QString says;
        } cases[] = {
            {QByteArray("SQLite format 3\0\x10\x00\x01\x01", 20),
             QStringLiteral("not a text file")},
            {QByteArray("PK\x03\x04\x14\x00\x00\x00", 8), QStringLiteral("not a text file")},
            {QByteArray("\xff\xfe{\0\"\0", 6), QStringLiteral("not a text file")}, // UTF-16
            {"chip,count\nnvidia-h100-sxm5-80gb,8\n", QStringLiteral("JSON syntax error")},
            {"format: accelplan.scenario/1\nworkload:\n  model: llama-2-7b\n",
             QStringLiteral("JSON syntax error")},
            {"\"accelplan.scenario/1\"", QStringLiteral("JSON syntax error")}, // Qt: no bare values
            {"[{\"format\": \"accelplan.scenario/1\"}]", QStringLiteral("must be a JSON object")},
            {"{\"format\": \"accelplan.catalog/1\", \"chips\": []}",
             QStringLiteral("unsupported format")},
            {"{\"format\": \"accelplan.scenario/2\"}", QStringLiteral("unsupported format")},
            {"{\"format\": \"accelplan.scenario/1\"}{\"format\": \"accelplan.scenario/1\"}",
             QStringLiteral("JSON syntax error")},
        };
        for (const auto &c : cases) {
            const ScenarioReadResult r = readScenarioJson(c.bytes, kFile);
            QVERIFY(!r.scenario);
            QVERIFY2(toString(r.errors).contains(c.says), qPrintable(toString(r.errors)));
        }
    }

    // Devices and special files named as the scenario are refused before any read: an empty
    // one, and an endless one that would otherwise be read until memory runs out.
    void specialFiles() {
        for (const char *device : {"/dev/null", "/dev/zero"}) {
            const auto read = readScenarioFile(QString::fromLatin1(device));
            QVERIFY(!read.scenario);
            QCOMPARE(read.errors.size(), 1);
            QVERIFY2(read.errors.front().reason.contains(QStringLiteral("is a device, not a file")),
                     qPrintable(toString(read.errors)));
        }
    }
};

QTEST_GUILESS_MAIN(TestReliabilityScenarioDamage)
#include "test_reliability_scenario_damage.moc"
