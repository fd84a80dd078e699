// SPDX-License-Identifier: GPL-3.0-or-later
#include "json_mutator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QStringList>

#include <cstring>
#include <random>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t *data, std::size_t size, std::size_t maxSize);

namespace accelplan::fuzz {
namespace {

using Random = std::mt19937;

int below(Random &random, int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); }

// Keys and strings of every document seen so far: the format's own vocabulary, learnt from the
// corpus instead of written down twice.
struct Vocabulary {
    QStringList keys;
    QStringList strings;
    QSet<QString> known;

    void learn(const QString &word, QStringList &into) {
        if (into.size() < 4096 && !known.contains(word)) {
            known.insert(word);
            into.append(word);
        }
    }
    void learn(const QJsonValue &v) {
        if (v.isString()) {
            learn(v.toString(), strings);
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                learn(it.key(), keys);
                learn(it.value());
            }
        } else if (v.isArray()) {
            for (const QJsonValue e : v.toArray())
                learn(e);
        }
    }
    QString anyKey(Random &random) const {
        return keys.isEmpty() ? QStringLiteral("x") : keys.at(below(random, int(keys.size())));
    }
    QString anyString(Random &random) const {
        return strings.isEmpty() ? QStringLiteral("x")
                                 : strings.at(below(random, int(strings.size())));
    }
};

Vocabulary &vocabulary() {
    static Vocabulary v;
    return v;
}

// Numbers at the edges of what readers check: zero, signs, fractions, int and double limits.
double edgeNumber(Random &random) {
    static const double edges[] = {
        0,      -0.0, 1,          -1,         0.5,           2,
        3,      7,    1e-300,     1e300,      1e308,         -1e308,
        4e-324, 1e15, 2147483647, 2147483648, -2147483648.0, 4294967296.0,
        1e9,    1e-9, 65536,      100000};
    return edges[below(random, int(std::size(edges)))];
}

QJsonValue randomValue(Random &random, const QJsonValue &sibling) {
    switch (below(random, 9)) {
    case 0: return edgeNumber(random);
    case 1: return vocabulary().anyString(random);
    case 2: return QString();
    case 3: return below(random, 2) == 0;
    case 4: return QJsonValue(QJsonValue::Null);
    case 5: return QJsonObject();
    case 6: return QJsonArray();
    case 7: return sibling.isDouble() ? QString::number(sibling.toDouble()) : QJsonValue(7);
    default: return sibling.isDouble() ? sibling.toDouble() * (below(random, 2) ? 10 : -1) : 1;
    }
}

// Applies one mutation to the `target`-th value of the tree (pre-order); counts down `target`.
// `donor` is a value from elsewhere in the document, to copy in.
QJsonValue mutate(const QJsonValue &v, int &target, Random &random, const QJsonValue &donor) {
    if (target-- == 0) {
        if (v.isObject() && below(random, 2) == 0) {
            QJsonObject o = v.toObject();
            if (!o.isEmpty() && below(random, 2) == 0)
                o.remove(o.keys().at(below(random, int(o.size())))); // a member goes missing
            else
                o.insert(vocabulary().anyKey(random),
                         below(random, 2) ? donor : randomValue(random, {}));
            return o;
        }
        if (v.isArray() && below(random, 2) == 0) {
            QJsonArray a = v.toArray();
            if (!a.isEmpty() && below(random, 2) == 0)
                a.removeAt(below(random, int(a.size())));
            else
                a.append(a.isEmpty() ? donor : a.at(below(random, int(a.size()))));
            return a;
        }
        return below(random, 4) == 0 ? donor : randomValue(random, v);
    }
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end() && target >= 0; ++it)
            it.value() = mutate(it.value(), target, random, donor);
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size() && target >= 0; ++i)
            a[i] = mutate(a.at(i), target, random, donor);
        return a;
    }
    return v;
}

int countValues(const QJsonValue &v) {
    int n = 1;
    if (v.isObject())
        for (const QJsonValue e : v.toObject())
            n += countValues(e);
    else if (v.isArray())
        for (const QJsonValue e : v.toArray())
            n += countValues(e);
    return n;
}

// The `index`-th value of the tree (pre-order), to copy somewhere else; counts down `index`.
QJsonValue valueAt(const QJsonValue &v, int &index) {
    if (index-- == 0)
        return v;
    auto search = [&index](const auto &children) -> QJsonValue {
        for (const QJsonValue e : children) {
            QJsonValue found = valueAt(e, index);
            if (index < 0)
                return found;
        }
        return {};
    };
    if (v.isObject())
        return search(v.toObject());
    if (v.isArray())
        return search(v.toArray());
    return {};
}

} // namespace

std::size_t mutateJson(std::uint8_t *data, std::size_t size, std::size_t maxSize,
                       unsigned int seed) {
    Random random(seed);
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || below(random, 8) == 0)
        return LLVMFuzzerMutate(data, size, maxSize);
    const QJsonValue root =
        document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    vocabulary().learn(root);
    const int count = countValues(root);
    int donorIndex = below(random, count);
    const QJsonValue donor = valueAt(root, donorIndex);
    int rounds = 1 + below(random, 3);
    QJsonValue mutated = root;
    while (rounds-- > 0) {
        int target = below(random, countValues(mutated));
        mutated = mutate(mutated, target, random, donor);
    }
    const QByteArray out =
        (mutated.isObject() ? QJsonDocument(mutated.toObject()) : QJsonDocument(mutated.toArray()))
            .toJson(below(random, 2) ? QJsonDocument::Compact : QJsonDocument::Indented);
    if (std::size_t(out.size()) > maxSize)
        return LLVMFuzzerMutate(data, size, maxSize);
    std::memcpy(data, out.constData(), std::size_t(out.size()));
    return std::size_t(out.size());
}

} // namespace accelplan::fuzz
