// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csv.h"

#include <QStringDecoder>

namespace accelplan::data {
namespace {

constexpr int kMaxErrors = 100; // one run shows plenty to fix; a binary file would give millions

// The text, or the line where it stops being UTF-8 text.
std::optional<QString> decodeUtf8(const QByteArray &bytes, IoErrorLog &log) {
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0) {
        log.atLine(int(bytes.left(nul).count('\n')) + 1, 0,
                   QStringLiteral("holds a NUL byte: a binary file, not CSV text"));
        return std::nullopt;
    }
    QString text;
    text.reserve(bytes.size());
    int line = 1;
    for (qsizetype start = 0; start < bytes.size(); ++line) {
        qsizetype end = bytes.indexOf('\n', start);
        end = end < 0 ? bytes.size() : end + 1;
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString part = decoder.decode(QByteArrayView(bytes).sliced(start, end - start));
        if (decoder.hasError()) {
            log.atLine(line, 0, QStringLiteral("is not UTF-8 text (save the file as UTF-8)"));
            return std::nullopt;
        }
        text += part;
        start = end;
    }
    return text;
}

// Spreadsheets run a cell that starts with one of these as a formula (OWASP's CSV injection
// rule), so a chip named "=HYPERLINK(...)" could act when an export is opened.
bool startsLikeFormula(QStringView f) {
    return !f.isEmpty() && QStringView(u"=+-@\t\r").contains(f.front());
}

bool isPlainNumber(const QString &f) {
    bool ok = false;
    f.toDouble(&ok);
    return ok;
}

// What csvLine prefixes with an apostrophe, which spreadsheets show as text: a field that
// starts like a formula (a number such as "-5" is none), and a field that already starts with
// an apostrophe before such a character or another apostrophe, so that reading strips exactly
// what writing added (readField) and every text reads back as written.
bool needsApostrophe(const QString &f) {
    if (f.startsWith(u'\''))
        return f.size() > 1 && (f[1] == u'\'' || startsLikeFormula(QStringView(f).mid(1)));
    return startsLikeFormula(f) && !isPlainNumber(f);
}

// The field as it was before csvLine neutralised it.
void restoreNeutralised(QString &text) {
    if (text.size() > 1 && text.front() == u'\'' &&
        (text[1] == u'\'' || startsLikeFormula(QStringView(text).mid(1))))
        text.remove(0, 1);
}

} // namespace

bool CsvRecord::isBlank() const {
    for (const CsvField &f : fields)
        if (!f.text.trimmed().isEmpty())
            return false;
    return true;
}

CsvParseResult parseCsv(const QByteArray &raw, const QString &fileName) {
    CsvParseResult result;
    IoErrorLog log(fileName);
    if (raw.size() > kMaxCsvFileBytes) {
        log.atLine(0, 0,
                   QStringLiteral("is %1 MB, larger than any catalog (at most %2 MB)")
                       .arg(raw.size() / (1024 * 1024))
                       .arg(kMaxCsvFileBytes / (1024 * 1024)));
        result.errors = log.errors();
        return result;
    }
    const QByteArray bom("\xEF\xBB\xBF");
    const std::optional<QString> decoded = decodeUtf8(raw.startsWith(bom) ? raw.mid(3) : raw, log);
    if (!decoded) {
        result.errors = log.errors();
        return result;
    }
    const QString &text = *decoded;

    int line = 1;
    int column = 1;
    CsvRecord record;
    CsvField field;
    bool inQuotes = false;
    bool afterQuote = false; // the field's closing quote was read
    bool fieldStarted = false;
    int quoteLine = 0;
    int quoteColumn = 0;
    auto startField = [&] {
        field = CsvField{{}, line, column};
        fieldStarted = true;
    };
    auto endField = [&] {
        if (!fieldStarted)
            startField();
        // A byte order mark is never part of a value (files pasted together from exports
        // carry one where each part began). Dropped wherever a field starts with one, not just
        // where Qt's line decoding happens to, so what is read writes back the same.
        if (field.text.startsWith(QChar(0xFEFF)))
            field.text.remove(0, 1);
        restoreNeutralised(field.text);
        record.fields.append(std::move(field));
        field = CsvField{};
        fieldStarted = false;
        afterQuote = false;
    };
    auto endRecord = [&] {
        endField();
        result.records.append(std::move(record));
        record = CsvRecord{};
    };
    for (qsizetype i = 0; i < text.size() && log.errors().size() < kMaxErrors; ++i) {
        const QChar c = text[i];
        if (!fieldStarted) {
            startField();
            if (record.fields.isEmpty())
                record.line = line;
        }
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field.text += u'"';
                    ++i;
                    column += 2;
                    continue;
                }
                inQuotes = false;
                afterQuote = true;
            } else {
                field.text += c;
            }
            if (c == u'\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
            continue;
        }
        if (c == u',') {
            endField();
            ++column;
            continue;
        }
        if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
            continue; // CRLF: the LF ends the record
        if (c == u'\n') {
            endRecord();
            ++line;
            column = 1;
            continue;
        }
        if (c == u'"') {
            if (field.text.isEmpty() && !afterQuote) {
                inQuotes = true;
                quoteLine = line;
                quoteColumn = column;
            } else {
                log.atLine(line, column,
                           QStringLiteral("a quote inside a field that does not start with one: "
                                          "quote the whole field and double the quote (\"\")"));
            }
        } else if (afterQuote) {
            log.atLine(line, column,
                       QStringLiteral("'%1' after the closing quote of a field: a field ends at "
                                      "its closing quote")
                           .arg(c));
            afterQuote = false;
        } else {
            field.text += c;
        }
        ++column;
    }
    if (inQuotes)
        log.atLine(quoteLine, quoteColumn,
                   QStringLiteral("the quoted field starting here is not closed (a missing \")"));
    if (fieldStarted || !record.fields.isEmpty())
        endRecord();
    if (!log.isEmpty()) {
        result.records.clear();
        result.errors = log.errors();
    }
    return result;
}

QByteArray csvLine(const QStringList &fields) {
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += u',';
        const QString f = needsApostrophe(fields[i]) ? u'\'' + fields[i] : fields[i];
        // Leading or trailing spaces are quoted too: some spreadsheets drop them otherwise.
        const bool quote = f.contains(u',') || f.contains(u'"') || f.contains(u'\n') ||
                           f.contains(u'\r') ||
                           (!f.isEmpty() && (f.front().isSpace() || f.back().isSpace()));
        if (quote) {
            QString escaped = f;
            escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
            line += u'"' + escaped + u'"';
        } else {
            line += f;
        }
    }
    return line.toUtf8() + '\n';
}

} // namespace accelplan::data
