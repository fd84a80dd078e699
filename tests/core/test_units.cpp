// SPDX-License-Identifier: GPL-3.0-or-later
// Typed quantities, and text for people: formatting, parsing, round trips and bad strings.

#include "units/format.h"
#include "units/parse.h"
#include "units/quantities.h"

#include <QtTest>

#include <cmath>

using namespace accelplan::units;

class TestUnits : public QObject {
    Q_OBJECT

private slots:
    void arithmeticKeepsDimensions() {
        const Bytes weights = bytes(1.4e11);
        const BytesPerSecond bw = bytesPerSecond(3.35e12);
        const Seconds t = weights / bw;
        QCOMPARE(t.value(), 1.4e11 / 3.35e12);

        const FlopsPerSecond peak = flopsPerSecond(9.894e14);
        const FlopsPerByte ridge = peak / bw;
        QVERIFY(std::fabs(ridge.value() - 295.34) < 0.01);

        const Dollars cost = dollarsPerHour(2.49) * hours(10);
        QVERIFY(std::fabs(cost.value() - 24.9) < 1e-9);

        const Joules energy = watts(700) * hours(1);
        QVERIFY(std::fabs(inKilowattHours(energy) - 0.7) < 1e-12);

        const Dollars power = dollarsPerKilowattHour(0.10) * kilowattHours(310);
        QVERIFY(std::fabs(power.value() - 31.0) < 1e-9);

        const Kilograms co2 = kilogramsPerKilowattHour(0.4) * kilowattHours(310);
        QVERIFY(std::fabs(co2.value() - 124.0) < 1e-9);
    }

