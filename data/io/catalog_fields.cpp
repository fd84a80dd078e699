// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/catalog_fields.h"

#include "io/lossless_number.h"
#include "support/qt_text.h"
#include "units/parse.h"
#include "units/quantities.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace accelplan::data {
namespace {

using units::Measure;

template <class Q> std::optional<double> valueOf(const std::optional<Q> &q) {
    return q ? std::optional<double>(q->value()) : std::nullopt;
}
template <class Q> std::optional<Q> quantityOf(std::optional<double> v) {
    return v ? std::optional<Q>(Q::from_value(*v)) : std::nullopt;
}

#define ACCELPLAN_CHIP_FIELD(key, measure, member, Q)                                              \
    QuantityField<Chip> {                                                                          \
        QStringLiteral(key), measure, 1.0, [](const Chip &c) { return valueOf(c.member); },        \
            [](Chip &c, std::optional<double> v) { c.member = quantityOf<Q>(v); }                  \
    }
#define ACCELPLAN_PEAK_FIELD(key, precision)                                                       \
    QuantityField<Chip> {                                                                          \
        QStringLiteral("peak_flops." key), Measure::ComputeRate, 1.0,                              \
            [](const Chip &c) { return valueOf(c.peakAt(Precision::precision)); },                 \
            [](Chip &c, std::optional<double> v) {                                                 \
                c.peak[indexOf(Precision::precision)] = quantityOf<units::FlopsPerSecond>(v);      \
            }                                                                                      \
    }
#define ACCELPLAN_PRICE_FIELD(key, position)                                                       \
    QuantityField<Offering> {                                                                      \
        QStringLiteral("usd_per_hour." key), Measure::MoneyRate, units::kSecondsPerHour,           \
            [](const Offering &o) { return valueOf(o.pricePerInstance[position]); },               \
            [](Offering &o, std::optional<double> v) {                                             \
                o.pricePerInstance[position] = quantityOf<units::DollarsPerSecond>(v);             \
            }                                                                                      \
    }

} // namespace

const std::vector<QuantityField<Chip>> &chipQuantityFields() {
    static const std::vector<QuantityField<Chip>> fields{
        ACCELPLAN_PEAK_FIELD("fp64", fp64),
        ACCELPLAN_PEAK_FIELD("fp32", fp32),
        ACCELPLAN_PEAK_FIELD("tf32", tf32),
        ACCELPLAN_PEAK_FIELD("bf16", bf16),
        ACCELPLAN_PEAK_FIELD("fp16", fp16),
        ACCELPLAN_PEAK_FIELD("fp8", fp8),
        ACCELPLAN_PEAK_FIELD("int8", int8),
        ACCELPLAN_PEAK_FIELD("fp4", fp4),
        ACCELPLAN_PEAK_FIELD("int4", int4),
        ACCELPLAN_CHIP_FIELD("onchip_sram_bytes", Measure::Information, onChipSram, units::Bytes),
        ACCELPLAN_CHIP_FIELD("memory_bytes", Measure::Information, memory, units::Bytes),
        ACCELPLAN_CHIP_FIELD("memory_bandwidth_bytes_per_s", Measure::Bandwidth, memoryBandwidth,
                             units::BytesPerSecond),
        ACCELPLAN_CHIP_FIELD("scale_up.bandwidth_bytes_per_s", Measure::Bandwidth,
                             scaleUp.bandwidthPerDirection, units::BytesPerSecond),
        ACCELPLAN_CHIP_FIELD("scale_out_bandwidth_bytes_per_s", Measure::Bandwidth,
                             scaleOutBandwidth, units::BytesPerSecond),
        ACCELPLAN_CHIP_FIELD("tdp_watts", Measure::Power, tdp, units::Watts),
        ACCELPLAN_CHIP_FIELD("tdp_watts_range.low", Measure::Power, tdpRange.low, units::Watts),
        ACCELPLAN_CHIP_FIELD("tdp_watts_range.high", Measure::Power, tdpRange.high, units::Watts),
        ACCELPLAN_CHIP_FIELD("price_usd", Measure::Money, price, units::Dollars),
        ACCELPLAN_CHIP_FIELD("price_usd_range.low", Measure::Money, priceRange.low, units::Dollars),
        ACCELPLAN_CHIP_FIELD("price_usd_range.high", Measure::Money, priceRange.high,
                             units::Dollars),
    };
    static_assert(kPrecisionCount == 9, "a new precision needs its peak_flops field here");
    return fields;
}

