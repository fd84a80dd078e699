// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Comparing words as people type them: case does not matter ("EU" is "eu", "aws" is "AWS").
// ASCII only: the catalog's ids, providers, regions and unit words are ASCII.

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace accelplan::util {

inline char lowerChar(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

inline std::string lowerCase(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lowerChar);
    return out;
}

inline bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](char x, char y) { return lowerChar(x) == lowerChar(y); });
}

} // namespace accelplan::util
