// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/calendar.hpp>
#include <busywork/diagnostics.hpp>
#include <busywork/occurrence.hpp>
#include <busywork/time_zones.hpp>
#include <cstddef>
#include <vector>

namespace busywork {

/// Whether an occurrence from `start` to `end` belongs to `window`: it overlaps it, or, when it
/// has no length, it starts inside it.
bool overlaps(const TimeWindow& window, Instant start, Instant end);

struct ExpansionLimits {
    /// Occurrences one series may put into the window; past it the series is cut, with a warning.
    std::size_t occurrences_per_series = 50000;
    /// Occurrences share their event's text and attendees in memory, but every one of them
    /// is written out with all of it, so a series may also put no more than this many bytes
    /// (an estimate) into the window: an endless series with a megabyte of DESCRIPTION or
    /// thousands of attendees is cut sooner.
    std::size_t bytes_per_series = 64u << 20;
    /// Starts the rules of one series may generate in all, inside the window or before it.
    /// A rule without COUNT jumps ahead to the window, so this bounds COUNT rules that start
    /// long before it: 200,000 hourly starts are 23 years, at about 2 µs each in libical.
    std::size_t steps_per_series = 200000;
};

/// Every occurrence of every event in `calendars` that overlaps `window` (a zero-length one
/// when `from <= start < to`), sorted by start, then UID.
///
/// 1. Events are merged across calendars by UID and RECURRENCE-ID: of copies with the same
///    content one is kept; of differing copies, the highest SEQUENCE; copies that differ with
///    the same SEQUENCE are all kept, and reported.
/// 2. A series is DTSTART, its RRULEs and RDATEs, less its EXDATEs, generated in the wall
///    time of DTSTART's zone (so a 09:00 meeting stays at 09:00 across DST).
/// 3. An override (RECURRENCE-ID) replaces the instance it names, compared as instants (as
///    dates when either side is a DATE); with RANGE=THISANDFUTURE it also moves and retitles
///    every later instance. An override that names no instance stands on its own.
/// 4. Floating times are read in X-WR-TIMEZONE when the calendar has one, else in
///    `report_zone`; all-day occurrences span midnight to midnight of `report_zone`.
std::vector<Occurrence> expand_occurrences(const std::vector<CalendarFile>& calendars,
                                           const TimeWindow& window, const Zone& report_zone,
                                           Diagnostics& diagnostics,
                                           const ExpansionLimits& limits = {});

} // namespace busywork
