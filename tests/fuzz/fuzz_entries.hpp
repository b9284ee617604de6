// SPDX-License-Identifier: MIT
// What each fuzz target does with one input. The libFuzzer mains call these, and the normal
// test run replays every saved regression input through them.
#pragma once

#include <cstddef>
#include <cstdint>

namespace busywork::fuzz {

/// Reads the bytes as an .ics file and expands it around its first event.
void ingest_and_expand(const std::uint8_t* data, std::size_t size);

/// Reads, classifies with the default rules and renders the report and the event list in
/// every format.
void classify_and_render(const std::uint8_t* data, std::size_t size);

/// Reads the bytes as a user's rules file; when it parses, classifies a few occurrences.
void parse_rules_file(const std::uint8_t* data, std::size_t size);

} // namespace busywork::fuzz
