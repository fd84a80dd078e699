// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Plain text tables for the terminal (the CLI's results and catalog listings): columns padded
// to their widest cell, two spaces apart, text left and numbers right. Every cell is shown
// terminal-safe, so a chip or scenario name cannot move the cursor, recolour the screen or
// reverse the text around it.

#include <QString>
#include <QStringList>

#include <vector>

namespace accelplan::data {

class TextTable {
public:
    enum class FirstRow {
        header, // the column names, ruled off with dashes
        data,   // a key-value list has no header
    };
    explicit TextTable(QStringList firstRow, FirstRow kind = FirstRow::header,
                       std::vector<bool> rightAligned = {});
    void add(QStringList row);
    // Each line starts with `indent`; no line ends in spaces.
    QString text(const QString &indent = {}) const;

private:
    std::vector<QStringList> rows_;
    FirstRow firstRow_;
    std::vector<bool> right_;
};

// The text with every control character (C0, DEL, C1: escape sequences, carriage returns) and
// every bidirectional formatting character shown as a visible escape ("\x1b", "\u202e"). Line
// feeds stay when `keepLineFeeds` (a whole output), and are escaped otherwise (one cell).
QString terminalSafe(const QString &text, bool keepLineFeeds = false);

} // namespace accelplan::data
