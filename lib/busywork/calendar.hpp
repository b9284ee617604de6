// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/occurrence.hpp>
#include <busywork/time_zones.hpp>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace busywork {

/// How a DATE or DATE-TIME value was written (RFC 5545 3.3.4, 3.3.5).
enum class TimeForm { date, floating, utc, zoned };

/// A DATE or DATE-TIME as written: the wall-clock reading and how to place it on the time
/// line. For `utc`, `local` is the UTC reading; for `date`, it is midnight of the date.
struct DateTimeValue {
    LocalTime local{};
    TimeForm form = TimeForm::floating;
    std::string tzid; ///< only for `zoned`
};

/// An RFC 5545 DURATION: nominal days and weeks, exact seconds (3.3.6).
struct NominalDuration {
    int days = 0;
    std::chrono::seconds exact{0};
    bool negative = false;
};

/// One RDATE value: a start, with the period's own end or duration for VALUE=PERIOD.
struct RecurrenceDate {
    DateTimeValue start;
    std::optional<DateTimeValue> period_end;
    std::optional<NominalDuration> period_duration;
};

/// One VEVENT as written, before recurrence expansion.
struct EventRecord {
    int line = 0;
    std::string uid;
    std::optional<DateTimeValue> dtstart;
    std::optional<DateTimeValue> dtend;
    std::optional<NominalDuration> duration;
    std::vector<std::string> rrules; ///< RRULE values, as libical prints them
    std::vector<RecurrenceDate> rdates;
    std::vector<DateTimeValue> exdates;
    std::optional<DateTimeValue> recurrence_id;
    bool this_and_future = false; ///< RECURRENCE-ID;RANGE=THISANDFUTURE
    int sequence = 0;
    // Shared with the event's occurrences (see Shared), which are made from these.
    Shared<std::string> summary;
    Shared<std::string> description;
    Shared<std::string> location;
    Shared<std::optional<Attendee>> organizer;
    Shared<std::vector<Attendee>> attendees;
    Shared<std::string> status;
    Shared<std::string> transp;
    /// Read by the window pre-scan (read_plain_event), not by libical: an event that cannot
    /// touch the window, with only what merging, owner inference and the input's range need
    /// (no DESCRIPTION, CN or ROLE).
    bool stand_in = false;
};

/// One input file, read: its events and the zones its VTIMEZONEs define.
struct CalendarFile {
    std::string path;                  ///< as given, or `<stdin>`
    std::string calendar_name;         ///< X-WR-CALNAME
    std::string default_tzid;          ///< X-WR-TIMEZONE
    int default_tzid_line = 0;         ///< where X-WR-TIMEZONE is
    std::map<std::string, Zone> zones; ///< VTIMEZONE TZID -> its rules
    /// A deque, not a vector: a ten-year export has a hundred thousand records of about
    /// 500 bytes, and a vector growing by doubling would hold up to twice that, and three
    /// times while it moves them.
    std::deque<EventRecord> events;
    /// How many of `events` are stand-ins that libical never saw, so that problems inside
    /// them were not looked for (see ReadOptions::window).
    std::size_t events_not_parsed = 0;
};

} // namespace busywork
