// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Catalog values for the terminal: a plain text table (columns padded to their widest cell) and
// quantities in people's units, with a dash where a value is unknown.

#include "support/qt_text.h"
#include "units/format.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>
#include <string>
#include <vector>

namespace accelplan::cli::catalog {

class TextTable {
public:
    explicit TextTable(QStringList header) { rows_.push_back(std::move(header)); }
    void add(QStringList row) { rows_.push_back(std::move(row)); }
    void print(QTextStream &out, const QString &indent = {}) const;

private:
    std::vector<QStringList> rows_;
};

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
