// SPDX-License-Identifier: MIT
// libFuzzer target: see fuzz_entries.hpp.
#include "fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    busywork::fuzz::ingest_and_expand(data, size);
    return 0;
}
