// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/json_fields.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace accelplan::data {
namespace {

// The shortest text that reads back as `v`, for messages ("got 64.5", not 64.500000000000000).
QString shortNumber(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

// Edits (insert, delete, replace) that turn `a` into `b`.
qsizetype editDistance(QStringView a, QStringView b) {
    std::vector<qsizetype> row(std::size_t(b.size()) + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[std::size_t(j)] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        qsizetype diagonal = row[0];
        row[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype above = row[std::size_t(j)];
            row[std::size_t(j)] = std::min({above + 1, row[std::size_t(j - 1)] + 1,
                                            diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[std::size_t(b.size())];
}

} // namespace

QString closestKey(const QString &key, const QStringList &known) {
    QString closest;
    qsizetype best = std::max<qsizetype>(2, (key.size() + 1) / 2) + 1;
    for (const QString &candidate : known) {
        if (const qsizetype d = editDistance(key.toLower(), candidate); d < best) {
            best = d;
            closest = candidate;
        }
    }
    return closest;
}

void JsonFields::allowOnly(std::initializer_list<std::string_view> known,
                           std::initializer_list<std::string_view> later) const {
    for (const QString &member : object_.keys()) {
        if (member.startsWith(QLatin1String("x-")))
            continue;
        const auto named = [&](std::string_view k) { return member == QLatin1String(k); };
        if (std::any_of(known.begin(), known.end(), named))
            continue;
        if (std::any_of(later.begin(), later.end(), named)) {
            problem(member, QStringLiteral("is not read by this version of AccelPlan yet; remove "
                                           "it, or keep it as a note under \"x-%1\"")
                                .arg(member));
            continue;
        }
        QStringList names;
        for (std::string_view k : known)
            names << QString::fromLatin1(k.data(), qsizetype(k.size()));
        const QString closest = closestKey(member, names);
        QString reason = QStringLiteral("unknown key");
        if (!closest.isEmpty())
            reason += QStringLiteral("; did you mean %1?").arg(pathOf(closest));
        else {
            reason += QStringLiteral("; expected one of %1 (or an \"x-\" note)")
                          .arg(names.join(QStringLiteral(", ")));
        }
        problem(member, reason);
    }
}

QString describeJsonValue(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return shortNumber(value.toDouble());
    case QJsonValue::String: {
        QString s = value.toString();
        if (s.size() > 40)
            s = s.left(40) + QStringLiteral("...");
        return QStringLiteral("a string (\"%1\")").arg(s);
    }
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

std::optional<QJsonValue> JsonFields::value(const QString &key) const {
    const QJsonValue v = object_.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    return v;
}

void JsonFields::wrongType(const QString &key, const QString &expected,
                           const QJsonValue &got) const {
    problem(key, QStringLiteral("must be %1, got %2").arg(expected, describeJsonValue(got)));
}

bool JsonFields::require(const QString &key, const QString &what) {
    if (has(key))
        return true;
    problem(key, what.isEmpty() ? QStringLiteral("missing") : QStringLiteral("missing: ") + what);
    return false;
}

std::optional<double> JsonFields::number(const QString &key, NumberRange range) {
    const auto v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isDouble()) {
        wrongType(key, QStringLiteral("a number"), *v);
        return std::nullopt;
    }
    const double d = v->toDouble();
    if (!std::isfinite(d)) {
        problem(key, QStringLiteral("must be a finite number, got %1").arg(shortNumber(d)));
        return std::nullopt;
    }
    if (range.minExclusive ? !(d > range.min) : !(d >= range.min)) {
        problem(key, QStringLiteral("must be %1 %2, got %3")
                         .arg(range.minExclusive ? QStringLiteral("greater than")
                                                 : QStringLiteral("at least"),
                              shortNumber(range.min), shortNumber(d)));
        return std::nullopt;
    }
    if (d > range.max) {
        problem(key, QStringLiteral("must be at most %1, got %2")
                         .arg(shortNumber(range.max), shortNumber(d)));
        return std::nullopt;
    }
    return d;
}

std::optional<int> JsonFields::integer(const QString &key, int min, int max) {
    const auto v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isDouble()) {
        wrongType(key, QStringLiteral("a whole number"), *v);
        return std::nullopt;
    }
    const double d = v->toDouble();
    if (!std::isfinite(d) || std::floor(d) != d) {
        problem(key, QStringLiteral("must be a whole number, got %1").arg(shortNumber(d)));
        return std::nullopt;
    }
    if (d < min) {
        problem(key, QStringLiteral("must be at least %1, got %2").arg(min).arg(shortNumber(d)));
        return std::nullopt;
    }
    if (d > max) {
        problem(key, QStringLiteral("must be at most %1, got %2").arg(max).arg(shortNumber(d)));
        return std::nullopt;
    }
    return static_cast<int>(d);
}

std::optional<bool> JsonFields::boolean(const QString &key) {
    const auto v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isBool()) {
        wrongType(key, QStringLiteral("true or false"), *v);
        return std::nullopt;
    }
    return v->toBool();
}

std::optional<QString> JsonFields::string(const QString &key) {
    const auto v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        wrongType(key, QStringLiteral("a string"), *v);
        return std::nullopt;
    }
    if (v->toString().trimmed().isEmpty()) {
        problem(key, QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    return v->toString();
}

std::optional<QJsonObject> JsonFields::object(const QString &key) {
    const auto v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isObject()) {
        wrongType(key, QStringLiteral("an object ({ ... })"), *v);
        return std::nullopt;
    }
    return v->toObject();
}

std::optional<QJsonArray> JsonFields::array(const QString &key) {
    const auto v = value(key);
    if (!v)
        return std::nullopt;
    if (!v->isArray()) {
        wrongType(key, QStringLiteral("an array ([ ... ])"), *v);
        return std::nullopt;
    }
    return v->toArray();
}

} // namespace accelplan::data
