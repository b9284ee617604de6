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

/// How much of each VEVENT libical is given.
struct LibicalInput {
    /// DESCRIPTION and X-ALT-DESC lines (see ReadOptions::descriptions).
    bool descriptions = true;
    /// Every line. When false, lines whose problems cannot change a result are left out:
    /// the event's subcomponents (VALARM ...) and the properties busywork never reads
    /// (DTSTAMP, CREATED, X- ones ...), and plain ORGANIZER and ATTENDEE lines, which are
    /// read by hand instead (read_plain_person), as libical's reading of their parameters is
    /// most of its work on a typical export.
    bool all_lines = true;
};

/// Reads one calendar from a stream, a chunk at a time; `progress`, when given, is called
/// now and then with the bytes and VEVENTs read so far. With a `window`, VEVENTs that
/// certainly cannot touch it are not parsed by libical but kept as stand-ins (see
/// ReadOptions::window).
CalendarFile read_calendar(std::istream& in, const std::string& path, Diagnostics& diagnostics,
                           const std::function<void(std::uint64_t, std::size_t)>& progress = {},
                           const std::optional<TimeWindow>& window = std::nullopt,
                           const LibicalInput& input = {});

/// Reads one calendar from its bytes. `path` names it in diagnostics. Every VEVENT is parsed
/// on its own by libical, so one broken event costs only itself; its problems go to
/// `diagnostics` with their line numbers.
CalendarFile read_calendar(std::string_view bytes, const std::string& path,
                           Diagnostics& diagnostics,
                           const std::optional<TimeWindow>& window = std::nullopt,
                           const LibicalInput& input = {});

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
    /// The only instants the caller will expand occurrences for. A VEVENT without rules (an
    /// override too) whose times, read by hand (read_plain_event), end well before it or start
    /// well after it is not handed to libical: it is kept as a stand-in with what merging by UID,
    /// owner inference and the search for the input's range need, so that every result is the same
    /// as without the window; only problems inside those events (which libical would have found) go
    /// unreported. Counted in CalendarFile::events_not_parsed.
    std::optional<TimeWindow> window = std::nullopt;
    /// Hand every VEVENT to libical even when a window is known, and all of it: for
    /// --strict, which must hear of every problem, and for tests that compare with the
    /// pre-scan.
    bool read_every_event = false;
    /// Whether libical is given every line of an event (see LibicalInput::all_lines). When
    /// false (and not read_every_event), problems in the lines busywork never reads are not
    /// looked for, and libical is spared most of its work.
    bool all_lines = true;
    /// Whether events keep their DESCRIPTION. A report has no use for it unless a rule reads
    /// it, and it is often a third of an export's bytes, which libical would parse and the
    /// records hold to the end: when false (and not read_every_event), DESCRIPTION lines and
    /// Outlook's X-ALT-DESC are not handed to libical, so events have no description and
    /// problems inside those lines are not looked for.
    bool descriptions = true;
};

/// Reads files, directories (every `*.ics` below them, in name order) and `-` (standard
/// input). An input that cannot be read is reported in `diagnostics` and left out.
std::vector<CalendarFile> read_inputs(const std::vector<std::string>& inputs,
                                      Diagnostics& diagnostics, const ReadOptions& options = {});

} // namespace busywork