    void formats_data() {
        QTest::addColumn<int>("measure");
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("digits");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, Measure m, double v, int digits, const char *text) {
            QTest::newRow(name) << static_cast<int>(m) << v << digits << QString::fromUtf8(text);
        };
        row("h100 bf16", Measure::ComputeRate, 9.894e14, 4, "989.4 TFLOP/s");
        row("h100 bandwidth", Measure::Bandwidth, 3.35e12, 4, "3.35 TB/s");
        row("nvlink", Measure::Bandwidth, 9e11, 4, "900 GB/s");
        row("80 GiB", Measure::Information, 80.0 * 1073741824.0, 4, "80 GiB");
        row("700 W", Measure::Power, 700, 4, "700 W");
        row("price", Measure::MoneyRate, 2.49 / 3600.0, 4, "$2.49/h");
        row("cost", Measure::Money, 2450, 4, "$2,450");
        row("big cost", Measure::Money, 12.34e6, 3, "$12.3M");
        row("cents", Measure::Money, 0.9, 4, "$0.90");
        row("energy", Measure::Energy, 310 * 3.6e6, 4, "310 kWh");
        row("energy of a request", Measure::Energy, 0.01601, 4, "16.01 mJ");
        row("a fraction of a cent", Measure::Money, 7.677e-05, 3, "$0.0000768");
        row("pflops 2 digits", Measure::ComputeRate, 1.2e15, 2, "1.2 PFLOP/s");
        row("step time", Measure::Time, 4.2, 4, "4.2 s");
        row("tpot", Measure::Time, 0.031, 4, "31 ms");
        row("train time", Measure::Time, 20040, 3, "5.57 h");
        row("long run", Measure::Time, 86400 * 12.5, 3, "12.5 days");
        row("rounding carries prefix", Measure::Bandwidth, 999.96e9, 4, "1 TB/s");
        row("zero", Measure::Bandwidth, 0, 4, "0 B/s");
        row("electricity", Measure::EnergyPrice, 0.10 / 3.6e6, 4, "$0.10/kWh");
        row("intensity", Measure::Intensity, 295.3, 4, "295.3 FLOP/B");
        row("carbon", Measure::CarbonIntensity, 0.4 / 3.6e6, 4, "0.4 kg/kWh");
    }
    void formats() {
        QFETCH(int, measure);
        QFETCH(double, value);
        QFETCH(int, digits);
        QFETCH(QString, expected);
        FormatOptions options;
        options.significantDigits = digits;
        QCOMPARE(
            QString::fromStdString(formatMeasure(value, static_cast<Measure>(measure), options)),
            expected);
    }

    void flopsStyle() {
        FormatOptions options;
        options.flopsAsFlops = true;
        options.significantDigits = 2;
        QCOMPARE(QString::fromStdString(format(flopsPerSecond(1.2e15), options)),
                 QStringLiteral("1.2 PFLOPS"));
    }

    void durationsShareAColumnsUnit() {
        // 41.02 h beside runs measured in days reads in days; a millisecond TPOT beside
        // others near a second reads in seconds; each still parses back to its value.
        FormatOptions days;
        days.durationUnitFor = 2.774 * 86400;
        const std::string hours = format(seconds(41.02 * 3600), days);
        QCOMPARE(QString::fromStdString(hours), QStringLiteral("1.709 days"));
        const ParseResult<Seconds> back = parse<Seconds>(hours);
        QVERIFY(back.ok() && std::fabs(back.value->value() - 41.02 * 3600) < 0.0005 * 86400);
        FormatOptions secondsLike;
        secondsLike.durationUnitFor = 1.5;
        QCOMPARE(QString::fromStdString(format(seconds(0.0469), secondsLike)),
                 QStringLiteral("0.0469 s"));
        // Without it every value picks its own unit.
        QCOMPARE(QString::fromStdString(format(seconds(41.02 * 3600))), QStringLiteral("41.02 h"));
        QCOMPARE(QString::fromStdString(format(seconds(0), days)), QStringLiteral("0 s"));
    }

    void parses_data() {
        QTest::addColumn<int>("measure");
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("expected");
        auto row = [](const char *text, Measure m, double v) {
            QTest::newRow(text) << static_cast<int>(m) << QString::fromUtf8(text) << v;
        };
        row("989.4 TFLOP/s", Measure::ComputeRate, 9.894e14);
        row("1.2 PFLOPS", Measure::ComputeRate, 1.2e15);
        row("394 TOPS", Measure::ComputeRate, 3.94e14);
        row("3.35 TB/s", Measure::Bandwidth, 3.35e12);
        row("900 GB/s", Measure::Bandwidth, 9e11);
        row("400 Gbit/s", Measure::Bandwidth, 5e10);
        row("400 Gb/s", Measure::Bandwidth, 5e10);
        row("820 GiB/s", Measure::Bandwidth, 820.0 * 1073741824.0);
        row("80 GiB", Measure::Information, 80.0 * 1073741824.0);
        row("80GB", Measure::Information, 8e10);
        row("50 MB", Measure::Information, 5e7);
        row("700 W", Measure::Power, 700);
        row("1.2 kW", Measure::Power, 1200);
        row("$2.49/h", Measure::MoneyRate, 2.49 / 3600.0);
        row("55.04 USD/h", Measure::MoneyRate, 55.04 / 3600.0);
        row("2.49", Measure::MoneyRate, 2.49 / 3600.0);
        row("$2,450", Measure::Money, 2450);
        row("$1.2M", Measure::Money, 1.2e6);
        row("30000 USD", Measure::Money, 30000);
        row("-$30k", Measure::Money, -30000); // as format.h writes a negative amount
        row("$-30k", Measure::Money, -30000);
        row("  3.35e12  ", Measure::Bandwidth, 3.35e12);
        row("15 ms", Measure::Time, 0.015);
        row("3.5 h", Measure::Time, 12600);
        row("2 days", Measure::Time, 172800);
        row("310 kWh", Measure::Energy, 310 * 3.6e6);
        row("$0.10/kWh", Measure::EnergyPrice, 0.10 / 3.6e6);
        row("0.4 kg/kWh", Measure::CarbonIntensity, 0.4 / 3.6e6);
        row("5 EB", Measure::Information, 5e18);
        row("3.8e25 FLOP", Measure::Compute, 3.8e25);
    }
    void parses() {
        QFETCH(int, measure);
        QFETCH(QString, text);
        QFETCH(double, expected);
        const ParseResult<double> r =
            parseMeasure(text.toStdString(), static_cast<Measure>(measure));
        QVERIFY2(r.ok(), r.error.message.c_str());
        QVERIFY2(std::fabs(*r.value - expected) <= 1e-12 * std::fabs(expected),
                 qPrintable(QString::number(*r.value, 'g', 17)));
    }

    void typedParse() {
        const ParseResult<BytesPerSecond> bw = parse<BytesPerSecond>("3.35 TB/s");
        QVERIFY(bw.ok());
        QCOMPARE(bw.value->value(), 3.35e12);
        QVERIFY(!parse<BytesPerSecond>("3.35 TFLOP/s").ok()); // a compute rate is no bandwidth
    }

    // Counts as people type them: a scale word attached or apart, the field's unit words in
    // any case; anything else is refused where it goes wrong.
    void counts() {
        const std::vector<std::string_view> perDay{"tokens/day", "/day"};
        const auto count = [&](const char *text) {
            const ParseResult<double> r = parseCount(text, perDay);
            return r.ok() ? *r.value : -1.0;
        };
        QCOMPARE(count("70 B"), 70e9);
        QCOMPARE(count("70b"), 70e9);
        QCOMPARE(count("1.5 M tokens/day"), 1.5e6);
        QCOMPARE(count("1.5m Tokens/Day"), 1.5e6);
        QCOMPARE(count("2k"), 2e3);
        QCOMPARE(count("3 million"), 3e6);
        QCOMPARE(count("2 T"), 2e12);
        QCOMPARE(count("1,500 /day"), 1500.0);
        QCOMPARE(count("12"), 12.0);
        const ParseResult<double> bad = parseCount("20 apples/day", perDay);
        QVERIFY(!bad.ok());
        QCOMPARE(static_cast<int>(bad.error.position), 3);
        QVERIFY2(bad.error.message.find("'tokens/day'") != std::string::npos,
                 bad.error.message.c_str());
        QVERIFY(!parseCount("many", perDay).ok());
        QVERIFY(!parseCount("1e400 B", perDay).ok());

        QVERIFY(beginsCountSuffix("", perDay));
        QVERIFY(beginsCountSuffix("M tok", perDay));
        QVERIFY(beginsCountSuffix("bi", perDay));
        QVERIFY(beginsCountSuffix("k /d", perDay));
        QVERIFY(!beginsCountSuffix("x", perDay));
        QVERIFY(!beginsCountSuffix("M apples", perDay));
    }

    // What a field lets a person type on: a unit's beginning, after a prefix it takes.
    void unitBeginnings() {
        QVERIFY(beginsUnitOf("m", Measure::Time));  // ms, min, month
        QVERIFY(!beginsUnitOf("G", Measure::Time)); // time takes no prefixes
        QVERIFY(beginsUnitOf("G", Measure::Information));
        QVERIFY(beginsUnitOf("Gi", Measure::Information));
        QVERIFY(beginsUnitOf("GiB", Measure::Information));
        QVERIFY(beginsUnitOf("TB/", Measure::Bandwidth));
        QVERIFY(!beginsUnitOf("Gx", Measure::Information));
        QVERIFY(!beginsUnitOf("x", Measure::Information));
    }

    void badStrings_data() {
        QTest::addColumn<int>("measure");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("mentions");
        auto row = [](const char *name, Measure m, const char *text, int pos, const char *mention) {
            QTest::newRow(name) << static_cast<int>(m) << QString::fromUtf8(text) << pos
                                << QString::fromUtf8(mention);
        };
        row("empty", Measure::Bandwidth, "", 0, "empty");
        row("blank", Measure::Bandwidth, "   ", 0, "empty");
        row("no number", Measure::Bandwidth, "fast", 0, "expected a number");
        row("bad unit", Measure::Bandwidth, "3.35 TB/x", 5, "unknown unit 'TB/x'");
        row("wrong measure", Measure::Power, "700 GB", 4, "unknown unit 'GB'");
        row("bad prefix", Measure::ComputeRate, "5 XFLOP/s", 2, "unknown unit 'XFLOP/s'");
        row("iec for watts", Measure::Power, "5 KiW", 2, "unknown unit");
        row("trailing junk", Measure::Money, "$12 apples", 4, "unexpected 'apples'");
        row("huge", Measure::Information, "1e400 B", 0, "out of range");
        row("time prefix", Measure::Time, "3 ks", 2, "unknown unit 'ks'");
    }
    void badStrings() {
        QFETCH(int, measure);
        QFETCH(QString, text);
        QFETCH(int, position);
        QFETCH(QString, mentions);
        const ParseResult<double> r =
            parseMeasure(text.toStdString(), static_cast<Measure>(measure));
        QVERIFY(!r.ok());
        QCOMPARE(static_cast<int>(r.error.position), position);
        const QString message = QString::fromStdString(r.error.message);
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("written like")), qPrintable(message));
    }

    // Format then parse gives the value back: exactly at full precision, and within the
    // rounding of the chosen digits otherwise.
    void roundTrip_data() {
        QTest::addColumn<int>("measure");
        QTest::addColumn<double>("value");
        const std::pair<Measure, double> cases[] = {
            {Measure::ComputeRate, 9.894e14},
            {Measure::ComputeRate, 1.9789e15},
            {Measure::ComputeRate, 3.94e14},
            {Measure::Bandwidth, 3.35e12},
            {Measure::Bandwidth, 6.25e10},
            {Measure::Information, 8.589934592e10},
            {Measure::Information, 1.41e11},
            {Measure::Power, 700},
            {Measure::Power, 1.2e3},
            {Measure::Money, 30678},
            {Measure::Money, 2.49},
            {Measure::Money, 7.677e-05}, // a million tiny requests: "$0.00007677"
            {Measure::Money, 2.5e7},
            {Measure::MoneyRate, 55.04 / 3600.0},
            {Measure::Time, 0.031},
            {Measure::Time, 20040},
            {Measure::Time, 1.08e6},
            {Measure::Time, 1e300}, // the largest value read: "3.169e+292 years" rounds up past it
            {Measure::Energy, 1.116e9},
            {Measure::Energy, 500},
            {Measure::Energy, 0.016}, // one detection on a phone: "16 mJ"
            {Measure::Compute, 3.8e25},
            {Measure::Intensity, 295.3},
            {Measure::EnergyPrice, 0.1 / 3.6e6},
            {Measure::CarbonIntensity, 0.4 / 3.6e6},
        };
        int i = 0;
        for (const auto &[m, v] : cases)
            QTest::newRow(qPrintable(QStringLiteral("case %1").arg(i++)))
                << static_cast<int>(m) << v;
    }
    void roundTrip() {
        QFETCH(int, measure);
        QFETCH(double, value);
        const auto m = static_cast<Measure>(measure);
        for (int digits : {3, 4, 6, 17}) {
            FormatOptions options;
            options.significantDigits = digits;
            const std::string text = formatMeasure(value, m, options);
            const ParseResult<double> back = parseMeasure(text, m);
            QVERIFY2(back.ok(), (text + ": " + back.error.message).c_str());
            const double tolerance = digits >= 17 ? 1e-14 : 0.5 * std::pow(10.0, 1 - digits);
            QVERIFY2(std::fabs(*back.value - value) <= tolerance * std::fabs(value),
                     (text + " read back as " + std::to_string(*back.value)).c_str());
        }
    }

    // Amounts in another currency: converted at its rate, written with its sign; yen without
    // cents; a code without a sign before the number.
    void currencies_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<double>("perUsd");
        QTest::addColumn<int>("measure");
        QTest::addColumn<double>("dollarsIn");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const char *code, double perUsd, Measure m,
                      double dollarsIn, const char *text) {
            QTest::newRow(name) << QString::fromLatin1(code) << perUsd << static_cast<int>(m)
                                << dollarsIn << QString::fromUtf8(text);
        };
        row("euros", "EUR", 0.92, Measure::Money, 2450, "€2,254");
        row("euro cents", "EUR", 0.92, Measure::Money, 0.5, "€0.46");
        row("millions of yuan", "CNY", 7.1, Measure::Money, 2.5e6, "CN¥17.75M");
        row("yen have no cents", "JPY", 150, Measure::Money, 0.25, "¥38");
        row("a price per hour", "GBP", 0.79, Measure::MoneyRate, 2.49 / 3600.0, "£1.967/h");
        row("electricity", "EUR", 0.92, Measure::EnergyPrice, 0.10 / 3.6e6, "€0.092/kWh");
        row("no sign", "CHF", 0.88, Measure::Money, -1000, "-CHF 880");
        row("dollars", "USD", 1, Measure::Money, 2450, "$2,450");
    }
    void currencies() {
        QFETCH(QString, code);
        QFETCH(double, perUsd);
        QFETCH(int, measure);
        QFETCH(double, dollarsIn);
        QFETCH(QString, expected);
        FormatOptions options;
        options.currency = Currency{code.toStdString(), perUsd, "2026-12-01"};
        QCOMPARE(QString::fromStdString(
                     formatMeasure(dollarsIn, static_cast<Measure>(measure), options)),
                 expected);
    }

    // The process-wide shown currency is what a caller gets without asking; a caller who asks
    // for dollars (the catalog, the files) gets dollars; a currency without a usable rate is
    // refused and the one before stays.
    void shownCurrencyIsTheDefault() {
        const Currency euros{"EUR", 0.92, "2026-12-01"};
        setShownCurrency(euros);
        QCOMPARE(QString::fromStdString(format(dollars(100))), QStringLiteral("€92.00"));
        FormatOptions inDollars;
        inDollars.currency = Currency{};
        QCOMPARE(QString::fromStdString(format(dollars(100), inDollars)), QStringLiteral("$100"));
        QCOMPARE(QString::fromStdString(conversionText(shownCurrency())),
                 QStringLiteral("EUR at 0.92 per US dollar (rate of 2026-12-01)"));
        setShownCurrency(Currency{"EUR", 0, ""});
        setShownCurrency(Currency{"EUR", std::nan(""), ""});
        setShownCurrency(Currency{"euro", 0.9, ""});
        QVERIFY(shownCurrency() == euros);
        QVERIFY(currencyProblem(Currency{"EUR", -1, ""}).has_value());
        QVERIFY(currencyProblem(Currency{"eur", 1, ""}).has_value());
        setShownCurrency(Currency{});
        QCOMPARE(QString::fromStdString(format(dollars(100))), QStringLiteral("$100"));
        QVERIFY(conversionText(shownCurrency()).empty());
    }

    void percent() {
        QCOMPARE(QString::fromStdString(formatPercent(0.413)), QStringLiteral("41 %"));
        QCOMPARE(QString::fromStdString(formatPercent(0.4137, 1)), QStringLiteral("41.4 %"));
    }
};

QTEST_APPLESS_MAIN(TestUnits)
#include "test_units.moc"
