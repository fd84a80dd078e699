// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_editor/shown_quantity.h"

#include "support/text.h"
#include "units/format.h"

#include <QSettings>

#include <string>

namespace accelplan::ui {

namespace {

const QString kByteUnitsKey = QStringLiteral("catalogEditor/byteUnits");

std::string formattedAs(double value, units::Measure measure, int digits, units::ByteStyle style) {
    units::FormatOptions options;
    options.significantDigits = digits;
    options.bytes = style;
    options.currency = units::Currency{}; // the catalog's prices are in US dollars
    return units::formatMeasure(value, measure, options);
}

} // namespace

ByteUnits preferredByteUnits() {
    const int units = QSettings().value(kByteUnitsKey, 0).toInt();
    return units == 1 ? ByteUnits::decimal : units == 2 ? ByteUnits::binary : ByteUnits::asStated;
}

void setPreferredByteUnits(ByteUnits units) {
    QSettings().setValue(kByteUnitsKey, units == ByteUnits::decimal  ? 1
                                        : units == ByteUnits::binary ? 2
                                                                     : 0);
}

QString shownQuantity(double value, units::Measure measure, int significantDigits) {
    const std::string decimal =
        formattedAs(value, measure, significantDigits, units::ByteStyle::Si);
    const bool bytes =
        measure == units::Measure::Information || measure == units::Measure::Bandwidth;
    switch (bytes ? preferredByteUnits() : ByteUnits::decimal) {
    case ByteUnits::decimal: return qs(decimal);
    case ByteUnits::binary:
        return qs(formattedAs(value, measure, significantDigits, units::ByteStyle::Iec));
    case ByteUnits::asStated: {
        // The unit the value is round in needs fewer digits to be exact: 95 GiB is
        // "102.00547328 GB". Rounded to the digits shown, both could look round ("102 GB").
        // "GiB" is a letter longer than "GB", so a value round in neither stays decimal.
        constexpr int kExact = 15;
        const bool binary = formattedAs(value, measure, kExact, units::ByteStyle::Iec).size() <
                            formattedAs(value, measure, kExact, units::ByteStyle::Si).size();
        return binary ? qs(formattedAs(value, measure, significantDigits, units::ByteStyle::Iec))
                      : qs(decimal);
    }
    }
    return qs(decimal);
}

} // namespace accelplan::ui
