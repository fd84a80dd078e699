// SPDX-License-Identifier: GPL-3.0-or-later
// Replays saved inputs through one fuzz target without libFuzzer: every file in the folders
// given on the command line (the target's corpus and its crash regressions) must pass. Built
// by the normal compiler so that ctest, and the sanitizer build, keep every found crash fixed.

#include "fuzz_target.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

namespace {

std::vector<std::uint8_t> readBytes(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char *argv[]) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " FOLDER|FILE...\n";
        return 2;
    }
    std::vector<std::filesystem::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        if (std::filesystem::is_directory(arg)) {
            // Hidden files (.gitkeep holds an empty folder in git) are not inputs.
            for (const auto &entry : std::filesystem::directory_iterator(arg))
                if (entry.is_regular_file() && !entry.path().filename().string().starts_with('.'))
                    inputs.push_back(entry.path());
        } else if (std::filesystem::is_regular_file(arg)) {
            inputs.push_back(arg);
        } else {
            std::cerr << arg << ": no such file or folder\n";
            return 2;
        }
    }
    std::sort(inputs.begin(), inputs.end()); // the same order on every run
    for (const auto &path : inputs) {
        // Announced first: if the input crashes, the log names it.
        std::cout << "replaying " << path.string() << '\n' << std::flush;
        const std::vector<std::uint8_t> bytes = readBytes(path);
        LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    }
    std::cout << inputs.size() << " inputs replayed\n";
    return 0;
}
