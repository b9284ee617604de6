// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/occurrence.hpp>
#include <busywork/recurrence.hpp>
#include <busywork/time_zones.hpp>
#include <optional>
#include <string>
#include <vector>

namespace busywork {

/// One ISO 8601 week in the report zone: Monday 00:00 to the next Monday 00:00, local time.
/// A week with a clock change is 167 or 169 hours long.
struct Week {
    std::string label; ///< "2026-W43"
    Instant start{};
    Instant end{};
    date::year_month_day monday{}; ///< its first day, local
};

/// The ISO week that holds `instant` in `zone`.
Week week_of(Instant instant, const Zone& zone);

/// "2026-W43" (or "2026-w43"); throws UsageError otherwise, also for week 53 of a year that
/// has only 52.
Week parse_week(const std::string& label, const Zone& zone);

/// What the command line asks for; at most one of the three forms may be given.
struct WeekSelection {
    std::string week;         ///< "2026-W47", "this", "last" or "-N" (N weeks before this one)
    std::optional<int> weeks; ///< the N complete weeks before the current one
    std::string from;         ///< with `to`: every week that holds a day from `from` to `to`
    std::string to;
};

/// The weeks `selection` names, oldest first; without any form, the last complete week.
/// Throws UsageError for malformed or conflicting forms, or more than 1,000 weeks.
std::vector<Week> select_weeks(const WeekSelection& selection, Instant now, const Zone& zone);

/// From the first week's start to the last week's end.
TimeWindow span_of(const std::vector<Week>& weeks);

} // namespace busywork
