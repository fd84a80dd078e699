// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/json_file.h"

#include "io/json_duplicates.h"
#include "io/read_file.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace accelplan::data {
namespace {

bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Offset of the first byte that cannot be in UTF-8 text (a NUL, or a malformed sequence), or
// -1 when the text is clean.
qsizetype firstNonTextByte(const QByteArray &bytes) {
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0)
            return i;
        int extra = 0;
        if (c < 0x80)
            extra = 0;
        else if (c >= 0xC2 && c <= 0xDF)
            extra = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            extra = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return i;
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || !isContinuationByte(static_cast<unsigned char>(bytes[i + k])))
                return i;
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
        const auto second = extra > 0 ? static_cast<unsigned char>(bytes[i + 1]) : 0;
        if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) ||
            (c == 0xF0 && second < 0x90) || (c == 0xF4 && second > 0x8F))
            return i;
        i += extra + 1;
    }
    return -1;
}

QString syntaxReason(const QJsonParseError &error) {
    if (error.error == QJsonParseError::DeepNesting)
        return QStringLiteral("the document is nested too deeply to be read");
    if (error.error == QJsonParseError::IllegalNumber)
        return QStringLiteral("JSON syntax error: illegal number (numbers must be finite and "
                              "within the range of a double)");
    return QStringLiteral("JSON syntax error: ") + error.errorString();
}

} // namespace

std::pair<int, int> lineAndColumn(const QByteArray &utf8, qsizetype offset) {
    offset = std::clamp<qsizetype>(offset, 0, utf8.size());
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if (!isContinuationByte(c)) {
            ++column;
        }
    }
    return {line, column};
}

std::optional<QJsonObject> parseJsonObject(const QByteArray &raw, IoErrorLog &log) {
    // Editors on Windows may start UTF-8 files with a byte order mark; it is not JSON.
    const QByteArray bom("\xEF\xBB\xBF");
    const QByteArray bytes = raw.startsWith(bom) ? raw.mid(bom.size()) : raw;
    if (bytes.trimmed().isEmpty()) {
        log.atPath({}, QStringLiteral("the file is empty (expected a JSON document)"));
        return std::nullopt;
    }
    if (const qsizetype bad = firstNonTextByte(bytes); bad >= 0) {
        const auto [line, column] = lineAndColumn(bytes, bad);
        log.atLine(line, column,
                   QStringLiteral("not a text file: binary data (byte 0x%1), expected JSON")
                       .arg(static_cast<unsigned char>(bytes[bad]), 2, 16, QLatin1Char('0')));
        return std::nullopt;
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(bytes, error.offset);
        log.atLine(line, column, syntaxReason(error));
        return std::nullopt;
    }
    if (!document.isObject()) {
        log.atPath({}, QStringLiteral("the document must be a JSON object ({ ... }), found %1")
                           .arg(document.isArray() ? QStringLiteral("an array")
                                                   : QStringLiteral("a single value")));
        return std::nullopt;
    }
    if (!checkNoDuplicateKeys(bytes, log))
        return std::nullopt;
    return document.object();
}

std::optional<QJsonObject> readJsonObjectFile(const QString &path, IoErrorLog &log) {
    QString problem;
    const std::optional<QByteArray> bytes = readRegularFile(path, kMaxJsonFileBytes, &problem);
    if (!bytes) {
        log.atPath({}, problem);
        return std::nullopt;
    }
    if (bytes->size() > kMaxJsonFileBytes) {
        log.atPath({}, QStringLiteral("the file is larger than %1 MiB; not a document AccelPlan "
                                      "wrote")
                           .arg(kMaxJsonFileBytes / (1024 * 1024)));
        return std::nullopt;
    }
    return parseJsonObject(*bytes, log);
}

} // namespace accelplan::data
