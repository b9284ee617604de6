// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/calendar.hpp>
#include <busywork/diagnostics.hpp>
#include <busywork/occurrence.hpp>
#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace busywork {

/// Reads one calendar from a stream, a chunk at a time; `progress`, when given, is called
/// now and then with the bytes and VEVENTs read so far.
CalendarFile read_calendar(std::istream& in, const std::string& path, Diagnostics& diagnostics,
                           const std::function<void(std::uint64_t, std::size_t)>& progress = {});

/// Reads one calendar from its bytes. `path` names it in diagnostics. Every VEVENT is parsed
/// on its own by libical, so one broken event costs only itself; its problems go to
/// `diagnostics` with their line numbers.
CalendarFile read_calendar(std::string_view bytes, const std::string& path,
                           Diagnostics& diagnostics);

/// How far reading has got, for a progress line.
struct ReadProgress {
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::uint64_t bytes_read = 0;
    std::uint64_t bytes_total = 0; ///< 0 while unknown (standard input)
    std::size_t events = 0;        ///< VEVENTs read so far
};

struct ReadOptions {
    /// Called from the reading thread now and then (about every megabyte) and after each file.
    std::function<void(const ReadProgress&)> progress;
};

/// Reads files, directories (every `*.ics` below them, in name order) and `-` (standard
/// input). An input that cannot be read is reported in `diagnostics` and left out.
std::vector<CalendarFile> read_inputs(const std::vector<std::string>& inputs,
                                      Diagnostics& diagnostics, const ReadOptions& options = {});

} // namespace busywork
