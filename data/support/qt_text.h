// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// core keeps text as UTF-8 std::string; Qt wants QString. The one conversion every layer
// above core uses, so none writes its own.

#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>

#include <string_view>

namespace accelplan::data {

// Lossless, unlike QString::fromUtf8 and fromStdString, which drop a leading U+FEFF: a value
// that starts with one (an id pasted from a spreadsheet) would change between a save and a
// read (found by fuzzing the catalog CSV).
inline QString qs(std::string_view s) {
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return utf8(QByteArrayView(s.data(), static_cast<qsizetype>(s.size())));
}

} // namespace accelplan::data
