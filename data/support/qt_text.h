#pragma once
// core keeps text as UTF-8 std::string; Qt wants QString. The one conversion every layer
// above core uses, so none writes its own.

#include <QString>

#include <string_view>

namespace accelplan::data {

inline QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace accelplan::data
