// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/ics_reader.hpp>
#include <chrono>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace busywork {

/// Whether a run shows a progress line: only for a person watching, so never with --quiet,
/// never when standard error is a pipe, a file or cron's mail, and not on a terminal that
/// cannot erase a line (TERM=dumb, or no TERM at all).
bool progress_wanted(bool quiet, bool stderr_is_terminal, std::string_view term);

/// "3 of 10 files, 45.2 of 100.0 MB, 32,108 events, 41.3 MB/s" after `seconds` of reading.
/// The file counted is the one being read; a total of 0 bytes (standard input) is left out.
std::string describe_progress(const ReadProgress& progress, double seconds);

/// One line on a terminal that says how far reading has got, rewritten in place:
/// `\r busywork: reading … ESC[K`. Nothing is written in the first second, since a short run
/// would only flicker, and at most ten redraws a second, since each costs a write to the
/// terminal. The line is erased when reading ends (or this is destroyed), so that whatever is
/// written to standard error afterwards starts on a clean line.
class ProgressLine {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    /// Times from now, by `clock`; tests pass their own.
    explicit ProgressLine(std::ostream& out, Clock clock = std::chrono::steady_clock::now);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    /// For `ReadOptions::progress`. The update that says every file is done erases the line.
    void update(const ReadProgress& progress);
    /// Erases the line if it is shown; later updates draw it again.
    void finish();

    /// Options that send the reader's progress here.
    ReadOptions read_options();

    static constexpr std::chrono::milliseconds delay{1000};
    static constexpr std::chrono::milliseconds interval{100};

private:
    std::ostream& m_out;
    Clock m_clock;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_drawn_at;
    bool m_shown = false;
};

} // namespace busywork
