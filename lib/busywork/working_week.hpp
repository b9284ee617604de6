// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <chrono>
#include <string>
#include <string_view>

namespace busywork {

/// The hours a rep is expected to work, on the report zone's wall clock: the denominator of
/// every share. Days are ISO-numbered: index 0 is Monday, 6 is Sunday.
struct WorkingWeek {
    std::array<bool, 7> days{true, true, true, true, true, false, false};
    std::chrono::minutes start{9 * 60}; ///< since local midnight
    std::chrono::minutes end{17 * 60};  ///< since local midnight, after `start`

    /// Minutes of work in a week without a clock change.
    std::chrono::minutes minutes_per_week() const;

    /// The form it is written in: "Mon-Fri 09:00-17:00".
    std::string to_string() const;

    friend bool operator==(const WorkingWeek&, const WorkingWeek&) = default;
};

/// Parses "Mon-Fri 09:00-17:00", "Mon,Tue,Thu 08:30-17:30" or "Sun-Thu 08:00-16:00" (day
/// names in English, case-insensitive; a range runs forward and wraps past Sunday, so "Fri-Mon"
/// is Fri, Sat, Sun, Mon). Throws `std::invalid_argument` with a message that says what is wrong
/// and what is expected.
WorkingWeek parse_working_week(std::string_view text);

} // namespace busywork