const std::vector<QuantityField<Offering>> &offeringQuantityFields() {
    static const std::vector<QuantityField<Offering>> fields{
        ACCELPLAN_PRICE_FIELD("on-demand", 0),
        ACCELPLAN_PRICE_FIELD("spot", 1),
        ACCELPLAN_PRICE_FIELD("reserved-1y", 2),
        ACCELPLAN_PRICE_FIELD("reserved-3y", 3),
        QuantityField<Offering>{QStringLiteral("scale_out_bandwidth_bytes_per_s"),
                                Measure::Bandwidth, 1.0,
                                [](const Offering &o) { return valueOf(o.scaleOutBandwidth); },
                                [](Offering &o, std::optional<double> v) {
                                    o.scaleOutBandwidth = quantityOf<units::BytesPerSecond>(v);
                                }},
    };
    static_assert(kRentalPricings[0] == Pricing::onDemand && kRentalPricings[1] == Pricing::spot &&
                      kRentalPricings[2] == Pricing::reserved1y &&
                      kRentalPricings[3] == Pricing::reserved3y,
                  "usd_per_hour fields follow kRentalPricings");
    return fields;
}

#undef ACCELPLAN_CHIP_FIELD
#undef ACCELPLAN_PEAK_FIELD
#undef ACCELPLAN_PRICE_FIELD

std::optional<RangeEnd> rangeEndOf(const QString &key) {
    for (const auto &[suffix, index] : {std::pair{QStringLiteral("_range.low"), 0},
                                        std::pair{QStringLiteral("_range.high"), 1}}) {
        if (key.endsWith(suffix))
            return RangeEnd{key.left(key.lastIndexOf(u'.')), index};
    }
    return std::nullopt;
}

double fromFileNumber(double fileValue, double fileScale) { return fileValue / fileScale; }

double toFileNumber(double baseValue, double fileScale) {
    if (fileScale == 1.0)
        return baseValue;
    // 15 digits are not always enough: $878.3249999999999/h per second, written as 878.325,
    // reads back one bit off. The shortest decimal that reads back exactly is.
    return losslessWritten(baseValue, baseValue * fileScale,
                           [fileScale](double w) { return fromFileNumber(w, fileScale); });
}

std::optional<double> parseFileQuantity(const QString &text, units::Measure measure,
                                        double fileScale, QString *error) {
    const QString trimmed = text.trimmed();
    bool isNumber = false;
    const double number = trimmed.toDouble(&isNumber);
    if (isNumber) {
        if (!std::isfinite(number)) {
            *error = QStringLiteral("'%1' is not a finite number").arg(trimmed);
            return std::nullopt;
        }
        return fromFileNumber(number, fileScale);
    }
    const QByteArray utf8 = trimmed.toUtf8();
    const units::ParseResult<double> parsed =
        units::parseMeasure(std::string_view(utf8.constData(), std::size_t(utf8.size())), measure);
    if (!parsed.ok()) {
        *error = QStringLiteral("'%1': %2 (expected a %3 such as '%4')")
                     .arg(trimmed, qs(parsed.error.message), qs(units::measureName(measure)),
                          qs(units::measureExample(measure)));
        return std::nullopt;
    }
    // A value with its unit ("$42.60/h") reads as the very double its plain file number (42.6)
    // reads as, so that what is written reads back exactly (found by the CSV fuzzer).
    return fromFileNumber(*parsed.value * fileScale, fileScale);
}

} // namespace accelplan::data
