// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Two-way tables between enum values and the names the file formats use.

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace accelplan::util {

template <class E, std::size_t N> using NameTable = std::array<std::pair<E, std::string_view>, N>;

template <class E, std::size_t N>
constexpr std::string_view nameOf(const NameTable<E, N> &table, E e) {
    for (const auto &[value, name] : table) {
        if (value == e)
            return name;
    }
    return "";
}

// The table's values, in its order.
template <class E, std::size_t N> std::vector<E> valuesOf(const NameTable<E, N> &table) {
    std::vector<E> out;
    for (const auto &entry : table)
        out.push_back(entry.first);
    return out;
}

template <class E, std::size_t N>
constexpr std::optional<E> valueOf(const NameTable<E, N> &table, std::string_view s) {
    for (const auto &[value, name] : table) {
        if (name == s)
            return value;
    }
    return std::nullopt;
}

} // namespace accelplan::util
