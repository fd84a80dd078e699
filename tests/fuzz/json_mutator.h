// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A structure-aware mutator for the fuzz targets that read JSON documents. Byte-level mutation
// rarely keeps JSON valid, so most inputs would stop at the syntax check; this one parses the
// input, changes one value in the tree the way a careless person or a broken program would
// (an edge number, a wrong type, a missing or duplicated member, a value from elsewhere in the
// file) and writes the document back. Inputs that are not JSON get libFuzzer's own mutations.

#include <cstddef>
#include <cstdint>

// libFuzzer's hook; a target built with ACCELPLAN_FUZZ_JSON_MUTATOR defines it as mutateJson.
extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t *data, std::size_t size,
                                               std::size_t maxSize, unsigned int seed);

namespace accelplan::fuzz {

// For LLVMFuzzerCustomMutator: mutates data[0, size) in place, returns the new size (at most
// maxSize).
std::size_t mutateJson(std::uint8_t *data, std::size_t size, std::size_t maxSize,
                       unsigned int seed);

} // namespace accelplan::fuzz
