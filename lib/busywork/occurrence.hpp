// SPDX-License-Identifier: MIT
#pragma once

#include <busywork/shared.hpp>
#include <date/date.h>
#include <optional>
#include <string>
#include <vector>

namespace busywork {

/// A point on the UTC time line, to the second.
using Instant = date::sys_seconds;
/// A wall-clock reading that belongs to no zone yet.
using LocalTime = date::local_seconds;

/// Half-open interval of instants, `[from, to)`.
struct TimeWindow {
    Instant from{};
    Instant to{};
};

/// An ATTENDEE or ORGANIZER as written in the file. `address` is lower-cased and has no
/// `mailto:` prefix; parameters keep their RFC 5545 spelling (`ACCEPTED`, `REQ-PARTICIPANT`).
/// Its values are shared (see `Shared`): a ten-year export names the same few hundred
/// people, with the same few PARTSTATs, roles and types, a hundred thousand times.
struct Attendee {
    Shared<std::string> address;
    Shared<std::string> common_name;
    Shared<std::string> partstat;
    Shared<std::string> role;
    Shared<std::string> cutype;
    friend bool operator==(const Attendee&, const Attendee&) = default;
};

/// One instance of an event, after recurrence expansion. Start and end are instants; an
/// all-day occurrence starts and ends at midnight of the report zone. `end >= start`.
/// The instances of one event share its text and attendees (see `Shared`).
struct Occurrence {
    Shared<std::string> source_file;
    int source_line = 0; ///< line of the BEGIN:VEVENT that defined this instance
    Shared<std::string> uid;
    /// The instance's original start (RFC 5545 RECURRENCE-ID) when it belongs to a series.
    std::optional<Instant> recurrence_id;
    Instant start{};
    Instant end{};
    bool all_day = false;
    bool recurring = false;
    Shared<std::string> summary;
    Shared<std::string> description;
    Shared<std::string> location;
    Shared<std::optional<Attendee>> organizer;
    Shared<std::vector<Attendee>> attendees;
    Shared<std::string> status; ///< `CONFIRMED`, `TENTATIVE`, `CANCELLED` or empty
    Shared<std::string> transp; ///< `OPAQUE`, `TRANSPARENT` or empty
};

} // namespace busywork
