// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A JSON document written member by member in the order given, indented two spaces. The result
// document reads top-down as the contract shows it (format, scenario, then each candidate's
// chip and count before its numbers); QJsonDocument would sort every object's keys.

#include <QByteArray>

#include <optional>
#include <string_view>
#include <vector>

namespace accelplan::data {

class OrderedJsonWriter {
public:
    // `inlined`: all elements on one line ("[17000, 24500]"), for short arrays of numbers.
    void beginObject();
    void endObject();
    void beginArray(bool inlined = false);
    void endArray();

    // The next value is this member of the enclosing object.
    OrderedJsonWriter &key(std::string_view name);

    // A number in the shortest form that reads back exactly; a non-finite one as null, which
    // no JSON reader would accept otherwise.
    void number(double v);
    void integer(long long v);
    void boolean(bool v);
    void string(std::string_view utf8);
    void null();
    // The number, or null when there is none.
    void number(const std::optional<double> &v);

    // The finished document, ending in a newline.
    QByteArray take();

private:
    struct Level {
        bool array = false;
        bool inlined = false;
        bool empty = true;
    };
    void beforeValue();
    void newline();
    void quoted(std::string_view utf8);
    void raw(std::string_view text) { out_.append(text.data(), qsizetype(text.size())); }

    QByteArray out_;
    std::vector<Level> levels_;
    bool afterKey_ = false;
};

} // namespace accelplan::data
