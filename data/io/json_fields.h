// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reads the known members of one JSON object and records a located problem for each member of
// the wrong type or out of range ("candidates[2].count: must be at least 1, got 0"). An absent
// member (or null) is not a problem unless required(): the caller keeps its default. A member
// the object's format does not define is refused by allowOnly(), with the key it probably
// meant: a misspelled key must not pass silently as a default. Keys starting with "x-" are the
// users' own notes and always allowed.

#include "io/io_error.h"
#include "support/qt_text.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string_view>

namespace accelplan::data {

// The known key `key` was probably meant for: the closest by edit distance when at most half
// its letters differ ("request_rate" is six edits from "requests_per_s"); empty when none is.
QString closestKey(const QString &key, const QStringList &known);

// A JSON member's name, from a literal.
inline QString key(const char *latin1) { return QString::fromLatin1(latin1); }

// Sets `target` to a field that was read; leaves it as it was when the field was absent or
// refused (the refusal is already reported).
template <class T> void assign(T &target, const std::optional<T> &value) {
    if (value)
        target = *value;
}

// Allowed values of a number: [min, max], or (min, max] when minExclusive.
struct NumberRange {
    double min = -std::numeric_limits<double>::max();
    double max = std::numeric_limits<double>::max();
    bool minExclusive = false;

    static NumberRange positive() { return {0, std::numeric_limits<double>::max(), true}; }
    static NumberRange atLeast(double v) { return {v, std::numeric_limits<double>::max(), false}; }
    static NumberRange between(double lo, double hi) { return {lo, hi, false}; }
};

// "a string (\"64\")", "an array", "true", "12.5": what a person sees in the file.
QString describeJsonValue(const QJsonValue &value);

class JsonFields {
public:
    JsonFields(QJsonObject object, QString path, IoErrorLog &log)
        : object_(std::move(object)), path_(std::move(path)), log_(log) {}

    const QString &path() const { return path_; }
    QString pathOf(const QString &key) const { return jsonMemberPath(path_, key); }
    bool has(const QString &key) const { return value(key).has_value(); }
    // The member, or nothing when absent or null.
    std::optional<QJsonValue> value(const QString &key) const;
    IoErrorLog &log() const { return log_; }

    // Records "missing" when absent; returns whether the member is there.
    bool require(const QString &key, const QString &what = {});

    std::optional<double> number(const QString &key, NumberRange range = {});
    std::optional<int> integer(const QString &key, int min = std::numeric_limits<int>::min(),
                               int max = std::numeric_limits<int>::max());
    std::optional<bool> boolean(const QString &key);
    std::optional<QString> string(const QString &key); // non-empty
    std::optional<QJsonObject> object(const QString &key);
    std::optional<QJsonArray> array(const QString &key);

    // One of `allowed`, named in the file as toString(value) names it; `what` words the error:
    // "unknown precision 'fp9'; expected one of bf16, fp16, fp8".
    template <class E>
    std::optional<E> choice(const QString &key, std::span<const E> allowed, const QString &what) {
        const std::optional<QString> name = string(key);
        if (!name)
            return std::nullopt;
        QStringList names;
        for (E e : allowed) {
            const QString n = qs(toString(e));
            if (n == *name)
                return e;
            names << n;
        }
        problem(key, QStringLiteral("unknown %1 '%2'; expected one of %3")
                         .arg(what, *name, names.join(QStringLiteral(", "))));
        return std::nullopt;
    }

    void problem(const QString &key, const QString &reason) const {
        log_.atPath(pathOf(key), reason);
    }

    // Records "unknown key; did you mean training.global_batch?" for every member that is not
    // in `known` (nor an "x-" note). `later`: keys the format defines that this version does not
    // read yet, refused as such rather than as misspellings.
    void allowOnly(std::initializer_list<std::string_view> known,
                   std::initializer_list<std::string_view> later = {}) const;

private:
    void wrongType(const QString &key, const QString &expected, const QJsonValue &got) const;

    QJsonObject object_;
    QString path_;
    IoErrorLog &log_;
};

} // namespace accelplan::data
