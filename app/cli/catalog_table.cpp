// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_table.h"

#include "support/qt_text.h"

#include <algorithm>

namespace accelplan::cli::catalog {

void TextTable::print(QTextStream &out, const QString &indent) const {
    std::vector<qsizetype> widths;
    for (const QStringList &row : rows_) {
        widths.resize(std::max(widths.size(), std::size_t(row.size())), 0);
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[std::size_t(c)] = std::max(widths[std::size_t(c)], row[c].size());
    }
    for (const QStringList &row : rows_) {
        QString line = indent;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                line += QStringLiteral("  ");
            line += c + 1 < row.size() ? row[c].leftJustified(widths[std::size_t(c)]) : row[c];
        }
        out << line << "\n";
    }
}

QString shownText(const std::string &text) { return text.empty() ? kUnknown : data::qs(text); }

} // namespace accelplan::cli::catalog
