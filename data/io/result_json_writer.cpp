// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/result_json_writer.h"

#include <QLocale>

#include <cmath>
#include <cstdio>
#include <utility>

namespace accelplan::data {

void OrderedJsonWriter::newline() {
    out_ += '\n';
    out_.append(qsizetype(2 * levels_.size()), ' ');
}

void OrderedJsonWriter::beforeValue() {
    if (afterKey_) {
        afterKey_ = false;
        return;
    }
    if (levels_.empty())
        return;
    Level &level = levels_.back();
    if (!level.empty)
        out_ += ',';
    if (level.inlined) {
        if (!level.empty)
            out_ += ' ';
    } else {
        newline();
    }
    level.empty = false;
}

void OrderedJsonWriter::beginObject() {
    beforeValue();
    out_ += '{';
    levels_.push_back({false, false, true});
}

void OrderedJsonWriter::endObject() {
    const bool empty = levels_.back().empty;
    levels_.pop_back();
    if (!empty)
        newline();
    out_ += '}';
}

void OrderedJsonWriter::beginArray(bool inlined) {
    beforeValue();
    out_ += '[';
    levels_.push_back({true, inlined, true});
}

void OrderedJsonWriter::endArray() {
    const Level level = levels_.back();
    levels_.pop_back();
    if (!level.empty && !level.inlined)
        newline();
    out_ += ']';
}

OrderedJsonWriter &OrderedJsonWriter::key(std::string_view name) {
    beforeValue();
    quoted(name);
    out_ += ": ";
    afterKey_ = true;
    return *this;
}

void OrderedJsonWriter::number(double v) {
    if (!std::isfinite(v)) {
        null();
        return;
    }
    beforeValue();
    if (v == 0) {
        out_ += '0'; // never "-0"
        return;
    }
    out_ += QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
}

void OrderedJsonWriter::number(const std::optional<double> &v) {
    if (v)
        number(*v);
    else
        null();
}

void OrderedJsonWriter::integer(long long v) {
    beforeValue();
    out_ += QByteArray::number(v);
}

void OrderedJsonWriter::boolean(bool v) {
    beforeValue();
    raw(v ? "true" : "false");
}

void OrderedJsonWriter::null() {
    beforeValue();
    raw("null");
}

void OrderedJsonWriter::string(std::string_view utf8) {
    beforeValue();
    quoted(utf8);
}

void OrderedJsonWriter::quoted(std::string_view utf8) {
    out_ += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"': raw("\\\""); break;
        case '\\': raw("\\\\"); break;
        case '\n': raw("\\n"); break;
        case '\r': raw("\\r"); break;
        case '\t': raw("\\t"); break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
                raw(escaped);
            } else {
                out_ += c; // UTF-8 passes through as is
            }
        }
    }
    out_ += '"';
}

QByteArray OrderedJsonWriter::take() {
    out_ += '\n';
    levels_.clear();
    afterKey_ = false;
    return std::exchange(out_, {});
}

} // namespace accelplan::data
