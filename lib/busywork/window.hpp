// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/recurrence.hpp>
#include <busywork/time_zones.hpp>
#include <date/date.h>
#include <string>

namespace busywork {

/// `YYYY-MM-DD`; throws UsageError otherwise.
date::year_month_day parse_date(const std::string& text);

/// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` (wall time in `zone`) or with `Z`/`±HH:MM`;
/// throws UsageError otherwise.
Instant parse_now(const std::string& text, const Zone& zone);

/// From midnight of `first` to midnight after `last` in `zone`: both dates included.
/// Throws UsageError when `last` is before `first`.
TimeWindow window_for_dates(date::year_month_day first, date::year_month_day last,
                            const Zone& zone);

/// The ISO 8601 week (Monday to Monday in `zone`) before the one that holds `now`.
TimeWindow last_complete_week(Instant now, const Zone& zone);

} // namespace busywork
