// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/text_table.h"

#include <algorithm>

namespace accelplan::data {
namespace {

// U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069: marks, embeddings, overrides and
// isolates, the characters of "Trojan Source" (CVE-2021-42574).
bool isBidiControl(char16_t c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

} // namespace

QString terminalSafe(const QString &text, bool keepLineFeeds) {
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c == u'\n' && keepLineFeeds) {
            out += ch;
        } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        } else if (isBidiControl(c)) {
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        } else {
            out += ch;
        }
    }
    return out;
}

TextTable::TextTable(QStringList firstRow, FirstRow kind, std::vector<bool> rightAligned)
    : firstRow_(kind), right_(std::move(rightAligned)) {
    add(std::move(firstRow));
}

void TextTable::add(QStringList row) {
    for (QString &cell : row)
        cell = terminalSafe(cell);
    rows_.push_back(std::move(row));
}

QString TextTable::text(const QString &indent) const {
    std::vector<qsizetype> width;
    for (const QStringList &row : rows_) {
        width.resize(std::max(width.size(), std::size_t(row.size())), 0);
        for (qsizetype c = 0; c < row.size(); ++c)
            width[std::size_t(c)] = std::max(width[std::size_t(c)], row[c].size());
    }
    const auto rightAligned = [this](qsizetype c) {
        return std::size_t(c) < right_.size() && right_[std::size_t(c)];
    };
    QString out;
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        QString line = indent;
        for (qsizetype c = 0; c < rows_[r].size(); ++c) {
            if (c > 0)
                line += QStringLiteral("  ");
            const QString &cell = rows_[r][c];
            const qsizetype w = width[std::size_t(c)];
            line += rightAligned(c) ? cell.rightJustified(w) : cell.leftJustified(w);
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out += line + QLatin1Char('\n');
        if (r == 0 && firstRow_ == FirstRow::header) {
            qsizetype total = 0;
            for (qsizetype w : width)
                total += w;
            out += indent + QString(total + 2 * (qsizetype(width.size()) - 1), QLatin1Char('-')) +
                   QLatin1Char('\n');
        }
    }
    return out;
}

} // namespace accelplan::data
