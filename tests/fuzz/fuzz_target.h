// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every fuzz target in this folder provides: libFuzzer's entry point. The same source is
// built twice: with clang's -fsanitize=fuzzer into a fuzzer (scripts/fuzz), and with the normal
// compiler into a replay program that runs the saved corpus and crash inputs under ctest.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace accelplan::fuzz {

// A broken promise of the code under test is a crash to libFuzzer: it keeps the input.
[[noreturn]] inline void violated(const char *what, const char *file, int line) {
    std::fprintf(stderr, "%s:%d: fuzz property violated: %s\n", file, line, what);
    std::abort();
}

} // namespace accelplan::fuzz

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::accelplan::fuzz::violated(#condition, __FILE__, __LINE__);                           \
    } while (false)
