// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Catalog values for the terminal (tables: io/text_table.h): quantities in people's units, with a
// dash where a value is unknown.

#include "support/qt_text.h"
#include "units/format.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace accelplan::cli::catalog {

inline const QString kUnknown = QStringLiteral("-");

// "989.4 TFLOP/s", "80 GB", "$2.49/h"; a dash when unknown.
template <class Q> QString shown(const std::optional<Q> &value) {
    if (!value)
        return kUnknown;
    units::FormatOptions options;
    options.bytes = units::ByteStyle::Si; // catalog sizes are decimal, as vendors print them
    return data::qs(units::format(*value, options));
}

// The text, or a dash when empty.
QString shownText(const std::string &text);

} // namespace accelplan::cli::catalog
