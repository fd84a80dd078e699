// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CSV as RFC 4180 writes it, and as spreadsheets save it: comma-separated, fields with a comma,
// a quote or a line break quoted ("..."), a quote inside doubled (""), lines ending in LF or
// CRLF, UTF-8 with or without a byte order mark. Every field keeps where it starts (line and
// column, 1-based, columns counted in characters) so that a problem can point at it.

#include "io/io_error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace accelplan::data {

// Larger files are refused before parsing: no catalog comes near this.
inline constexpr qint64 kMaxCsvFileBytes = 64LL * 1024 * 1024;

struct CsvField {
    QString text;
    int line = 0;
    int column = 0;
};

struct CsvRecord {
    QList<CsvField> fields;
    int line = 0; // where the record starts (a quoted field may span lines)

    bool isBlank() const; // no field holds anything
};

struct CsvParseResult {
    QList<CsvRecord> records; // empty when `errors` is not
    IoErrors errors;          // the file's syntax problems, each at its line and column
};

// Reads CSV text; `fileName` names the file in the errors.
CsvParseResult parseCsv(const QByteArray &bytes, const QString &fileName);

// One record as a line (ending in "\n"), fields quoted only where needed. A field that a
// spreadsheet would run as a formula (starting with =, +, -, @, a tab or a CR, and not a number)
// is written with a leading apostrophe, which parseCsv removes again: every CSV the product
// writes goes through here.
QByteArray csvLine(const QStringList &fields);

} // namespace accelplan::data
