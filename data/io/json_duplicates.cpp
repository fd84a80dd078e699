// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/json_duplicates.h"

#include "io/json_file.h"

#include <QHash>
#include <QString>

#include <vector>

namespace accelplan::data {
namespace {

// One open object or array while scanning.
struct Frame {
    bool object = true;
    QString path;
    QHash<QString, qsizetype> keys; // key -> the offset where it first appeared
    QString key;                    // the member whose value comes next (objects)
    bool expectKey = true;          // objects: the next string is a key
    qsizetype index = 0;            // arrays: the element whose value comes next
};

// The string token starting at `i` (the opening quote), decoded; `i` ends past its closing quote.
QString readString(const QByteArray &s, qsizetype &i) {
    QByteArray raw;
    for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] != '\\') {
            raw += s[i];
            continue;
        }
        if (++i >= s.size())
            break; // a backslash that ends the text: never in a document Qt parsed
        switch (s[i]) {
        case 'b': raw += '\b'; break;
        case 'f': raw += '\f'; break;
        case 'n': raw += '\n'; break;
        case 'r': raw += '\r'; break;
        case 't': raw += '\t'; break;
        case 'u': {
            // Kept as the escape: two keys are the same when their escapes are, and a key
            // spelled once escaped and once not is rare enough not to matter here.
            raw += "\\u";
            break;
        }
        default: raw += s[i]; break; // \" \\ \/
        }
    }
    ++i; // the closing quote
    return QString::fromUtf8(raw);
}

QString childPath(const std::vector<Frame> &stack) {
    if (stack.empty())
        return {};
    const Frame &top = stack.back();
    return top.object ? jsonMemberPath(top.path, top.key) : jsonIndexPath(top.path, top.index);
}

} // namespace

bool checkNoDuplicateKeys(const QByteArray &s, IoErrorLog &log) {
    bool clean = true;
    std::vector<Frame> stack;
    for (qsizetype i = 0; i < s.size();) {
        const char c = s[i];
        if (c == '{' || c == '[') {
            Frame f;
            f.object = c == '{';
            f.path = childPath(stack);
            stack.push_back(std::move(f));
            ++i;
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
            ++i;
        } else if (c == ',') {
            if (!stack.empty()) {
                if (stack.back().object)
                    stack.back().expectKey = true;
                else
                    ++stack.back().index;
            }
            ++i;
        } else if (c == ':') {
            if (!stack.empty())
                stack.back().expectKey = false;
            ++i;
        } else if (c == '"') {
            const qsizetype start = i;
            const QString text = readString(s, i);
            if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                Frame &f = stack.back();
                f.key = text;
                if (const auto first = f.keys.constFind(text); first != f.keys.constEnd()) {
                    clean = false;
                    log.atPath(jsonMemberPath(f.path, text),
                               QStringLiteral("appears twice in one object (lines %1 and %2); "
                                              "a key may be given once")
                                   .arg(lineAndColumn(s, *first).first)
                                   .arg(lineAndColumn(s, start).first));
                } else {
                    f.keys.insert(text, start);
                }
            }
        } else {
            ++i; // white space, numbers, true, false, null
        }
    }
    return clean;
}

} // namespace accelplan::data
